import { randomUUID } from 'node:crypto';
import type { ExchangeView, RecipeTrial, RecipeTrialInput } from '../../../shared/ipc/details-view';
import { ownValue } from '../../../shared/records/own-value';
import { secretMove } from '../../../shared/recipes/secret-destination';
import { AppError } from '../app-error';
import { TokenError } from '../exchange-errors/token-error';
import { recordExchange } from '../exchange-log/record-exchange';
import { checkBaseUrl, checkValues, recipeOf, withDefaults } from '../providers/provider-recipe';
import type { ProviderService } from '../providers/provider-service';
import { SecretRegistry } from '../redaction/secret-registry';
import type { TokenEngine } from './token-engine';

export interface RecipeTrialDeps {
  engine: TokenEngine;
  providers: ProviderService;
  /** The session's registry: typed secrets join it, so any message leaving main is scrubbed of them. */
  secrets: SecretRegistry;
}

/** Errors after the token was read out of the reply: the mapping found it, then refused it. */
const FOUND_THEN_REFUSED = new Set(['bad-token', 'token-type', 'expiry']);

/**
 * Runs a recipe once with the form's values, saving nothing (no provider, no token, no journal
 * entry): the result says what the mapping found — whether there was a token (never the token),
 * its expiry and where that came from — with the redacted exchanges. Editing a provider, the
 * secrets left empty in the form are its stored ones, but only while they would go where they
 * were saved for (the same rule as saving an edit).
 */
export async function tryRecipe(deps: RecipeTrialDeps, input: RecipeTrialInput): Promise<RecipeTrial> {
  const recipe = recipeOf(input.presetId, input.recipe);
  const baseUrl = checkBaseUrl(recipe, input.baseUrl);
  const typed = Object.fromEntries(Object.entries(input.values).filter(([, value]) => value !== ''));
  const stored = input.id === undefined ? {} : storedSecrets(deps.providers, input, recipe, baseUrl);
  checkValues(recipe, typed, { alreadySet: Object.keys(stored) });
  const values = withDefaults(recipe, { ...stored, ...typed });

  const secrets = new SecretRegistry();
  for (const field of recipe.fields) {
    if (!field.secret) continue;
    secrets.add(ownValue(values, field.key));
    deps.secrets.add(ownValue(values, field.key));
  }
  const exchanges: ExchangeView[] = [];
  try {
    const grant = await deps.engine.obtain(`recipe-trial:${randomUUID()}`, {
      recipe,
      providerName: input.presetId === 'custom' ? recipe.name : undefined,
      baseUrl,
      values,
      timeoutMs: input.settings?.timeoutSeconds === undefined ? undefined : input.settings.timeoutSeconds * 1000,
      lifetimeSeconds: input.settings?.lifetimeSeconds,
      sensitive: (value) => {
        secrets.add(value);
        deps.secrets.add(value);
      },
      redact: (text) => deps.secrets.redact(secrets.redact(text)),
      observe: (raw, found) => {
        secrets.add(found?.token, found?.refreshToken);
        exchanges.push(recordExchange(raw, secrets));
      },
    });
    return {
      ok: true,
      tokenFound: true,
      expiresAt: grant.expiresAt === null ? null : new Date(grant.expiresAt).toISOString(),
      expirySource: grant.expirySource,
      claims: grant.claims ?? null,
      error: null,
      exchanges,
    };
  } catch (error) {
    const known = error instanceof TokenError || error instanceof AppError;
    const code = error instanceof TokenError ? error.kind : error instanceof AppError ? error.code : 'internal';
    const message = known ? deps.secrets.redact(secrets.redact(error.message)) : 'Something went wrong inside Keymint while trying the recipe.';
    return {
      ok: false,
      tokenFound: FOUND_THEN_REFUSED.has(code),
      expiresAt: null,
      expirySource: null,
      claims: null,
      error: { code, message },
      exchanges,
    };
  }
}

/** The provider's stored secrets, when the trial keeps its preset, server and recipe: never sent anywhere else. */
function storedSecrets(providers: ProviderService, input: RecipeTrialInput, recipe: ReturnType<typeof recipeOf>, baseUrl: string): Record<string, string> {
  const current = providers.get(input.id as string);
  if (current.presetId !== input.presetId) return {};
  const recipeText = input.presetId === 'custom' ? (input.recipe ?? null) : null;
  if (secretMove(recipe, { baseUrl: current.baseUrl, recipeText: current.recipe }, { baseUrl, recipeText }) !== null) return {};
  const all = providers.valuesFor(current, recipe);
  const kept: Record<string, string> = {};
  for (const field of recipe.fields) {
    const value = ownValue(all, field.key);
    if (field.secret && Object.hasOwn(current.secrets, field.key) && value) kept[field.key] = value;
  }
  return kept;
}

import { providerSettingsSchema, type ProviderView } from '../../../shared/ipc/provider-view';
import { customHost } from '../../../shared/recipes/custom-host';
import { ownValue } from '../../../shared/records/own-value';
import { NO_TOKEN, type TokenStatus } from '../../../shared/tokens/token-status';
import type { StoredProvider } from '../store/keymint-document';
import { AppError } from '../app-error';
import { isPresetId } from '../../../shared/recipes/presets';
import { missingLabels, recipeOf, unknownPresetWords } from './provider-recipe';

/**
 * What the renderer may see of a stored provider: secret fields only as set / not set. A
 * provider whose recipe no longer loads (written by an older version, or by hand) is shown with
 * its problem, so it can be edited or removed, and never takes the rest of the board down.
 */
export function toProviderView(provider: StoredProvider, status: TokenStatus): ProviderView {
  if (!isPresetId(provider.presetId)) {
    return brokenView(provider, status, `${unknownPresetWords(provider.presetId)} Remove this provider, or open the vault with a version that knows it.`);
  }
  let recipe;
  try {
    recipe = recipeOf(provider.presetId, provider.recipe);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return brokenView(provider, status, `This provider cannot run as stored. ${error.message} Edit it to fix the recipe, or remove it.`);
  }
  const secretsSet: Record<string, boolean> = {};
  for (const field of recipe.fields) if (field.secret) secretsSet[field.key] = Boolean(ownValue(provider.secrets, field.key));
  return viewWith(provider, {
    secretsSet,
    header: { ...recipe.header },
    missing: missingLabels(recipe, provider.values, Object.keys(provider.secrets)),
    problem: null,
    status,
  });
}

/**
 * One provider's view whatever goes wrong while building it (its status, its stored values):
 * a failure is shown on that provider alone, with Remove, and the rest of the board still lists.
 * The failure's own words are not shown: they could quote what the file holds.
 */
export function containedView(provider: StoredProvider, status: () => TokenStatus): ProviderView {
  try {
    return toProviderView(provider, status());
  } catch {
    return brokenView(provider, NO_TOKEN, 'Keymint cannot read what is stored for this provider. Remove it, then add it again.');
  }
}

function brokenView(provider: StoredProvider, status: TokenStatus, problem: string): ProviderView {
  return viewWith(provider, {
    secretsSet: Object.fromEntries(Object.keys(provider.secrets).map((key) => [key, true])),
    header: { name: 'Authorization', scheme: 'Bearer' },
    missing: [],
    problem,
    status,
  });
}

type Derived = Pick<ProviderView, 'secretsSet' | 'header' | 'missing' | 'problem' | 'status'>;

/**
 * The stored provider as it is, whether or not its recipe loads, with what was derived from it.
 * One literal, not `{...stored, ...derived}`: V8 builds a spread of that shape ten times slower,
 * and the board lists every provider.
 */
function viewWith(provider: StoredProvider, derived: Derived): ProviderView {
  return {
    id: provider.id,
    name: provider.name,
    presetId: provider.presetId,
    baseUrl: provider.baseUrl,
    customHost: customHost(provider.presetId, provider.baseUrl),
    values: { ...provider.values },
    recipe: provider.recipe,
    settings: viewSettings(provider.settings),
    autoRenew: provider.autoRenew !== false,
    secretsSet: derived.secretsSet,
    header: derived.header,
    missing: derived.missing,
    problem: derived.problem,
    status: derived.status,
  };
}

/**
 * The stored settings the form can show: a value outside what the form accepts today (a limit
 * tightened since it was saved) is left out of the view rather than breaking the board.
 */
function viewSettings(stored: StoredProvider['settings']): ProviderView['settings'] {
  const shown: ProviderView['settings'] = {};
  for (const key of ['timeoutSeconds', 'lifetimeSeconds'] as const) {
    const value = stored[key];
    if (value !== undefined && providerSettingsSchema.safeParse({ [key]: value }).success) shown[key] = value;
  }
  return shown;
}

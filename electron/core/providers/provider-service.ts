import { randomUUID } from 'node:crypto';
import type { CreateProviderInput, UpdateProviderInput } from '../../../shared/ipc/provider-view';
import { ownValue } from '../../../shared/records/own-value';
import type { Recipe } from '../../../shared/recipes/recipe-schema';
import { AppError } from '../app-error';
import type { Clock } from '../ports';
import type { SecretRegistry } from '../redaction/secret-registry';
import type { DocumentRepository } from '../store/document-repository';
import type { StoredProvider } from '../store/keymint-document';
import { fieldPlace } from '../vault/places';
import { checkBaseUrl, checkValues, recipeOf, withDefaults } from './provider-recipe';
import { guardSecretDestination } from './guard-secret-destination';
import { replacingProvider } from './replacing-provider';
import { canonicalRecipe } from '../../../shared/recipes/canonical-recipe';
import { resolveRecipe } from '../../../shared/recipes/resolve-recipe';
import { secretMove } from '../../../shared/recipes/secret-destination';
import { checkTokenUrlPolicy } from '../../../shared/recipes/token-url-policy';
import type { EnvelopeCipher } from '../vault/envelope-cipher';

/** One provider from an import: added (with the id it had, when free) or replacing one already here. */
export interface ImportedProvider {
  input: CreateProviderInput;
  id?: string;
  replaces?: string;
  /** A backup's secret values, apart from the plain ones: kept even when its recipe no longer loads. */
  secrets?: Record<string, string>;
}

export interface ProviderServiceDeps {
  repository: DocumentRepository;
  cipher: () => EnvelopeCipher;
  clock: Clock;
  secrets: SecretRegistry;
  /** These providers were added or changed: the board shows them again. */
  changed: (ids: readonly string[]) => void;
  removed: (id: string) => void;
  /** Its token, requests in flight and renewal no longer apply (credentials or server changed, or removed). */
  invalidated: (id: string) => void;
}

/** Adds, edits and removes providers; secret values are encrypted before they are stored. */
export class ProviderService {
  /** Request key -> the provider that request created (kept for the session; keys are random). */
  private readonly createdFor = new Map<string, string>();
  /**
   * Secret values decrypted while unlocked, by the stored provider they belong to: stored
   * providers are replaced on every change, never modified, so each is decrypted once per
   * unlock rather than on every token request. Emptied on lock.
   */
  private decrypted = new WeakMap<StoredProvider, Record<string, string>>();

  constructor(private readonly deps: ProviderServiceDeps) {}

  all(): readonly StoredProvider[] {
    return this.deps.repository.current.providers;
  }

  get(id: string): StoredProvider {
    const provider = this.deps.repository.provider(id);
    if (!provider) throw new AppError('not-found', 'That provider no longer exists.');
    return provider;
  }

  /**
   * Adds providers, all or none, in one write. Imported definitions may come without their
   * keys or values (a team shares recipes, each person adds their own): `missingAllowed` allows that.
   */
  createMany(inputs: readonly CreateProviderInput[], options: { missingAllowed?: boolean } = {}): StoredProvider[] {
    return this.importAll(inputs.map((input) => ({ input })), options).added;
  }

  /**
   * Creates a provider once per request key: a second Save sent before the first answered
   * (a double click) gets the provider the first one made.
   */
  create(input: CreateProviderInput, requestKey?: string): StoredProvider {
    const earlier = requestKey === undefined ? undefined : this.createdFor.get(requestKey);
    const existing = earlier === undefined ? undefined : this.all().find((p) => p.id === earlier);
    if (existing) return existing;
    const created = this.createMany([input])[0] as StoredProvider;
    if (requestKey !== undefined) this.createdFor.set(requestKey, created.id);
    return created;
  }

  /**
   * Adds and replaces imported providers, all or none, in one write. An added one keeps the id
   * it comes with when that is free (a backup restored twice then matches itself); a replaced
   * one keeps its id, and its stored secrets where the import brings none, unless the
   * replacement sends them somewhere else (see guardSecretDestination).
   */
  importAll(incoming: readonly ImportedProvider[], options: { missingAllowed?: boolean } = {}): { added: StoredProvider[]; replaced: StoredProvider[] } {
    const taken = new Set(this.all().map((p) => p.id));
    const built = incoming.map(({ input, replaces, id, secrets }) => {
      try {
        const restored = secrets && this.restoredAsStored(input, secrets, replaces ?? (id !== undefined && !taken.has(id) ? id : randomUUID()));
        if (restored) return { replaces, provider: restored };
        const withSecrets = secrets ? { ...input, values: { ...input.values, ...secrets } } : input;
        if (replaces !== undefined) return { replaces, provider: this.replacement(this.get(replaces), withSecrets, options) };
        return { provider: this.build(withSecrets, options, id !== undefined && !taken.has(id) ? id : randomUUID()) };
      } catch (error) {
        if (error instanceof AppError && incoming.length > 1) throw new AppError(error.code, `${input.name}: ${error.message}`);
        throw error;
      }
    });
    const added = built.filter((b) => b.replaces === undefined).map((b) => b.provider);
    const replaced = built.filter((b) => b.replaces !== undefined).map((b) => b.provider);
    const byId = new Map(replaced.map((p) => [p.id, p]));
    this.deps.repository.update((doc) => ({ ...doc, providers: [...doc.providers.map((p) => byId.get(p.id) ?? p), ...added] }));
    for (const provider of replaced) {
      this.deps.repository.putToken(provider.id, undefined);
      this.deps.invalidated(provider.id);
    }
    this.deps.changed([...added, ...replaced].map((p) => p.id));
    return { added, replaced };
  }

  private replacement(current: StoredProvider, input: CreateProviderInput, options: { missingAllowed?: boolean }): StoredProvider {
    const built = this.build(input, options, current.id);
    // The same recipe re-indented by a recipes file is the same destination: keep the stored text.
    const next = canonicalRecipe(built.recipe) === canonicalRecipe(current.recipe) ? { ...built, recipe: current.recipe } : built;
    const recipe = recipeOf(next.presetId, next.recipe);
    const samePlace =
      next.presetId === current.presetId &&
      secretMove(recipe, { baseUrl: current.baseUrl, recipeText: current.recipe }, { baseUrl: next.baseUrl, recipeText: next.recipe }) === null;
    // What the import does not bring (keys, and a shared custom recipe's values) stays as the
    // user set it, as long as it goes to the same place.
    const kept: Record<string, string> = {};
    const keptValues: Record<string, string> = {};
    for (const field of recipe.fields) {
      const sealed = ownValue(current.secrets, field.key);
      const plain = ownValue(current.values, field.key);
      if (samePlace && field.secret && sealed !== undefined) kept[field.key] = sealed;
      if (samePlace && !field.secret && plain !== undefined) keptValues[field.key] = plain;
    }
    return { ...next, values: { ...keptValues, ...next.values }, secrets: { ...kept, ...next.secrets }, createdAt: current.createdAt };
  }

  /**
   * A backed-up custom provider whose recipe a newer Keymint no longer accepts, restored as it
   * was (secrets sealed again, recipe kept as text) so the board shows it as "cannot run as
   * stored" for the user to mend: a sealed backup cannot be edited, and must never become
   * impossible to restore. Undefined when the recipe loads (the usual path applies).
   */
  private restoredAsStored(input: CreateProviderInput, secrets: Record<string, string>, id: string): StoredProvider | undefined {
    if (input.presetId !== 'custom' || !input.recipe || resolveRecipe('custom', input.recipe).recipe) return undefined;
    const baseUrl = checkTokenUrlPolicy(input.baseUrl.trim());
    if (!baseUrl.ok) throw new AppError('invalid-input', `Base URL: ${baseUrl.problem}`);
    const sealed: Record<string, string> = {};
    for (const [key, value] of Object.entries(secrets)) {
      if (!value) continue;
      this.deps.secrets.add(value);
      sealed[key] = this.deps.cipher().encrypt(value, fieldPlace(id, key));
    }
    return {
      id,
      name: input.name,
      presetId: 'custom',
      baseUrl: input.baseUrl.trim(),
      recipe: input.recipe,
      values: dropEmpty(input.values),
      secrets: sealed,
      settings: input.settings ?? {},
      createdAt: this.deps.clock.now(),
    };
  }

  private build(input: CreateProviderInput, options: { missingAllowed?: boolean }, id: string): StoredProvider {
    const recipe = recipeOf(input.presetId, input.recipe);
    const values = dropEmpty(input.values);
    checkValues(recipe, values, options);
    return {
      id,
      name: input.name,
      presetId: input.presetId,
      baseUrl: checkBaseUrl(recipe, input.baseUrl),
      recipe: input.presetId === 'custom' ? (input.recipe ?? null) : null,
      ...this.split(id, recipe, values),
      settings: input.settings ?? {},
      createdAt: this.deps.clock.now(),
    };
  }

  update(input: UpdateProviderInput): StoredProvider {
    const current = this.get(input.id);
    const recipeText = current.presetId === 'custom' ? (input.recipe ?? current.recipe) : null;
    const recipe = recipeOf(current.presetId, recipeText);
    const baseUrl = input.baseUrl !== undefined ? checkBaseUrl(recipe, input.baseUrl) : current.baseUrl;
    const recipeChanged = recipeText !== current.recipe;
    const credentialsChanged = input.values !== undefined || baseUrl !== current.baseUrl || recipeChanged;
    const fields = credentialsChanged ? this.editedFields(current, recipe, input.values ?? {}) : current;
    if (credentialsChanged) guardSecretDestination(current, recipe, { baseUrl, recipe: recipeText, secrets: fields.secrets });
    const updated: StoredProvider = {
      ...current,
      name: input.name ?? current.name,
      baseUrl,
      recipe: recipeText,
      values: fields.values,
      secrets: fields.secrets,
      settings: input.settings ?? current.settings,
    };
    this.deps.repository.update((doc) => ({ ...doc, providers: replacingProvider(doc.providers, current, updated, this.deps.repository.holdsWithUniqueIds(doc)) }));
    if (credentialsChanged) {
      // A token minted with other credentials or another server no longer describes this provider.
      this.deps.repository.putToken(updated.id, undefined);
      this.deps.invalidated(updated.id);
    }
    this.deps.changed([updated.id]);
    return updated;
  }

  /**
   * The fields after an edit, without decrypting anything: typed values replace stored ones
   * ('' clears), a secret not retyped keeps its ciphertext, and a stored secret whose field is
   * no longer secret (a custom recipe changed) is dropped — never turned into a plain value.
   */
  private editedFields(current: StoredProvider, recipe: Recipe, typed: Record<string, string>): Pick<StoredProvider, 'values' | 'secrets'> {
    const keptSecrets: Record<string, string> = {};
    const plain: Record<string, string> = {};
    for (const field of recipe.fields) {
      if (ownValue(typed, field.key) !== undefined) continue;
      const sealed = ownValue(current.secrets, field.key);
      const value = ownValue(current.values, field.key);
      if (field.secret && sealed) keptSecrets[field.key] = sealed;
      if (!field.secret && value !== undefined) plain[field.key] = value;
    }
    const retyped = dropEmpty(typed);
    checkValues(recipe, { ...plain, ...retyped }, { alreadySet: Object.keys(keptSecrets) });
    const split = this.split(current.id, recipe, retyped);
    return { values: { ...plain, ...split.values }, secrets: { ...keptSecrets, ...split.secrets } };
  }

  /** Automatic renewal on or off; the token and its request state stay as they are. */
  setAutoRenew(id: string, enabled: boolean): void {
    const current = this.get(id);
    // Absent means on: turning it back on leaves the provider as it was stored before.
    const updated: StoredProvider = { ...current, autoRenew: false };
    if (enabled) delete updated.autoRenew;
    this.deps.repository.update((doc) => ({ ...doc, providers: replacingProvider(doc.providers, current, updated, this.deps.repository.holdsWithUniqueIds(doc)) }));
    this.deps.changed([id]);
  }

  remove(id: string): void {
    this.get(id);
    this.deps.repository.update((doc) => ({ ...doc, providers: doc.providers.filter((p) => p.id !== id) }));
    this.deps.repository.putToken(id, undefined);
    this.deps.invalidated(id);
    this.deps.removed(id);
  }

  /** Every field's value, secrets decrypted, defaults applied: what a token request needs. */
  valuesFor(provider: StoredProvider, recipe: Recipe): Record<string, string> {
    return withDefaults(recipe, { ...provider.values, ...this.decryptAll(provider) });
  }

  /** The vault locked: nothing decrypted may stay. */
  forgetDecrypted(): void {
    this.decrypted = new WeakMap();
  }

  private decryptAll(provider: StoredProvider): Record<string, string> {
    // Throws while locked, whatever was decrypted before.
    const cipher = this.deps.cipher();
    const known = this.decrypted.get(provider);
    if (known) return known;
    const plain: Record<string, string> = {};
    for (const [key, sealed] of Object.entries(provider.secrets)) {
      plain[key] = cipher.decrypt(sealed, fieldPlace(provider.id, key));
      this.deps.secrets.add(plain[key]);
    }
    this.decrypted.set(provider, plain);
    return plain;
  }

  private split(id: string, recipe: Recipe, values: Record<string, string>): Pick<StoredProvider, 'values' | 'secrets'> {
    const plain: Record<string, string> = {};
    const secrets: Record<string, string> = {};
    for (const field of recipe.fields) {
      const value = ownValue(values, field.key);
      if (value === undefined) continue;
      if (field.secret) {
        this.deps.secrets.add(value);
        secrets[field.key] = this.deps.cipher().encrypt(value, fieldPlace(id, field.key));
      } else {
        plain[field.key] = value;
      }
    }
    return { values: plain, secrets };
  }
}

function dropEmpty(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
}

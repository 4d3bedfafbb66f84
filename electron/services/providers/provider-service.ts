import { randomUUID } from 'node:crypto';
import type { CreateProviderInput, UpdateProviderInput } from '../../../shared/ipc/provider-view';
import { ownValue } from '../../../shared/records/own-value';
import type { Recipe } from '../../../shared/recipes/recipe-schema';
import { AppError } from '../app-error';
import type { Cipher, Clock } from '../ports';
import type { SecretRegistry } from '../redaction/secret-registry';
import type { DocumentRepository } from '../store/document-repository';
import type { StoredProvider } from '../store/keymint-document';
import { fieldPlace } from '../vault/places';
import { checkBaseUrl, checkValues, recipeOf, withDefaults } from './provider-recipe';
import { guardSecretDestination } from './secret-destination';

export interface ProviderServiceDeps {
  repository: DocumentRepository;
  cipher: () => Cipher;
  clock: Clock;
  secrets: SecretRegistry;
  changed: () => void;
  /** Its token, requests in flight and renewal no longer apply (credentials or server changed, or removed). */
  invalidated: (id: string) => void;
}

/** Adds, edits and removes providers; secret values are encrypted before they are stored. */
export class ProviderService {
  constructor(private readonly deps: ProviderServiceDeps) {}

  all(): readonly StoredProvider[] {
    return this.deps.repository.current.providers;
  }

  get(id: string): StoredProvider {
    const provider = this.all().find((p) => p.id === id);
    if (!provider) throw new AppError('not-found', 'That provider no longer exists.');
    return provider;
  }

  /**
   * Adds providers, all or none, in one write. Imported definitions may come without their
   * secrets (a team shares recipes, each person adds their own keys): `secretsOptional` allows that.
   */
  createMany(inputs: readonly CreateProviderInput[], options: { secretsOptional?: boolean } = {}): StoredProvider[] {
    const created = inputs.map((input) => {
      try {
        return this.build(input, options);
      } catch (error) {
        if (error instanceof AppError && inputs.length > 1) throw new AppError(error.code, `${input.name}: ${error.message}`);
        throw error;
      }
    });
    this.deps.repository.update((doc) => {
      doc.providers.push(...created);
    });
    this.deps.changed();
    return created;
  }

  create(input: CreateProviderInput): StoredProvider {
    return this.createMany([input])[0] as StoredProvider;
  }

  private build(input: CreateProviderInput, options: { secretsOptional?: boolean }): StoredProvider {
    const recipe = recipeOf(input.presetId, input.recipe);
    const values = dropEmpty(input.values);
    checkValues(recipe, values, options);
    const id = randomUUID();
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
    this.deps.repository.update((doc) => {
      doc.providers = doc.providers.map((p) => (p.id === updated.id ? updated : p));
      // A token minted with other credentials or another server no longer describes this provider.
      if (credentialsChanged) delete doc.tokens[updated.id];
    });
    if (credentialsChanged) this.deps.invalidated(updated.id);
    this.deps.changed();
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

  remove(id: string): void {
    this.get(id);
    this.deps.repository.update((doc) => {
      doc.providers = doc.providers.filter((p) => p.id !== id);
      delete doc.tokens[id];
    });
    this.deps.invalidated(id);
    this.deps.changed();
  }

  /** Every field's value, secrets decrypted, defaults applied: what a token request needs. */
  valuesFor(provider: StoredProvider, recipe: Recipe): Record<string, string> {
    return withDefaults(recipe, { ...provider.values, ...this.decryptAll(provider) });
  }

  private decryptAll(provider: StoredProvider): Record<string, string> {
    const cipher = this.deps.cipher();
    const plain: Record<string, string> = {};
    for (const [key, sealed] of Object.entries(provider.secrets)) {
      plain[key] = cipher.decrypt(sealed, fieldPlace(provider.id, key));
      this.deps.secrets.add(plain[key]);
    }
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

import { randomUUID } from 'node:crypto';
import type { CreateProviderInput, UpdateProviderInput } from '../../../shared/ipc/provider-view';
import type { Recipe } from '../../../shared/recipes/recipe-schema';
import { AppError } from '../app-error';
import type { Cipher, Clock } from '../ports';
import type { SecretRegistry } from '../redaction/secret-registry';
import type { DocumentRepository } from '../store/document-repository';
import type { StoredProvider } from '../store/keymint-document';
import { fieldPlace } from '../vault/places';
import { checkBaseUrl, checkValues, recipeOf, withDefaults } from './provider-recipe';

export interface ProviderServiceDeps {
  repository: DocumentRepository;
  cipher: () => Cipher;
  clock: Clock;
  secrets: SecretRegistry;
  changed: () => void;
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
   * Adds a provider. Imported definitions may come without their secrets (a team shares
   * recipes, each person adds their own keys): `secretsOptional` allows that.
   */
  create(input: CreateProviderInput, options: { secretsOptional?: boolean } = {}): StoredProvider {
    const recipe = recipeOf(input.presetId, input.recipe);
    const values = dropEmpty(input.values);
    checkValues(recipe, values, options);
    const id = randomUUID();
    const provider: StoredProvider = {
      id,
      name: input.name,
      presetId: input.presetId,
      baseUrl: checkBaseUrl(recipe, input.baseUrl),
      recipe: input.presetId === 'custom' ? (input.recipe ?? null) : null,
      ...this.split(id, recipe, values),
      settings: input.settings ?? {},
      createdAt: this.deps.clock.now(),
    };
    this.deps.repository.update((doc) => {
      doc.providers.push(provider);
    });
    this.deps.changed();
    return provider;
  }

  update(input: UpdateProviderInput): StoredProvider {
    const current = this.get(input.id);
    const presetId = current.presetId;
    const recipeText = presetId === 'custom' ? (input.recipe ?? current.recipe) : null;
    const recipe = recipeOf(presetId, recipeText);
    // A secret left out keeps its stored value; an empty value clears an optional field.
    const kept = { ...current.values, ...this.decryptAll(current) };
    const values = dropEmpty({ ...kept, ...(input.values ?? {}) });
    for (const key of Object.keys(values)) if (!recipe.fields.some((f) => f.key === key)) delete values[key];
    checkValues(recipe, values);
    const updated: StoredProvider = {
      ...current,
      name: input.name ?? current.name,
      baseUrl: input.baseUrl !== undefined ? checkBaseUrl(recipe, input.baseUrl) : current.baseUrl,
      recipe: recipeText,
      ...this.split(current.id, recipe, values),
      settings: input.settings ?? current.settings,
    };
    const credentialsChanged = input.values !== undefined || input.baseUrl !== undefined || input.recipe !== undefined;
    this.deps.repository.update((doc) => {
      doc.providers = doc.providers.map((p) => (p.id === updated.id ? updated : p));
      // A token minted with other credentials or another server no longer describes this provider.
      if (credentialsChanged) delete doc.tokens[updated.id];
    });
    this.deps.changed();
    return updated;
  }

  remove(id: string): void {
    this.get(id);
    this.deps.repository.update((doc) => {
      doc.providers = doc.providers.filter((p) => p.id !== id);
      delete doc.tokens[id];
    });
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
      const value = values[field.key];
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

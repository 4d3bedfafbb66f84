import type { CreateProviderInput } from '../../../shared/ipc/provider-view';
import type { DuplicateChoice, ImportResult } from '../../../shared/ipc/vault-view';
import { canonicalRecipe } from '../../../shared/recipes/canonical-recipe';
import { resolveRecipe } from '../../../shared/recipes/resolve-recipe';
import type { ImportedProvider, ProviderService } from '../providers/provider-service';
import type { StoredProvider } from '../store/keymint-document';

/** A provider from a file: its definition, and the id it had where it came from (backups only). */
export interface Incoming {
  input: CreateProviderInput;
  id?: string;
  /** A backup's secret values, kept apart from the plain ones. */
  secrets?: Record<string, string>;
}

export type ImportCounts = Omit<ImportResult, 'droppedSecrets'>;

/**
 * Adds a file's providers, matching each against what is already here first: a match is
 * skipped or replaced as the user chose, so importing the same file twice adds nothing.
 * All or none: one bad entry refuses the whole import.
 */
export function importProviders(
  providers: ProviderService,
  incoming: readonly Incoming[],
  duplicates: DuplicateChoice,
): ImportCounts {
  const existing = providers.all();
  const claimed = new Set<string>();
  const plan: ImportedProvider[] = [];
  let skipped = 0;
  for (const item of incoming) {
    const match = existing.find((stored) => !claimed.has(stored.id) && isSameProvider(stored, item));
    if (!match) {
      plan.push(item);
      continue;
    }
    claimed.add(match.id);
    if (duplicates === 'skip') skipped += 1;
    else plan.push({ ...item, replaces: match.id });
  }
  const { added, replaced } = plan.length ? providers.importAll(plan, { missingAllowed: true }) : { added: [], replaced: [] };
  const hosts = new Set([...added, ...replaced].map((p) => new URL(p.baseUrl).host));
  return { added: added.length, replaced: replaced.length, skipped, hosts: [...hosts].sort() };
}

/** A backup's provider is the one with its id; a recipe (or an older backup) is its definition. */
function isSameProvider(stored: StoredProvider, item: Incoming): boolean {
  if (item.id !== undefined) return stored.id === item.id;
  const { input } = item;
  return (
    stored.name === input.name &&
    stored.presetId === input.presetId &&
    stored.baseUrl === storedBaseUrl(input) &&
    canonicalRecipe(stored.recipe) === canonicalRecipe(input.presetId === 'custom' ? (input.recipe ?? null) : null)
  );
}

/** The base URL the provider would be stored with: as typed, or the recipe's default. */
function storedBaseUrl(input: CreateProviderInput): string {
  return input.baseUrl.trim() || (resolveRecipe(input.presetId, input.recipe).recipe?.baseUrl.default ?? '');
}

import type { StoredProvider } from '../store/keymint-document';

/**
 * `providers` with `current` replaced by `updated`: found by reference in the document this
 * process holds, a copy of the array and one write, whatever the number of providers (reading
 * each provider's id to compare was the largest part of an edit's own work at a thousand). In
 * a document another process wrote meanwhile, read again as new objects: by id.
 */
export function replacingProvider(providers: readonly StoredProvider[], current: StoredProvider, updated: StoredProvider): StoredProvider[] {
  const at = providers.indexOf(current);
  if (at < 0) return providers.map((p) => (p.id === updated.id ? updated : p));
  const next = providers.slice();
  next[at] = updated;
  return next;
}

import type { StoredProvider } from '../store/keymint-document';

/**
 * `providers` with `current` replaced by `updated`. In the document this process holds, each id
 * once (`inPlace`), it is found by reference: a copy of the array and one write, whatever the
 * number of providers (reading each provider's id to compare was the largest part of an edit's
 * own work at a thousand). Otherwise (a document another process wrote meanwhile, read again as
 * new objects, or one holding an id twice): every provider with that id.
 */
export function replacingProvider(providers: readonly StoredProvider[], current: StoredProvider, updated: StoredProvider, inPlace: boolean): StoredProvider[] {
  const at = inPlace ? providers.indexOf(current) : -1;
  if (at < 0) return providers.map((p) => (p.id === updated.id ? updated : p));
  const next = providers.slice();
  next[at] = updated;
  return next;
}

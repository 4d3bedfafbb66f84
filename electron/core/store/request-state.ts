import { hash } from 'node:crypto';
import type { StoredProvider } from './keymint-document';

/** Providers are replaced, never modified, on every change: one state per provider object. */
const states = new WeakMap<StoredProvider, string>();

/**
 * Everything a token request is built from: where it goes, how it is shaped, which
 * credentials it carries (as ciphertexts: retyping a secret changes them). A reply is stored
 * only if the provider still has the state its request started from.
 */
export function requestState(provider: StoredProvider): string {
  let state = states.get(provider);
  if (state === undefined) {
    state = JSON.stringify([provider.presetId, provider.baseUrl, provider.recipe, provider.values, provider.secrets]);
    states.set(provider, state);
  }
  return state;
}

/**
 * A digest of a request state, stored with the token it brought and with the provider (the
 * state itself holds ciphertexts of secrets and need not be copied).
 */
export function requestDigest(state: string): string {
  // The one-shot hash: half the cost of a Hash object.
  return hash('sha256', state, 'base64url');
}

/** Providers whose `requestDigest` was worked out here from their own fields (not read from a file). */
const worked = new WeakSet<StoredProvider>();

function work(provider: StoredProvider): string {
  const digest = requestDigest(requestState(provider));
  if (provider.requestDigest !== digest) provider.requestDigest = digest;
  worked.add(provider);
  return digest;
}

/**
 * Gives each provider the digest of its request state, in its `requestDigest` field, unless it
 * holds one already and is `trusted` to (already in the document). A provider changed by copying
 * (`{ ...provider, baseUrl }`) carries its original's digest until this replaces it. The
 * providers are the repository's own here: the field is set on the object, not copied, so the
 * store still sees which providers changed. `trusted` is told each provider's place too. Returns
 * the providers it stamped: every one that is not `trusted`.
 */
export function stampRequestDigests(providers: readonly StoredProvider[], trusted: (provider: StoredProvider, at: number) => boolean): StoredProvider[] {
  const stamped: StoredProvider[] = [];
  for (let at = 0; at < providers.length; at++) {
    const provider = providers[at] as StoredProvider;
    if (provider.requestDigest !== undefined && trusted(provider, at)) continue;
    work(provider);
    stamped.push(provider);
  }
  return stamped;
}

/**
 * Providers as read from the file, each with a digest: one written before digests were stored
 * gets a copy carrying its own, so the next write of its shard keeps it. The same array when
 * every provider has one.
 */
export function withRequestDigests(providers: StoredProvider[]): StoredProvider[] {
  if (providers.every((provider) => provider.requestDigest !== undefined)) return providers;
  return providers.map((provider) => {
    if (provider.requestDigest !== undefined) return provider;
    const copy = { ...provider };
    work(copy);
    return copy;
  });
}

/**
 * Whether the digest stored with the provider is the one worked out from its own fields: always
 * for one stamped here; for one read from a file it is worked out (once per object), since a
 * file edited by hand (a baseUrl changed, the digest left) would otherwise pass the first
 * server's token, or send its refresh token, to the second.
 */
export function holdsItsDigest(provider: StoredProvider): boolean {
  if (worked.has(provider)) return true;
  const right = provider.requestDigest === requestDigest(requestState(provider));
  if (right) worked.add(provider);
  return right;
}

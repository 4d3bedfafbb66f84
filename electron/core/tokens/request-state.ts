import { hash } from 'node:crypto';
import type { StoredProvider } from '../store/keymint-document';

/** Providers are replaced, never modified, on every change: one state and one digest per provider object. */
const states = new WeakMap<StoredProvider, string>();
const digests = new WeakMap<StoredProvider, string>();

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

/** A digest of a request state, stored with the token it brought (the state itself holds ciphertexts of secrets and need not be copied). */
export function requestDigest(state: string): string {
  // The one-shot hash: half the cost of a Hash object, for every provider's first list after unlock.
  return hash('sha256', state, 'base64url');
}

/** The digest of the provider's request state now: a stored token is this provider's only if it was minted with it. */
export function currentRequestDigest(provider: StoredProvider): string {
  let digest = digests.get(provider);
  if (digest === undefined) {
    digest = requestDigest(requestState(provider));
    digests.set(provider, digest);
  }
  return digest;
}

import type { StoredProvider } from '../store/keymint-document';

/**
 * Everything a token request is built from: where it goes, how it is shaped, which
 * credentials it carries (as ciphertexts: retyping a secret changes them). A reply is stored
 * only if the provider still has the state its request started from.
 */
export function requestState(provider: StoredProvider): string {
  return JSON.stringify([provider.presetId, provider.baseUrl, provider.recipe, provider.values, provider.secrets]);
}

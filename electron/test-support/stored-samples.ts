import type { StoredProvider } from '../core/store/keymint-document';
import type { StoredToken } from '../core/store/token-cache';

/** TESTS ONLY. A stored provider and token record as the stored schemas accept them, for storage tests. */
export function storedProvider(id: string, name = id): StoredProvider {
  return { id, name, presetId: 'togai', baseUrl: 'https://api.togai.com', recipe: null, values: {}, secrets: {}, settings: {}, createdAt: 1 };
}

export function storedToken(obtainedAt: number): StoredToken {
  return { sealed: 'c2VhbGVk', obtainedAt, expiresAt: null, expirySource: 'jwt-exp', requestDigest: 'digest' };
}

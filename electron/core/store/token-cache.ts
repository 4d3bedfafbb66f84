import { z } from 'zod';
import { isRecord } from '../../../shared/records/is-record';
import { exactParse } from '../exact-parse';

/**
 * The token cache: one encrypted record per provider, in a file of its own beside the data
 * file, so that minting a token never rewrites the providers. It is a cache: a record that
 * cannot be read is left out and the token requested again; it never makes the rest unreadable.
 */
export const TOKEN_CACHE_VERSION = 1;

export const storedTokenSchema = z.object({
  /** `{token, refreshToken, saved}` encrypted for `provider:<id>:token` (its JWT claims, which say who it is for, are read from the token itself, never stored beside it). */
  sealed: z.string(),
  obtainedAt: z.number(),
  expiresAt: z.number().nullable(),
  expirySource: z.string(),
  /** Words about a narrower scope than requested (no secret). */
  scopeNote: z.string().optional(),
  /**
   * A digest of the provider's request state the token was minted with (see requestState): a
   * token from older credentials or another server, written by a process that had not heard of
   * the edit yet, is then not taken for this provider's.
   */
  requestDigest: z.string(),
});
export type StoredToken = z.infer<typeof storedTokenSchema>;

export interface TokenCacheFile {
  version: typeof TOKEN_CACHE_VERSION;
  tokens: Record<string, unknown>;
}

function asCurrentCache(raw: unknown): TokenCacheFile | undefined {
  if (!isRecord(raw) || raw.version !== TOKEN_CACHE_VERSION || !isRecord(raw.tokens)) return undefined;
  return raw as unknown as TokenCacheFile;
}

/**
 * The readable records of a stored cache by provider id. A cache in another format (a newer
 * Keymint's) counts as empty, as does none at all: every token there is simply requested again.
 */
export function readTokenCache(raw: unknown): Map<string, StoredToken> {
  const records = new Map<string, StoredToken>();
  const cache = asCurrentCache(raw);
  if (!cache) return records;
  const { tokens } = cache;
  // for-in, not Object.entries: no pair built for each of a thousand records.
  for (const id in tokens) {
    if (!Object.hasOwn(tokens, id)) continue;
    const parsed = exactParse(storedTokenSchema, tokens[id]);
    if (parsed.success) records.set(id, parsed.data);
  }
  return records;
}

/**
 * `raw` with one provider's record set, or removed when `record` is undefined; the other
 * records are kept as stored, whoever wrote them. Modifies `raw` (a fresh copy from the store).
 */
export function withTokenRecord(raw: unknown, id: string, record: StoredToken | undefined): TokenCacheFile {
  const cache = asCurrentCache(raw) ?? { version: TOKEN_CACHE_VERSION, tokens: {} };
  if (record) {
    // Defined, not assigned: an id such as `__proto__` must land as a record, not a prototype.
    Object.defineProperty(cache.tokens, id, { value: record, enumerable: true, writable: true, configurable: true });
  } else {
    delete cache.tokens[id];
  }
  return cache;
}

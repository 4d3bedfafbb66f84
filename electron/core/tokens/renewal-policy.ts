import { TokenError } from '../exchange-errors/token-error';

/**
 * When Keymint renews a token on its own, and when it stops trying. Pure: the scheduler feeds
 * it times and outcomes and carries out what it decides.
 *
 * - A token is renewed once most of its life has passed (RENEW_AT_SHARE), never earlier than
 *   half of it, so a provider sees about one request per token however short-lived.
 * - Two automatic attempts for one provider are never closer than MIN_ATTEMPT_GAP_MS.
 * - A failure that waiting can fix is retried with capped exponential backoff and jitter,
 *   honouring Retry-After, until the token expires; after that only the user starts a request.
 * - A failure that waiting cannot fix (bad credentials, a misconfigured recipe) stops renewal.
 * - A token that arrives already expired or lives only seconds is accepted once, not looped on.
 * - A provider that hands back the token it already gave is asked again only when that expires.
 */

export const RENEW_AT_SHARE = 0.8;
export const MIN_RENEWABLE_LIFETIME_MS = 15_000;
export const MIN_ATTEMPT_GAP_MS = 5_000;
export const RETRY_BASE_MS = 5_000;
export const RETRY_CAP_MS = 5 * 60_000;

export interface TokenTimes {
  obtainedAt: number;
  expiresAt: number | null;
}

export type RenewalDecision =
  /** Nothing automatic applies: no token, or an expiry nobody knows. */
  | { kind: 'idle' }
  /** `atExpiry`: the provider re-issued the token it had; a new one can only come once it expires. */
  | { kind: 'scheduled'; at: number; atExpiry?: boolean }
  | { kind: 'retrying'; at: number; attempt: number }
  | { kind: 'stopped'; reason: string };

/** When to renew a freshly obtained token. `lastAttemptAt` keeps attempts apart. */
export function planRenewal(token: TokenTimes, lastAttemptAt?: number): RenewalDecision {
  if (token.expiresAt === null) return { kind: 'idle' };
  const lifetime = token.expiresAt - token.obtainedAt;
  if (lifetime <= 0) return { kind: 'stopped', reason: 'the provider sent a token that had already expired' };
  if (lifetime < MIN_RENEWABLE_LIFETIME_MS) {
    return { kind: 'stopped', reason: `the token lives only ${Math.round(lifetime / 1000)} s, too short to renew automatically` };
  }
  return { kind: 'scheduled', at: spaced(token.obtainedAt + lifetime * RENEW_AT_SHARE, lastAttemptAt) };
}

/**
 * When to renew a token the provider sent again with an expiry no later than the one held (it
 * caches its token): asking earlier would only return it again, so ask once when it expires.
 */
export function planAfterReissue(token: TokenTimes, lastAttemptAt?: number): RenewalDecision {
  if (token.expiresAt === null) return { kind: 'idle' };
  return { kind: 'scheduled', at: spaced(token.expiresAt, lastAttemptAt), atExpiry: true };
}

export interface RenewalFailure {
  /** Failed attempts in a row, this one included (1 for the first). */
  attempt: number;
  error: unknown;
  now: number;
  /** In [0, 1): spreads retries so many clients do not return at once. */
  random: number;
}

/** What to do after a failed attempt, given the token that is still held (if any). */
export function planRetry(token: TokenTimes | undefined, failure: RenewalFailure): RenewalDecision {
  const { attempt, error, now } = failure;
  const permanent = permanentReason(error);
  if (permanent) return { kind: 'stopped', reason: permanent };
  if (!token || token.expiresAt === null) return { kind: 'idle' };
  if (token.expiresAt <= now) return { kind: 'stopped', reason: 'the token expired before the provider answered; choose Generate to try again' };
  const backoff = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.min(attempt - 1, 16));
  const jittered = backoff / 2 + (backoff / 2) * failure.random;
  const retryAfter = error instanceof TokenError ? (error.details.retryAfterSeconds ?? 0) * 1000 : 0;
  const at = spaced(now + Math.max(jittered, retryAfter), now);
  if (at >= token.expiresAt) return { kind: 'stopped', reason: 'the token expires before the next retry; choose Generate to try again' };
  return { kind: 'retrying', at, attempt };
}

/** Whole milliseconds (what the board is told), never earlier than the gap after the last attempt. */
function spaced(at: number, lastAttemptAt: number | undefined): number {
  const whole = Math.ceil(at);
  return lastAttemptAt === undefined ? whole : Math.max(whole, lastAttemptAt + MIN_ATTEMPT_GAP_MS);
}

/** OAuth error codes that mean the request itself is wrong (RFC 6749 §5.2, RFC 8707). */
const PERMANENT_OAUTH_CODES = new Set([
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
  'invalid_target',
]);

/** Statuses a later attempt can get past: timeouts, rate limits, server trouble. */
const TRANSIENT_STATUS = (status: number) => status === 408 || status === 425 || status === 429 || status >= 500;

/** Why retrying cannot help, or undefined when it can. */
export function permanentReason(error: unknown): string | undefined {
  if (!(error instanceof TokenError)) return 'an unexpected error inside Keymint';
  const { kind, details } = error;
  if (kind === 'network' || kind === 'timeout' || kind === 'unreadable') return undefined;
  if (kind === 'http') {
    const status = details.status ?? 0;
    if (details.providerCode && PERMANENT_OAUTH_CODES.has(details.providerCode)) return `the provider refused the credentials (${details.providerCode})`;
    if (TRANSIENT_STATUS(status)) return undefined;
    if (status === 401 || status === 403) return `the provider refused the credentials (HTTP ${status}); fix them, then choose Generate`;
    return `the provider refused the request (HTTP ${status}); retrying would not change that`;
  }
  return 'retrying would not change the answer; fix the cause, then choose Generate';
}

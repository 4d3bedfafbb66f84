import { MAX_EXPIRY_AHEAD_MS } from '../../../shared/tokens/expiry';
import type { StoredToken } from '../store/token-cache';
import type { TokenTimes } from './renewal-policy';

/** The last instant with a four-digit year: the contract's datetimes (and most readers) stop there. */
const MAX_INSTANT_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** Token times are after 1970 and before year 10000; anything else was not written by Keymint. */
const isInstant = (value: number) => Number.isFinite(value) && value >= 0 && value <= MAX_INSTANT_MS;

/**
 * A stored token's times, or why the record cannot be trusted. Files written by older
 * versions (or by hand) may hold any number; such a record is shown on its own provider as
 * damaged and never takes the list down.
 */
export function readTokenTimes(stored: StoredToken): { ok: true; times: TokenTimes } | { ok: false; problem: string } {
  const { obtainedAt, expiresAt } = stored;
  if (!isInstant(obtainedAt) || (expiresAt !== null && (!isInstant(expiresAt) || expiresAt - obtainedAt > MAX_EXPIRY_AHEAD_MS))) {
    return { ok: false, problem: 'The stored token has an impossible expiry; choose Generate for a new one.' };
  }
  return { ok: true, times: { obtainedAt, expiresAt } };
}

import { z } from 'zod';

const instant = z.string().datetime();

/** Automatic renewal, as the board shows it. */
export const renewalStatusSchema = z.object({
  /** `off`: the user turned automatic renewal off for this provider. */
  state: z.enum(['idle', 'scheduled', 'renewing', 'retrying', 'stopped', 'paused', 'off']),
  /** When the next automatic attempt is due (scheduled or retrying). */
  nextAt: instant.nullable(),
  /** Failed attempts in a row, while retrying. */
  attempt: z.number().int().nullable(),
  /** Why renewal stopped or waits. */
  reason: z.string().nullable(),
  /** When an automatic renewal last succeeded. */
  renewedAt: instant.nullable(),
});
export type RenewalStatus = z.infer<typeof renewalStatusSchema>;

export const NO_RENEWAL: RenewalStatus = { state: 'idle', nextAt: null, attempt: null, reason: null, renewedAt: null };

/**
 * What the renderer learns about a provider's token: never the token itself, nor its JWT claims
 * (sealed with it; the details view opens that one token on request, a list opens none).
 */
export const tokenStatusSchema = z.object({
  state: z.enum(['none', 'valid', 'error']),
  expiresAt: instant.nullable(),
  obtainedAt: instant.nullable(),
  expirySource: z.string().nullable(),
  suspicious: z.string().nullable(),
  /** Set when the server granted less scope than was asked for. */
  scopeNote: z.string().nullable(),
  renewal: renewalStatusSchema,
  /** The last failure; with a still-valid token this is a warning, without one it is the state. */
  lastError: z.object({ code: z.string(), message: z.string(), at: instant }).nullable(),
});
export type TokenStatus = z.infer<typeof tokenStatusSchema>;

export const NO_TOKEN: TokenStatus = {
  state: 'none',
  expiresAt: null,
  obtainedAt: null,
  expirySource: null,
  suspicious: null,
  scopeNote: null,
  renewal: NO_RENEWAL,
  lastError: null,
};

export type DisplayState = 'none' | 'valid' | 'expired' | 'error';

/**
 * Main reports "valid"; whether it has expired since is a matter of the clock, decided here.
 * The coarse four states the palette and the tray menu show; the board's finer ones are
 * lifeState's (token-life.ts).
 */
export function displayState(status: TokenStatus, now: number): DisplayState {
  if (status.state !== 'valid') return status.state;
  if (status.expiresAt !== null && Date.parse(status.expiresAt) <= now) return 'expired';
  return 'valid';
}

export const STATE_WORDS: Record<DisplayState, string> = {
  none: 'No token',
  valid: 'Valid',
  expired: 'Expired',
  error: 'Error',
};

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

/** What the renderer learns about a provider's token: never the token itself. */
export const tokenStatusSchema = z.object({
  state: z.enum(['none', 'valid', 'error']),
  expiresAt: instant.nullable(),
  obtainedAt: instant.nullable(),
  expirySource: z.string().nullable(),
  suspicious: z.string().nullable(),
  claims: z.record(z.string(), z.string()).nullable(),
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
  claims: null,
  scopeNote: null,
  renewal: NO_RENEWAL,
  lastError: null,
};

export type DisplayState = 'none' | 'valid' | 'expired' | 'error';

/** Main reports "valid"; whether it has expired since is a matter of the clock, decided here. */
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

/** "23:59:58", "4m 05s", "expired 12s ago" style countdown text. */
export function formatCountdown(msLeft: number): string {
  const past = msLeft < 0;
  const total = Math.floor(Math.abs(msLeft) / 1000);
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  const text =
    days > 0 ? `${days}d ${hours}h ${pad(minutes)}m` : hours > 0 ? `${hours}h ${pad(minutes)}m ${pad(seconds)}s` : `${minutes}m ${pad(seconds)}s`;
  return past ? `expired ${text} ago` : `${text} left`;
}

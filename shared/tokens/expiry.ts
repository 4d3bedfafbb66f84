import type { ExpiryKind } from '../recipes/recipe-schema';

/** Where a token's expiry came from, in words shown next to the countdown. */
export const EXPIRY_SOURCE = {
  jwt: 'JWT exp',
  lifetime: 'lifetime you set',
  unknown: 'unknown',
} as const;

const KIND_WORDS: Record<ExpiryKind, string> = {
  seconds: 'seconds',
  minutes: 'minutes',
  'epoch-seconds': 'absolute timestamp',
  'epoch-millis': 'epoch milliseconds',
  iso8601: 'ISO 8601',
};

export function describeExpirySource(fieldName: string, kind: ExpiryKind): string {
  return `${fieldName} (${KIND_WORDS[kind]})`;
}

/** A number as JSON or text gives it. Infinity stays (JSON.parse turns `1e400` into it, and a long
 * digit string becomes it): that is an absurd expiry to refuse, not a missing one to skip. */
function asNumber(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isNaN(raw) ? undefined : raw;
  if (typeof raw === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(raw)) return Number(raw);
  return undefined;
}

/**
 * Turns a reply's expiry value into an instant (epoch ms), or undefined when it cannot be read.
 * The instant may be absurd (even Infinity); resolveExpiry refuses those.
 */
export function expiryInstant(raw: unknown, kind: ExpiryKind, now: number): number | undefined {
  if (kind === 'iso8601') {
    if (typeof raw !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(raw)) return undefined;
    const instant = Date.parse(raw);
    return Number.isNaN(instant) ? undefined : instant;
  }
  const value = asNumber(raw);
  if (value === undefined || value < 0) return undefined;
  switch (kind) {
    case 'seconds':
      return now + value * 1000;
    case 'minutes':
      return now + value * 60_000;
    case 'epoch-seconds':
      return value * 1000;
    case 'epoch-millis':
      return value;
  }
}

export interface ResolvedExpiry {
  expiresAt: number | null;
  source: string;
}

/** An expiry no token can have: the token is refused rather than kept with it. */
export interface AbsurdExpiry {
  /** Where it came from, e.g. `expires_in (seconds)` or `JWT exp`. */
  absurd: string;
  /** What the provider sent, when short enough to show (a number or a date, never a secret). */
  reported?: string;
}

const DAY_MS = 24 * 3600 * 1000;
const YEAR_MS = 366 * DAY_MS;

/**
 * Beyond this an expiry is a unit mix-up or garbage, never a real token lifetime. It also keeps
 * every instant far inside what `Date` can represent, so `toISOString()` never throws.
 */
export const MAX_EXPIRY_AHEAD_MS = Math.round(10 * 365.25 * DAY_MS);

const absurd = (instant: number, now: number) => !Number.isFinite(instant) || instant - now > MAX_EXPIRY_AHEAD_MS;

function reportedValue(raw: unknown): string | undefined {
  const text = typeof raw === 'number' || typeof raw === 'string' ? String(raw).trim() : '';
  return text && text.length <= 30 ? text : undefined;
}

/**
 * The documented field first, then the JWT's `exp`, then a lifetime the user set, else
 * "unknown" — never "never expires": a missing expiry is a gap in knowledge, not a promise.
 * An absurd value (over 10 years ahead) stops the chain: falling back would hide a provider or
 * recipe that is wrong about time.
 */
export function resolveExpiry(input: {
  fromReply?: { raw: unknown; kind: ExpiryKind; fieldName: string };
  jwtExp?: unknown;
  lifetimeSeconds?: number;
  now: number;
}): ResolvedExpiry | AbsurdExpiry {
  const { fromReply, jwtExp, lifetimeSeconds, now } = input;
  if (fromReply) {
    const instant = expiryInstant(fromReply.raw, fromReply.kind, now);
    const source = describeExpirySource(fromReply.fieldName, fromReply.kind);
    if (instant !== undefined && absurd(instant, now)) return { absurd: source, reported: reportedValue(fromReply.raw) };
    if (instant !== undefined) return { expiresAt: instant, source };
  }
  const exp = asNumber(jwtExp);
  if (exp !== undefined && exp > 0) {
    const instant = exp * 1000;
    return absurd(instant, now) ? { absurd: EXPIRY_SOURCE.jwt, reported: reportedValue(jwtExp) } : { expiresAt: instant, source: EXPIRY_SOURCE.jwt };
  }
  if (lifetimeSeconds !== undefined && lifetimeSeconds > 0) {
    const instant = now + lifetimeSeconds * 1000;
    return absurd(instant, now) ? { absurd: EXPIRY_SOURCE.lifetime } : { expiresAt: instant, source: EXPIRY_SOURCE.lifetime };
  }
  return { expiresAt: null, source: EXPIRY_SOURCE.unknown };
}

/**
 * Words flagging an expiry that is accepted but odd: already past when issued, or over a year
 * ahead (up to the 10-year limit above which resolveExpiry refuses the token outright).
 */
export function expirySuspicion(expiresAt: number | null, obtainedAt: number): string | null {
  if (expiresAt === null) return null;
  if (expiresAt <= obtainedAt) return 'Suspicious expiry: already past when the token was issued';
  if (expiresAt - obtainedAt > YEAR_MS) return 'Suspicious expiry: more than a year ahead';
  return null;
}

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

function asNumber(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(raw)) return Number(raw);
  return undefined;
}

/** Turns a reply's expiry value into an instant (epoch ms), or undefined when it cannot be read. */
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

/**
 * The documented field first, then the JWT's `exp`, then a lifetime the user set, else
 * "unknown" — never "never expires": a missing expiry is a gap in knowledge, not a promise.
 */
export function resolveExpiry(input: {
  fromReply?: { raw: unknown; kind: ExpiryKind; fieldName: string };
  jwtExp?: unknown;
  lifetimeSeconds?: number;
  now: number;
}): ResolvedExpiry {
  const { fromReply, jwtExp, lifetimeSeconds, now } = input;
  if (fromReply) {
    const instant = expiryInstant(fromReply.raw, fromReply.kind, now);
    if (instant !== undefined) return { expiresAt: instant, source: describeExpirySource(fromReply.fieldName, fromReply.kind) };
  }
  const exp = asNumber(jwtExp);
  if (exp !== undefined && exp > 0) return { expiresAt: exp * 1000, source: EXPIRY_SOURCE.jwt };
  if (lifetimeSeconds !== undefined && lifetimeSeconds > 0) {
    return { expiresAt: now + lifetimeSeconds * 1000, source: EXPIRY_SOURCE.lifetime };
  }
  return { expiresAt: null, source: EXPIRY_SOURCE.unknown };
}

const YEAR_MS = 366 * 24 * 3600 * 1000;

/** Words flagging an expiry that cannot be right (already past when issued, or over a year ahead). */
export function expirySuspicion(expiresAt: number | null, obtainedAt: number): string | null {
  if (expiresAt === null) return null;
  if (expiresAt <= obtainedAt) return 'Suspicious expiry: already past when the token was issued';
  if (expiresAt - obtainedAt > YEAR_MS) return 'Suspicious expiry: more than a year ahead';
  return null;
}

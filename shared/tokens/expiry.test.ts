import { describe, expect, it } from 'vitest';
import type { ExpiryKind } from '../recipes/recipe-schema';
import { EXPIRY_SOURCE, MAX_EXPIRY_AHEAD_MS, describeExpirySource, expiryInstant, expirySuspicion, resolveExpiry } from './expiry';

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
const HOUR = 3600_000;
const DAY = 24 * HOUR;

describe('expiryInstant', () => {
  const cases: [kind: ExpiryKind, raw: unknown, expected: number | undefined][] = [
    ['seconds', 3600, NOW + HOUR],
    ['seconds', '3600', NOW + HOUR],
    ['seconds', ' 3600 ', NOW + HOUR],
    ['seconds', 1.5, NOW + 1500],
    ['seconds', 0, NOW],
    ['minutes', 60, NOW + HOUR],
    ['minutes', '15', NOW + 15 * 60_000],
    ['epoch-seconds', 1_736_946_000, 1_736_946_000_000],
    ['epoch-seconds', '1736946000', 1_736_946_000_000],
    ['epoch-millis', 1_736_946_000_123, 1_736_946_000_123],
    ['epoch-millis', '1736946000123', 1_736_946_000_123],
    ['iso8601', '2025-01-15T13:00:00Z', NOW + HOUR],
    ['iso8601', '2025-01-15T14:00:00+01:00', NOW + HOUR],
    ['iso8601', '2025-01-16', Date.UTC(2025, 0, 16)],
    // Bad values fall through (undefined), so the next source is tried.
    ['seconds', -5, undefined],
    ['seconds', '-5', undefined],
    ['seconds', 'soon', undefined],
    ['seconds', '', undefined],
    ['seconds', '1e3', undefined],
    ['seconds', Number.NaN, undefined],
    ['seconds', Number.NEGATIVE_INFINITY, undefined],
    ['seconds', null, undefined],
    ['seconds', true, undefined],
    ['seconds', { value: 10 }, undefined],
    ['seconds', [3600], undefined],
    ['minutes', 'sixty', undefined],
    ['epoch-seconds', 'tomorrow', undefined],
    ['epoch-millis', -1, undefined],
    ['iso8601', 'next tuesday', undefined],
    ['iso8601', '2025-13-45T99:00:00Z', undefined],
    ['iso8601', 1_736_946_000, undefined],
    ['iso8601', '1736946000', undefined],
  ];

  it.each(cases)('%s %j -> %s', (kind, raw, expected) => {
    expect(expiryInstant(raw, kind, NOW)).toBe(expected);
  });
});

describe('resolveExpiry fallback chain', () => {
  const jwtExp = Math.floor(NOW / 1000) + 7200;

  it('uses the reply field first, named by field and unit', () => {
    expect(
      resolveExpiry({ fromReply: { raw: 3600, kind: 'seconds', fieldName: 'ExpiresIn' }, jwtExp, lifetimeSeconds: 60, now: NOW }),
    ).toEqual({ expiresAt: NOW + HOUR, source: 'ExpiresIn (seconds)' });
  });

  it('words each kind the way the status line shows it', () => {
    expect(describeExpirySource('expires', 'minutes')).toBe('expires (minutes)');
    expect(describeExpirySource('expires_in', 'epoch-seconds')).toBe('expires_in (absolute timestamp)');
    expect(describeExpirySource('exp_ms', 'epoch-millis')).toBe('exp_ms (epoch milliseconds)');
    expect(describeExpirySource('valid_until', 'iso8601')).toBe('valid_until (ISO 8601)');
  });

  it('falls back to the JWT exp when the reply field is unreadable', () => {
    expect(resolveExpiry({ fromReply: { raw: 'soon', kind: 'seconds', fieldName: 'expires_in' }, jwtExp, now: NOW })).toEqual({
      expiresAt: jwtExp * 1000,
      source: EXPIRY_SOURCE.jwt,
    });
    expect(resolveExpiry({ jwtExp, lifetimeSeconds: 60, now: NOW })).toEqual({ expiresAt: jwtExp * 1000, source: 'JWT exp' });
  });

  it('falls back to the lifetime the user set when there is no usable exp', () => {
    for (const exp of [undefined, 'never', 0, -1, null]) {
      expect(resolveExpiry({ jwtExp: exp, lifetimeSeconds: 900, now: NOW })).toEqual({
        expiresAt: NOW + 900_000,
        source: 'lifetime you set',
      });
    }
  });

  it('ends at "unknown" with no instant, never "never expires"', () => {
    const resolved = resolveExpiry({ fromReply: { raw: null, kind: 'minutes', fieldName: 'expires' }, lifetimeSeconds: 0, now: NOW });
    expect(resolved).toEqual({ expiresAt: null, source: 'unknown' });
    expect(JSON.stringify(resolved)).not.toMatch(/never/i);
  });
});

describe('resolveExpiry refuses absurd expiries', () => {
  const TEN_YEARS_S = MAX_EXPIRY_AHEAD_MS / 1000;

  it('sets the limit at ten years', () => {
    expect(MAX_EXPIRY_AHEAD_MS).toBe(3652.5 * DAY);
  });

  it.each<[string, unknown, ExpiryKind, string | undefined]>([
    ['1e300 seconds', 1e300, 'seconds', '1e+300'],
    ['Infinity (JSON 1e400)', JSON.parse('1e400') as number, 'seconds', 'Infinity'],
    ['a 400-digit string', '9'.repeat(400), 'epoch-millis', undefined],
    ['ten years and a second', TEN_YEARS_S + 1, 'seconds', String(TEN_YEARS_S + 1)],
    ['a date in 2999', '2999-01-01T00:00:00Z', 'iso8601', '2999-01-01T00:00:00Z'],
    ['milliseconds read as seconds', 1_736_946_000_123, 'epoch-seconds', '1736946000123'],
  ])('%s in the reply field, named by field and unit, without falling back', (_, raw, kind, reported) => {
    const jwtExp = Math.floor(NOW / 1000) + 3600;
    expect(resolveExpiry({ fromReply: { raw, kind, fieldName: 'expires_in' }, jwtExp, lifetimeSeconds: 60, now: NOW })).toEqual({
      absurd: describeExpirySource('expires_in', kind),
      reported,
    });
  });

  it('accepts exactly ten years ahead', () => {
    expect(resolveExpiry({ fromReply: { raw: TEN_YEARS_S, kind: 'seconds', fieldName: 'expires_in' }, now: NOW })).toEqual({
      expiresAt: NOW + MAX_EXPIRY_AHEAD_MS,
      source: 'expires_in (seconds)',
    });
  });

  it('a JWT exp of 1e20', () => {
    expect(resolveExpiry({ jwtExp: 1e20, now: NOW })).toEqual({ absurd: 'JWT exp', reported: '100000000000000000000' });
    expect(resolveExpiry({ jwtExp: JSON.parse('1e400') as number, now: NOW })).toEqual({ absurd: 'JWT exp', reported: 'Infinity' });
  });

  it('a lifetime over ten years (stored settings are not bounded by the form)', () => {
    expect(resolveExpiry({ lifetimeSeconds: TEN_YEARS_S * 2, now: NOW })).toEqual({ absurd: 'lifetime you set' });
  });

  it('never yields an instant that toISOString cannot print', () => {
    const raws: unknown[] = [1e300, -1e300, JSON.parse('1e400'), '9'.repeat(400), 8.64e15, 8.64e15 + 1, Number.MAX_VALUE, '0000-01-01', 0];
    for (const kind of ['seconds', 'minutes', 'epoch-seconds', 'epoch-millis', 'iso8601'] as const) {
      for (const raw of raws) {
        for (const jwtExp of [undefined, 1e20, Number.MAX_VALUE, raw]) {
          const resolved = resolveExpiry({ fromReply: { raw, kind, fieldName: 'x' }, jwtExp, now: NOW });
          if ('expiresAt' in resolved && resolved.expiresAt !== null) {
            expect(() => new Date(resolved.expiresAt ?? 0).toISOString()).not.toThrow();
          }
        }
      }
    }
  });

  it('keeps an expiry in the past (it is flagged, not refused)', () => {
    expect(resolveExpiry({ fromReply: { raw: 1_600_000_000, kind: 'epoch-seconds', fieldName: 'expires_in' }, now: NOW })).toEqual({
      expiresAt: 1_600_000_000_000,
      source: 'expires_in (absolute timestamp)',
    });
  });
});

describe('expirySuspicion', () => {
  it('accepts an ordinary future expiry and an unknown one', () => {
    expect(expirySuspicion(NOW + HOUR, NOW)).toBeNull();
    expect(expirySuspicion(NOW + 365 * 24 * HOUR, NOW)).toBeNull();
    expect(expirySuspicion(null, NOW)).toBeNull();
  });

  it('flags an expiry already past when the token was issued', () => {
    expect(expirySuspicion(NOW, NOW)).toMatch(/already past/);
    expect(expirySuspicion(NOW - 1000, NOW)).toMatch(/already past/);
  });

  it('flags an expiry more than a year but at most ten years ahead', () => {
    expect(expirySuspicion(NOW + 367 * DAY, NOW)).toBe('Suspicious expiry: more than a year ahead');
    expect(expirySuspicion(NOW + MAX_EXPIRY_AHEAD_MS, NOW)).toBe('Suspicious expiry: more than a year ahead');
  });
});

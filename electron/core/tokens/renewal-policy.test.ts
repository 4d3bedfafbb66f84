import { describe, expect, it } from 'vitest';
import { MIN_ATTEMPT_GAP_MS, permanentReason, planRenewal, planRetry, RETRY_CAP_MS } from './renewal-policy';
import { TokenError } from '../exchange-errors/token-error';

const T0 = 1_000_000_000;
const S = 1000;
const token = (lifetimeMs: number, obtainedAt = T0) => ({ obtainedAt, expiresAt: obtainedAt + lifetimeMs });
const http = (status: number, details: { retryAfterSeconds?: number; providerCode?: string } = {}) =>
  new TokenError('http', `HTTP ${status}`, { status, ...details });

describe('when a fresh token is renewed', () => {
  it.each([
    ['20 s', 20 * S, 16 * S],
    ['60 s', 60 * S, 48 * S],
    ['1 h', 3600 * S, 48 * 60 * S],
    ['24 h', 24 * 3600 * S, 19.2 * 3600 * S],
  ])('a %s token at four fifths of its life, never before half of it', (_name, lifetime, after) => {
    const plan = planRenewal(token(lifetime));
    expect(plan).toEqual({ kind: 'scheduled', at: T0 + after });
    expect(plan.kind === 'scheduled' && plan.at - T0).toBeGreaterThanOrEqual(lifetime / 2);
  });

  it('keeps automatic attempts apart even when the token says otherwise', () => {
    expect(planRenewal(token(20 * S), T0 + 14 * S)).toEqual({ kind: 'scheduled', at: T0 + 14 * S + MIN_ATTEMPT_GAP_MS });
  });

  it('an unknown expiry plans nothing', () => {
    expect(planRenewal({ obtainedAt: T0, expiresAt: null })).toEqual({ kind: 'idle' });
  });

  it.each([
    ['already expired on arrival', -5 * S, /already expired/],
    ['expiring the moment it arrives', 0, /already expired/],
    ['living only 10 s', 10 * S, /lives only 10 s/],
  ])('a token %s is accepted once and not renewed', (_name, lifetime, reason) => {
    const plan = planRenewal(token(lifetime));
    expect(plan.kind).toBe('stopped');
    expect(plan.kind === 'stopped' && plan.reason).toMatch(reason);
  });
});

describe('after a failed attempt', () => {
  const hour = token(3600 * S);
  const failAt = T0 + 48 * 60 * S;
  const retry = (attempt: number, error: unknown, random = 0.5, held = hour) => planRetry(held, { attempt, error, now: failAt, random });

  it('retries with capped exponential backoff and jitter', () => {
    const waits = [1, 2, 3, 4, 8, 12].map((attempt) => {
      const plan = retry(attempt, http(503), 1);
      return plan.kind === 'retrying' ? plan.at - failAt : NaN;
    });
    expect(waits).toEqual([5 * S, 10 * S, 20 * S, 40 * S, RETRY_CAP_MS, RETRY_CAP_MS]);
    const half = retry(3, http(503), 0);
    expect(half).toEqual({ kind: 'retrying', at: failAt + 10 * S, attempt: 3 });
  });

  it('never retries sooner than the minimum gap', () => {
    const plan = retry(1, new TokenError('network', 'reset'), 0);
    expect(plan).toEqual({ kind: 'retrying', at: failAt + MIN_ATTEMPT_GAP_MS, attempt: 1 });
  });

  it('honours Retry-After when it asks for longer', () => {
    expect(retry(1, http(429, { retryAfterSeconds: 120 }))).toEqual({ kind: 'retrying', at: failAt + 120 * S, attempt: 1 });
  });

  it.each([
    ['timeout', new TokenError('timeout', 'slow')],
    ['connection reset', new TokenError('network', 'reset')],
    ['HTML 500', http(500)],
    ['503', http(503)],
    ['truncated JSON', new TokenError('unreadable', 'not JSON')],
  ])('%s is retried', (_name, error) => {
    expect(retry(1, error).kind).toBe('retrying');
  });

  it.each([
    ['401', http(401), /refused the credentials \(HTTP 401\)/],
    ['403', http(403), /HTTP 403/],
    ['invalid_client on a 400', http(400, { providerCode: 'invalid_client' }), /invalid_client/],
    ['invalid_scope', http(400, { providerCode: 'invalid_scope' }), /invalid_scope/],
    ['a missing field', new TokenError('config', 'API key not set'), /fix the cause/],
    ['a redirect', new TokenError('redirect', 'moved'), /fix the cause/],
    ['an unexpected crash', new Error('boom'), /unexpected/],
  ])('%s stops renewal and says why', (_name, error, reason) => {
    const plan = retry(1, error);
    expect(plan.kind).toBe('stopped');
    expect(plan.kind === 'stopped' && plan.reason).toMatch(reason);
    expect(permanentReason(error)).toMatch(reason);
  });

  it('stops once the next retry would land after the token expired', () => {
    const short = token(20 * S);
    const plan = planRetry(short, { attempt: 1, error: http(503), now: T0 + 16 * S, random: 1 });
    expect(plan).toMatchObject({ kind: 'stopped', reason: expect.stringMatching(/expires before the next retry/) });
    expect(planRetry(short, { attempt: 3, error: http(503), now: T0 + 21 * S, random: 0 })).toMatchObject({ kind: 'stopped' });
  });

  it('with no token held, waits for the user', () => {
    expect(planRetry(undefined, { attempt: 1, error: http(503), now: T0, random: 0.5 })).toEqual({ kind: 'idle' });
  });

  it('a provider failing for 30 s is retried in time and then renewed on schedule', () => {
    let now = failAt;
    let attempt = 0;
    while (now < failAt + 30 * S) {
      attempt += 1;
      const plan = planRetry(hour, { attempt, error: http(503), now, random: 0.5 });
      expect(plan.kind).toBe('retrying');
      now = plan.kind === 'retrying' ? plan.at : Infinity;
    }
    expect(now).toBeLessThan(hour.expiresAt);
    expect(planRenewal(token(3600 * S, now), now)).toEqual({ kind: 'scheduled', at: now + 48 * 60 * S });
  });
});

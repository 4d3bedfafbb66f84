import { describe, expect, it } from 'vitest';
import { NO_RENEWAL, NO_TOKEN, type RenewalStatus, type TokenStatus } from './token-status';
import { lifeCountdown, lifeRenewed, lifeState, lifeStateChangesAt, tokenLife, type LifeInput } from './token-life';

const now = Date.parse('2026-03-01T12:00:00Z');
const at = (ms: number) => new Date(now + ms).toISOString();

/** A token obtained an hour ago that expires `leftMs` from now. */
function valid(leftMs: number, renewal: Partial<RenewalStatus> = {}, extra: Partial<TokenStatus> = {}): TokenStatus {
  return { ...NO_TOKEN, state: 'valid', obtainedAt: at(-3600_000), expiresAt: at(leftMs), renewal: { ...NO_RENEWAL, ...renewal }, ...extra };
}

const input = (status: TokenStatus, more: Partial<LifeInput> = {}): LifeInput => ({ status, missing: [], problem: null, ...more });
const life = (status: TokenStatus, more: Partial<LifeInput> = {}) => tokenLife(input(status, more), now);

describe('a token’s life on the board', () => {
  it('says No token, or Needs its key when a required field is empty', () => {
    expect(life(NO_TOKEN)).toEqual({ state: 'none', word: 'No token', countdown: null, renewed: null });
    expect(life(NO_TOKEN, { missing: ['API key'] })).toMatchObject({ state: 'needs-key', word: 'Needs its key' });
  });

  it('counts a valid token down in h:mm:ss, or days and hours beyond a day', () => {
    expect(life(valid(2 * 3600_000))).toMatchObject({ state: 'valid', word: 'Valid', countdown: '2:00:00' });
    expect(life(valid(52 * 3600_000))).toMatchObject({ state: 'valid', countdown: '2 d 4 h' });
  });

  it('calls a token in its last quarter, at most its last five minutes, Expiring soon', () => {
    expect(life(valid(4 * 60_000)).state).toBe('expiring');
    expect(life(valid(6 * 60_000)).state).toBe('valid');
    // A 20-second token: "soon" is its last 5 s, not its whole life.
    const short = { ...valid(4_000), obtainedAt: at(-16_000) };
    expect(life(short).state).toBe('expiring');
    expect(life({ ...valid(10_000), obtainedAt: at(-10_000) }).state).toBe('valid');
  });

  it('says Expired once and then how long ago, never "expired … ago" twice', () => {
    const expired = life(valid(-2_000));
    expect(expired).toMatchObject({ state: 'expired', word: 'Expired', countdown: '2 s ago' });
    expect(`${expired.word} ${expired.countdown}`).not.toMatch(/expired.*expired/i);
  });

  it('shows renewal as it happens: Renewing, Retrying in N s, and renewed N s ago beside the countdown', () => {
    expect(life(valid(60_000, { state: 'renewing' })).state).toBe('renewing');
    expect(life(valid(60_000, { state: 'retrying', nextAt: at(11_200), attempt: 1 }))).toMatchObject({ state: 'retrying', word: 'Retrying in 12 s' });
    expect(life(valid(3600_000, { state: 'scheduled', renewedAt: at(-12_000) }))).toMatchObject({ state: 'valid', renewed: 'renewed 12 s ago' });
  });

  it('keeps a still-valid token’s countdown while renewal is paused by the lock, and says so', () => {
    expect(life(valid(3600_000, { state: 'paused' }))).toMatchObject({ state: 'paused', word: 'Paused while locked', countdown: '1:00:00' });
    // Past its expiry, paused or not, the token is Expired.
    expect(life(valid(-1_000, { state: 'paused' })).state).toBe('expired');
  });

  it('puts an error first: a provider that cannot run, or a failed request with no token', () => {
    expect(life(valid(3600_000), { problem: 'The recipe no longer loads.' }).state).toBe('error');
    expect(life({ ...NO_TOKEN, state: 'error', lastError: { code: 'http', message: 'Invalid API key', at: at(0) } })).toMatchObject({ state: 'error', word: 'Error' });
  });

  it('says expiry unknown for a token without one', () => {
    expect(life({ ...valid(0), expiresAt: null })).toMatchObject({ state: 'valid', countdown: 'expiry unknown' });
  });

  it('gives lifeState the same state tokenLife shows', () => {
    const statuses = [NO_TOKEN, valid(100_000), valid(-1), valid(10, { state: 'renewing' })];
    for (const status of statuses) expect(lifeState(input(status), now)).toBe(life(status).state);
  });

  it('gives the countdown and "renewed" texts that tokenLife shows, second after second on one status', () => {
    const statuses = [NO_TOKEN, valid(100_000, { renewedAt: at(-5_000) }), valid(-1), valid(30_000, { state: 'paused' }), { ...valid(0), expiresAt: null }, { ...valid(0), expiresAt: 'not a date' }];
    for (const status of statuses) {
      for (const more of [{}, { missing: ['API key'] }]) {
        for (let second = 0; second < 120; second += 7) {
          const t = now + second * 1000;
          const whole = tokenLife(input(status, more), t);
          expect(lifeCountdown(input(status, more), t)).toBe(whole.countdown);
          expect(lifeRenewed(input(status, more), t)).toBe(whole.renewed);
        }
      }
    }
    expect(lifeCountdown(input(valid(100_000)), now + 40_000)).toBe('0:01:00');
  });
});

describe('when the clock alone changes a state', () => {
  it('names the instant a token starts expiring, then the instant it expires, then never', () => {
    const status = valid(10 * 60_000);
    const expiresAt = now + 10 * 60_000;
    expect(lifeStateChangesAt(input(status), now)).toBe(expiresAt - 5 * 60_000);
    expect(lifeStateChangesAt(input(status), expiresAt - 60_000)).toBe(expiresAt);
    expect(lifeStateChangesAt(input(status), expiresAt)).toBe(Number.POSITIVE_INFINITY);
    expect(lifeStateChangesAt(input(NO_TOKEN), now)).toBe(Number.POSITIVE_INFINITY);
  });

  it('agrees with lifeState: just before the instant the state is the old one, at it the new one', () => {
    for (const status of [valid(10 * 60_000), valid(30_000), valid(3600_000, { state: 'paused' })]) {
      let at = now;
      for (let step = 0; step < 3; step++) {
        const change = lifeStateChangesAt(input(status), at);
        if (change === Number.POSITIVE_INFINITY) break;
        expect(lifeState(input(status), change - 1)).toBe(lifeState(input(status), at));
        expect(lifeState(input(status), change)).not.toBe(lifeState(input(status), at));
        at = change;
      }
    }
  });
});

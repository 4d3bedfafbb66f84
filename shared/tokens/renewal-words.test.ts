import { describe, expect, it } from 'vitest';
import { formatSpan, renewalWords } from './renewal-words';
import { NO_RENEWAL, type RenewalStatus } from './token-status';

const now = Date.UTC(2026, 10, 29, 12, 0, 0);
const at = (offsetMs: number) => new Date(now + offsetMs).toISOString();
const words = (renewal: Partial<RenewalStatus>) => renewalWords({ ...NO_RENEWAL, ...renewal }, now);

describe('renewal in words', () => {
  it('formats spans for a glance', () => {
    expect([formatSpan(4_400), formatSpan(185_000), formatSpan(2 * 3600_000 + 240_000), formatSpan(52 * 3600_000)]).toEqual([
      '4 s',
      '3 min 05 s',
      '2 h 04 min',
      '2 d 4 h',
    ]);
  });

  it('says what renewal is doing', () => {
    expect(words({ state: 'scheduled', nextAt: at(185_000) })).toBe('Renews automatically in 3 min 05 s');
    expect(words({ state: 'scheduled', nextAt: at(16_000), renewedAt: at(-12_000) })).toBe('Renews automatically in 16 s · renewed 12 s ago');
    expect(words({ state: 'renewing' })).toBe('Renewing…');
    expect(words({ state: 'retrying', nextAt: at(10_000), attempt: 2 })).toBe('Renewal failed; retrying in 10 s (attempt 3)');
    expect(words({ state: 'stopped', reason: 'the provider refused the credentials (HTTP 401)' })).toBe(
      'Renewal stopped: the provider refused the credentials (HTTP 401).',
    );
    expect(words({ state: 'paused' })).toMatch(/paused while the vault is locked/);
    expect(words({ state: 'off' })).toBe('Renewal off');
    expect(words({})).toBeNull();
  });
});

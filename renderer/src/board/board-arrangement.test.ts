import { describe, expect, it } from 'vitest';
import { NO_RENEWAL, NO_TOKEN, type TokenStatus } from '../../../shared/tokens/token-status';
import { providerView } from '../testing/views';
import { arrangeProviders, DEFAULT_CHOICES, summarize, type BoardChoices } from './board-arrangement';
import { lifeState } from '../../../shared/tokens/token-life';

const now = Date.parse('2026-03-01T12:00:00Z');
const at = (ms: number) => new Date(now + ms).toISOString();
const valid = (leftMs: number): TokenStatus => ({ ...NO_TOKEN, state: 'valid', obtainedAt: at(-3600_000), expiresAt: at(leftMs), renewal: NO_RENEWAL });
const failed: TokenStatus = { ...NO_TOKEN, state: 'error', lastError: { code: 'http', message: 'Invalid API key', at: at(0) } };

const billing = providerView({ id: 'a', name: 'Billing EU', status: valid(3 * 3600_000) });
const speech = providerView({ id: 'b', name: 'speech', presetId: 'botlhale', baseUrl: 'https://dev-botlhale.io', status: valid(60_000) });
const payments = providerView({ id: 'c', name: 'Payments', presetId: 'highline', status: failed });
const imported = providerView({ id: 'd', name: 'Analytics 10', missing: ['API key'] });
const analytics2 = providerView({ id: 'e', name: 'Analytics 2' });
const all = [billing, speech, payments, imported, analytics2];

const names = (choices: Partial<BoardChoices>) => arrangeProviders(all, { ...DEFAULT_CHOICES, ...choices }, now).map((p) => p.name);

describe('the board’s search, filter and sort', () => {
  it('sorts by name by default, ignoring case and reading numbers as numbers', () => {
    expect(names({})).toEqual(['Analytics 2', 'Analytics 10', 'Billing EU', 'Payments', 'speech']);
  });

  it('sorts by soonest expiry, providers without a token last', () => {
    expect(names({ sort: 'expiry' })).toEqual(['speech', 'Billing EU', 'Analytics 2', 'Analytics 10', 'Payments']);
  });

  it('sorts by status with errors first, then what needs attention, then what is fine', () => {
    expect(names({ sort: 'status' })).toEqual(['Payments', 'Analytics 10', 'speech', 'Analytics 2', 'Billing EU']);
  });

  it('finds providers by every word of the query in their name, preset or address', () => {
    expect(names({ query: 'ANALYTICS' })).toEqual(['Analytics 2', 'Analytics 10']);
    expect(names({ query: 'botlhale' })).toEqual(['speech']);
    expect(names({ query: 'highline pay' })).toEqual(['Payments']);
    expect(names({ query: 'nothing like it' })).toEqual([]);
  });

  it('filters by status group', () => {
    expect(names({ filter: 'valid' })).toEqual(['Billing EU']);
    expect(names({ filter: 'expiring' })).toEqual(['speech']);
    expect(names({ filter: 'failing' })).toEqual(['Payments']);
    expect(names({ filter: 'needs-key' })).toEqual(['Analytics 10']);
    expect(names({ filter: 'none' })).toEqual(['Analytics 2']);
  });

  it('leaves the list it was given as it was', () => {
    const before = all.map((p) => p.id);
    arrangeProviders(all, { ...DEFAULT_CHOICES, sort: 'status' }, now);
    expect(all.map((p) => p.id)).toEqual(before);
  });

  it('counts valid, expiring, failing and needing a key for the summary', () => {
    expect(summarize(all.map((p) => lifeState(p, now)))).toEqual({ valid: 1, expiring: 1, failing: 1, 'needs-key': 1 });
  });
});

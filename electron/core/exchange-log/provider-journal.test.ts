import { describe, expect, it } from 'vitest';
import type { ExchangeView } from '../../../shared/ipc/details-view';
import { JOURNAL_SIZE, ProviderJournal } from './provider-journal';

describe('the provider journal', () => {
  const event = (n: number) => ({ at: new Date(n * 1000).toISOString(), trigger: 'manual' as const, outcome: 'renewed' as const, detail: null });

  it('keeps 20 renewal outcomes per provider and nothing for providers that never asked', () => {
    const journal = new ProviderJournal();
    for (let i = 0; i < 30; i++) journal.renewal('a', event(i));
    expect(JOURNAL_SIZE).toBe(20);
    expect(journal.renewals('a')).toHaveLength(20);
    expect(journal.renewals('a')[0]).toEqual(event(29));
    expect(journal.renewals('b')).toEqual([]);
    expect(journal.exchanges('b')).toEqual([]);
  });

  it('forgets one provider, or all of them', () => {
    const journal = new ProviderJournal();
    journal.renewal('a', event(1));
    journal.renewal('b', event(2));
    journal.forget('a');
    expect(journal.renewals('a')).toEqual([]);
    expect(journal.renewals('b')).toHaveLength(1);
    journal.clear();
    expect(journal.renewals('b')).toEqual([]);
  });

  describe('an exchange recorded soon', () => {
    const exchange = (n: number): ExchangeView => ({ at: new Date(n * 1000).toISOString(), durationMs: n, kind: 'authenticate', status: 200, failure: null, request: { method: 'POST', url: 'https://api.example.com/token', headers: [], body: null }, response: null });
    const nextTurn = () => new Promise((done) => setImmediate(done));

    it('is recorded after the current turn, in order, and at once when read sooner', async () => {
      const journal = new ProviderJournal();
      let made = 0;
      journal.exchangeSoon('a', () => (made++, exchange(1)));
      journal.exchangeSoon('a', () => (made++, exchange(2)));
      expect(made).toBe(0);
      await nextTurn();
      expect(made).toBe(2);
      journal.exchangeSoon('a', () => exchange(3));
      expect(journal.exchanges('a').map((e) => e.durationMs)).toEqual([3, 2, 1]);
    });

    it('is dropped unrecorded when its provider is forgotten or the journal cleared (locking)', async () => {
      const journal = new ProviderJournal();
      const made: string[] = [];
      journal.exchangeSoon('a', () => (made.push('a'), exchange(1)));
      journal.exchangeSoon('b', () => (made.push('b'), exchange(2)));
      journal.forget('a');
      await nextTurn();
      expect(made).toEqual(['b']);
      journal.exchangeSoon('b', () => (made.push('b again'), exchange(3)));
      journal.clear();
      await nextTurn();
      expect(made).toEqual(['b']);
      expect(journal.exchanges('b')).toEqual([]);
    });

    it('keeps nothing when recording gave nothing', () => {
      const journal = new ProviderJournal();
      journal.exchangeSoon('a', () => undefined);
      expect(journal.exchanges('a')).toEqual([]);
    });
  });
});

import { describe, expect, it } from 'vitest';
import { JOURNAL_SIZE, ProviderJournal } from './provider-journal';
import { RingBuffer } from './ring-buffer';

describe('the ring buffer', () => {
  it('keeps the last `capacity` items, newest first', () => {
    const ring = new RingBuffer<number>(20);
    for (let i = 1; i <= 45; i++) ring.push(i);
    expect(ring.length).toBe(20);
    expect(ring.newestFirst()).toEqual(Array.from({ length: 20 }, (_, i) => 45 - i));
  });

  it('holds fewer items as they come', () => {
    const ring = new RingBuffer<string>(3);
    expect(ring.newestFirst()).toEqual([]);
    ring.push('a');
    ring.push('b');
    expect(ring.newestFirst()).toEqual(['b', 'a']);
  });

  it('refuses a capacity below one', () => {
    expect(() => new RingBuffer(0)).toThrow(RangeError);
  });
});

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
});

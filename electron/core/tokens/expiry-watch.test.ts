import { describe, expect, it } from 'vitest';
import { manualTime } from '../../test-support/manual-time';
import { ExpiryWatch } from './expiry-watch';

function watch() {
  const time = manualTime(1_000_000);
  const expired: [string, number][] = [];
  const armed: number[] = [];
  const schedule = (ms: number, run: () => void) => {
    armed.push(ms);
    return time.schedule(ms, run);
  };
  const expiry = new ExpiryWatch({ clock: time.clock, schedule, expired: (id, at) => void expired.push([id, at]) });
  return { time, expiry, expired, armed, now: () => time.clock.now() };
}

describe('the expiry watch', () => {
  it('tells each token running out once, in order, and nothing for one replaced or forgotten before', async () => {
    const w = watch();
    const start = w.now();
    w.expiry.watch('a', start + 30_000);
    w.expiry.watch('b', start + 10_000);
    w.expiry.watch('c', start + 20_000);
    w.expiry.watch('c', start + 90_000); // renewed before it ran out
    w.expiry.watch('d', start + 15_000);
    w.expiry.forget('d'); // removed
    w.expiry.watch('e', null); // never expires
    w.expiry.watch('f', start - 1); // already expired: not news
    await w.time.advanceTo(start + 600_000);
    expect(w.expired).toEqual([
      ['b', start + 10_000],
      ['a', start + 30_000],
      ['c', start + 90_000],
    ]);
    expect(w.expiry.size).toBe(0);
  });

  it('keeps one timer, waking at most once a minute, whatever the number of tokens', async () => {
    const w = watch();
    const start = w.now();
    for (let i = 0; i < 1000; i++) w.expiry.watch(`p${i}`, start + 3_600_000 + i);
    // The first token set the timer; none due sooner moved it.
    expect(w.armed).toEqual([60_000]);
    expect(w.time.pendingAt()).toHaveLength(1);
    await w.time.advanceTo(start + 3_599_999);
    // Sixty idle wake-ups over the hour: not one per provider, nor per second.
    expect(w.armed.length).toBe(60);
    expect(w.expired).toEqual([]);
    await w.time.advanceTo(start + 3_600_000 + 999);
    expect(w.expired).toHaveLength(1000);
  });
});

import { expect, it, vi } from 'vitest';
import { ACTIVITY_SIGNAL_MS, throttleActivity, type Later } from './activity-throttle';

/** A clock and timers the test moves by hand. */
function manual() {
  let now = 0;
  const timers: { at: number; run: () => void; cancelled: boolean }[] = [];
  const later: Later = (ms, run) => {
    const timer = { at: now + ms, run, cancelled: false };
    timers.push(timer);
    return () => void (timer.cancelled = true);
  };
  const advanceTo = (at: number) => {
    for (const timer of timers) {
      if (!timer.cancelled && timer.at <= at) {
        timer.cancelled = true;
        now = timer.at;
        timer.run();
      }
    }
    now = at;
  };
  return { now: () => now, later, advanceTo };
}

it('signals on the first event, then at most once per interval however fast the user types', () => {
  const time = manual();
  const signal = vi.fn();
  const throttle = throttleActivity(signal, time.now, ACTIVITY_SIGNAL_MS, time.later);
  for (let at = 0; at < 60_000; at += 100) {
    time.advanceTo(at);
    throttle.onEvent();
  }
  time.advanceTo(60_000);
  expect(signal).toHaveBeenCalledTimes(60_000 / ACTIVITY_SIGNAL_MS + 1);
  expect(ACTIVITY_SIGNAL_MS).toBeLessThan(60_000);
});

it('reports activity dropped inside an interval when the interval ends', () => {
  const time = manual();
  const signalled: number[] = [];
  const throttle = throttleActivity(() => signalled.push(time.now()), time.now, ACTIVITY_SIGNAL_MS, time.later);
  throttle.onEvent();
  time.advanceTo(14_900);
  throttle.onEvent();
  time.advanceTo(40_000);
  expect(signalled).toEqual([0, ACTIVITY_SIGNAL_MS]);
});

it('stop drops the pending trailing signal', () => {
  const time = manual();
  const signal = vi.fn();
  const throttle = throttleActivity(signal, time.now, ACTIVITY_SIGNAL_MS, time.later);
  throttle.onEvent();
  time.advanceTo(1000);
  throttle.onEvent();
  throttle.stop();
  time.advanceTo(60_000);
  expect(signal).toHaveBeenCalledTimes(1);
});

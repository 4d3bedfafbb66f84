import { expect, it, vi } from 'vitest';
import { ACTIVITY_SIGNAL_MS, throttleActivity } from './activity-throttle';

it('signals on the first event, then at most once per interval however fast the user types', () => {
  let now = 0;
  const signal = vi.fn();
  const onEvent = throttleActivity(signal, () => now);
  for (; now < 60_000; now += 100) onEvent();
  expect(signal).toHaveBeenCalledTimes(60_000 / ACTIVITY_SIGNAL_MS);
  expect(ACTIVITY_SIGNAL_MS).toBeLessThan(60_000);
});

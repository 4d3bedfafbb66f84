import type { Schedule } from './ports';

/** setTimeout, clamped to what it can hold; a timer that fires early simply plans again. */
export const timeoutSchedule: Schedule = (ms, run) => {
  const timer = setTimeout(run, Math.min(ms, 2 ** 31 - 1));
  timer.unref?.();
  return () => clearTimeout(timer);
};

import { useClock } from './use-clock';

/** The current time in epoch ms, updated every second by the one shared clock (use-clock.ts). */
export function useNow(): number {
  return useClock((now) => now);
}

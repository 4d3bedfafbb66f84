import { useSyncExternalStore } from 'react';

/**
 * One clock for every countdown: a single 1-second interval, running only while something
 * is subscribed, so all countdowns tick together and an idle window costs nothing.
 */
const TICK_MS = 1000;
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function tick(): void {
  now = Date.now();
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    now = Date.now();
    timer = setInterval(tick, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

function getSnapshot(): number {
  return now;
}

/** The current time in epoch ms, updated every second. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, getSnapshot);
}

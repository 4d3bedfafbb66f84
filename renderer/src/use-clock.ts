import { useCallback, useRef, useSyncExternalStore } from 'react';

/**
 * One clock for every countdown: a single 1-second interval, running only while something is
 * subscribed. Each subscriber reads the clock through a selector and re-renders only when what
 * it selects changes, so a row whose text reads the same as a second ago costs nothing.
 */
const TICK_MS = 1000;
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function tick(): void {
  now = Date.now();
  for (const listener of listeners) listener();
}

/** Calls `listener` on every tick until the returned function is called. */
export function subscribe(listener: () => void): () => void {
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

/**
 * What `select` makes of the current time; the previous value is kept while `same` says they
 * are alike, so React sees the same snapshot and skips the render. `select` and `same` may be
 * new functions each render: the latest ones are used.
 */
export function useClock<T>(select: (now: number) => T, same: (a: T, b: T) => boolean = Object.is): T {
  const last = useRef<{ value: T; at: number; select: (now: number) => T } | null>(null);
  const latest = useRef({ select, same });
  latest.current = { select, same };
  const getSnapshot = useCallback(() => {
    // Before the first subscriber starts the clock, its last reading may be old.
    const at = clockReading();
    const previous = last.current;
    // The same tick and the same selector give the same answer: React calls this often.
    if (previous && previous.at === at && previous.select === latest.current.select) return previous.value;
    const value = latest.current.select(at);
    if (previous && latest.current.same(previous.value, value)) {
      last.current = { value: previous.value, at, select: latest.current.select };
      return previous.value;
    }
    last.current = { value, at, select: latest.current.select };
    return value;
  }, []);
  return useSyncExternalStore(subscribe, getSnapshot);
}

/** The clock's reading: the last tick while it runs, the real time before it starts. */
export function clockReading(): number {
  return timer === undefined ? Date.now() : now;
}

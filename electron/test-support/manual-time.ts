import type { Clock, Schedule } from '../core/ports';

/** A clock and a schedule that a test advances by hand. */
export function manualTime(start = Date.UTC(2026, 10, 29, 9, 0, 0)) {
  let now = start;
  const timers: { at: number; run: () => void; cancelled: boolean }[] = [];
  const clock: Clock = { now: () => now };
  const schedule: Schedule = (ms, run) => {
    const timer = { at: now + ms, run, cancelled: false };
    timers.push(timer);
    return () => void (timer.cancelled = true);
  };
  return {
    clock,
    schedule,
    /** When the timers still armed will fire. */
    pendingAt: () => timers.filter((t) => !t.cancelled).map((t) => t.at),
    /** A machine asleep: the wall clock moves on, timers (which count awake time) do not. */
    suspend(ms: number) {
      now += ms;
      for (const timer of timers) timer.at += ms;
    },
    /** Moves the clock, firing each timer due by then (in order, at its own time). */
    async advanceTo(at: number) {
      for (;;) {
        const due = timers.filter((t) => !t.cancelled && t.at <= at).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        now = Math.max(now, due.at);
        due.cancelled = true;
        due.run();
        await new Promise((resolve) => setImmediate(resolve));
      }
      now = at;
    },
  };
}

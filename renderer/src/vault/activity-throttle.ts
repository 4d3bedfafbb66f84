/**
 * At most one activity signal per interval: enough to keep the shortest auto-lock (1 minute)
 * from firing while the user types, without an IPC call per keystroke.
 */
export const ACTIVITY_SIGNAL_MS = 15_000;

/** Starts `run` after `ms`; returns a cancel. */
export type Later = (ms: number, run: () => void) => () => void;

const timeoutLater: Later = (ms, run) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
};

export interface ActivityThrottle {
  /** Call on every user event. */
  onEvent(): void;
  /** Drops a pending trailing signal (the listener is going away). */
  stop(): void;
}

/**
 * Calls `signal` at once for the first event, then at most once per `intervalMs`. Activity
 * dropped inside an interval is reported when it ends, so the idle clock in main always
 * counts from the user's last action, not from the first one in a window.
 */
export function throttleActivity(signal: () => void, now: () => number, intervalMs = ACTIVITY_SIGNAL_MS, later: Later = timeoutLater): ActivityThrottle {
  let last = -Infinity;
  let cancelTrailing: (() => void) | undefined;
  const fire = () => {
    cancelTrailing = undefined;
    last = now();
    signal();
  };
  return {
    onEvent() {
      const since = now() - last;
      if (since >= intervalMs) {
        cancelTrailing?.();
        fire();
      } else {
        cancelTrailing ??= later(intervalMs - since, fire);
      }
    },
    stop() {
      cancelTrailing?.();
      cancelTrailing = undefined;
    },
  };
}

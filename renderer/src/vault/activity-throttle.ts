/**
 * At most one activity signal per interval: enough to keep the shortest auto-lock (1 minute)
 * from firing while the user types, without an IPC call per keystroke.
 */
export const ACTIVITY_SIGNAL_MS = 15_000;

/** Returns a function to call on every user event; it calls `signal` at most once per `intervalMs`. */
export function throttleActivity(signal: () => void, now: () => number, intervalMs = ACTIVITY_SIGNAL_MS): () => void {
  let last = -Infinity;
  return () => {
    const at = now();
    if (at - last < intervalMs) return;
    last = at;
    signal();
  };
}

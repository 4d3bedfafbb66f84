/**
 * Time left and time since, as the board shows them: a ticking `h:mm:ss` while under a day
 * (so 3 s and 3 h never look alike), "2 d 4 h" beyond, and a coarse "12 s" / "3 min" / "2 h"
 * for how long ago something happened (it changes rarely, so rows re-render rarely).
 */
const DAY_S = 86_400;

const pad = (n: number) => String(n).padStart(2, '0');

/** "0:00:29", "1:04:05", "2 d 4 h". Negative spans count as zero: a countdown never shows minus. */
export function formatCountdown(msLeft: number): string {
  // Rounded up: a token with 0.4 s left still shows 0:00:01, never 0:00:00 while it is valid.
  const total = Math.max(0, Math.ceil(msLeft / 1000));
  if (total >= DAY_S) {
    const days = Math.floor(total / DAY_S);
    return `${days} d ${Math.floor((total % DAY_S) / 3600)} h`;
  }
  const hours = Math.floor(total / 3600);
  return `${hours}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
}

/** "12 s", "3 min", "2 h", "4 d": how long ago, at the coarsest unit that is not zero. */
export function formatAgo(msAgo: number): string {
  const total = Math.max(0, Math.floor(msAgo / 1000));
  if (total < 60) return `${total} s`;
  if (total < 3600) return `${Math.floor(total / 60)} min`;
  if (total < DAY_S) return `${Math.floor(total / 3600)} h`;
  return `${Math.floor(total / DAY_S)} d`;
}

/**
 * How long a copied credential stays on the clipboard before Keymint clears it. Shared so the
 * board's "clears in 2 min" says what the core does. Long enough to paste into a terminal or an
 * API client; short enough not to linger in history.
 */
export const CLIPBOARD_CLEAR_MS = 2 * 60_000;

/** "clears in 2 min", "clears in 45 s"; null when the clipboard is never cleared (a delay of 0). */
export function clearsInWords(delayMs: number): string | null {
  if (delayMs <= 0) return null;
  const seconds = Math.round(delayMs / 1000);
  if (seconds < 60 || seconds % 60 !== 0) return `clears in ${seconds} s`;
  return `clears in ${seconds / 60} min`;
}

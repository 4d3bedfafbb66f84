import type { ClipboardPort, Schedule } from '../ports';

/** Long enough to paste into a terminal or an API client; short enough not to linger in history. */
export const CLIPBOARD_CLEAR_MS = 2 * 60_000;

export interface GuardedClipboard extends ClipboardPort {
  /** Empties the clipboard now if it still holds Keymint's last copy (the vault locks, the app quits). */
  clearOwn(): void;
}

/**
 * A clipboard whose copies of secrets clear themselves: after the delay, or sooner when asked
 * (locking, quitting), if the clipboard still holds what Keymint put there, it is emptied.
 * Anything the user copied since is left alone.
 */
export function guardedClipboard(clipboard: ClipboardPort, schedule: Schedule, clearAfterMs = CLIPBOARD_CLEAR_MS): GuardedClipboard {
  let cancel: (() => void) | undefined;
  let written: string | undefined;
  const clearOwn = () => {
    cancel?.();
    cancel = undefined;
    if (written !== undefined && clipboard.readText() === written) clipboard.writeText('');
    written = undefined;
  };
  return {
    readText: () => clipboard.readText(),
    writeText(text) {
      cancel?.();
      clipboard.writeText(text);
      written = text;
      cancel = schedule(clearAfterMs, clearOwn);
    },
    clearOwn,
  };
}

import type { ClipboardPort, Schedule } from '../ports';

/** Long enough to paste into a terminal or an API client; short enough not to linger in history. */
export const CLIPBOARD_CLEAR_MS = 2 * 60_000;

/**
 * A clipboard whose copies of secrets clear themselves: after the delay, if the clipboard still
 * holds what Keymint put there, it is emptied. Anything the user copied since is left alone.
 */
export function guardedClipboard(clipboard: ClipboardPort, schedule: Schedule, clearAfterMs = CLIPBOARD_CLEAR_MS): ClipboardPort {
  let cancel: (() => void) | undefined;
  return {
    readText: () => clipboard.readText(),
    writeText(text) {
      cancel?.();
      clipboard.writeText(text);
      cancel = schedule(clearAfterMs, () => {
        cancel = undefined;
        if (clipboard.readText() === text) clipboard.writeText('');
      });
    },
  };
}

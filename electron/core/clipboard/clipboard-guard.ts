import { CLIPBOARD_CLEAR_MS } from '../../../shared/clipboard/clipboard-clear';
import type { ClipboardPort, Schedule } from '../ports';

export { CLIPBOARD_CLEAR_MS };

export interface GuardedClipboard extends ClipboardPort {
  /**
   * Empties the clipboard if it still holds Keymint's last copy (the vault locks, the app quits).
   * Never rejects: there is nobody to tell, and the timer's clear is the same best effort.
   */
  clearOwn(): Promise<void>;
}

/**
 * A clipboard whose copies of secrets clear themselves: after the delay, or sooner when asked
 * (locking, quitting), if the clipboard still holds what Keymint put there, it is emptied.
 * Anything the user copied since is left alone.
 *
 * The clipboard is asynchronous, so operations run one after another: a lock that arrives while
 * a copy is being written clears that copy once it has landed, instead of comparing against the
 * clipboard before it and leaving the token there.
 */
export function guardedClipboard(clipboard: ClipboardPort, schedule: Schedule, clearAfterMs = CLIPBOARD_CLEAR_MS): GuardedClipboard {
  let cancel: (() => void) | undefined;
  let written: string | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(operation: () => Promise<T>): Promise<T> => {
    const result = queue.then(operation);
    queue = result.catch(() => undefined);
    return result;
  };
  const clearOwn = () =>
    inTurn(async () => {
      cancel?.();
      cancel = undefined;
      const own = written;
      written = undefined;
      if (own !== undefined && (await clipboard.readText()) === own) await clipboard.writeText('');
    }).catch(() => undefined);
  return {
    readText: () => clipboard.readText(),
    writeText: (text) =>
      inTurn(async () => {
        // A failed write leaves the previous copy, its countdown and the clipboard as they were.
        await clipboard.writeText(text);
        cancel?.();
        written = text;
        cancel = schedule(clearAfterMs, () => void clearOwn());
      }),
    clearOwn,
  };
}

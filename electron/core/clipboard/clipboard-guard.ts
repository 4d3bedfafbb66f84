import { DEFAULT_CLIPBOARD_CLEAR_SECONDS } from '../../../shared/ipc/app-settings';
import type { ClipboardPort, Schedule } from '../ports';

/** The delay when none is given: the setting's default (see shared/ipc/app-settings). */
export const CLIPBOARD_CLEAR_MS = DEFAULT_CLIPBOARD_CLEAR_SECONDS * 1000;

/** The delay before a copy is cleared, read at each copy (the user's setting); null for never. */
export type ClearDelay = () => number | null;

export interface GuardedClipboard extends ClipboardPort {
  /**
   * Empties the clipboard if it still holds Keymint's last copy (the vault locks, the app quits).
   * Never rejects: there is nobody to tell, and the timer's clear is the same best effort.
   */
  clearOwn(): Promise<void>;
}

/**
 * A clipboard whose copies of secrets clear themselves: after the user's delay, or sooner when asked
 * (locking, quitting), if the clipboard still holds what Keymint put there, it is emptied.
 * Anything the user copied since is left alone.
 *
 * The clipboard is asynchronous, so operations run one after another: a lock that arrives while
 * a copy is being written clears that copy once it has landed, instead of comparing against the
 * clipboard before it and leaving the token there.
 */
export function guardedClipboard(clipboard: ClipboardPort, schedule: Schedule, clearAfterMs: ClearDelay = () => CLIPBOARD_CLEAR_MS): GuardedClipboard {
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
        // Never cleared by the timer: still cleared when the vault locks or Keymint quits.
        const delay = clearAfterMs();
        cancel = delay === null ? undefined : schedule(delay, () => void clearOwn());
      }),
    clearOwn,
  };
}

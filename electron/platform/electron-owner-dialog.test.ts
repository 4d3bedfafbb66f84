import { beforeEach, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  BrowserWindow: { getFocusedWindow: vi.fn((): object | null => null) },
  dialog: { showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 1 })) },
}));
vi.mock('electron', () => electron);

import { askOwnerWithDialog } from './electron-owner-dialog';

const question = { message: 'Stop the system keychain from unlocking Keymint?', detail: 'Only the passphrase will open it.', confirmLabel: 'Remove' };

beforeEach(() => {
  electron.dialog.showMessageBox.mockClear();
  electron.BrowserWindow.getFocusedWindow.mockReturnValue(null);
});

it('asks in a native box over the focused window, with Cancel as the default and the Escape answer', async () => {
  const window = { id: 1 };
  electron.BrowserWindow.getFocusedWindow.mockReturnValue(window);
  expect(await askOwnerWithDialog(question)).toBe(false);
  expect(electron.dialog.showMessageBox).toHaveBeenCalledExactlyOnceWith(
    window,
    expect.objectContaining({ message: question.message, detail: question.detail, buttons: ['Remove', 'Cancel'], defaultId: 1, cancelId: 1 }),
  );
});

it('is a yes only when the confirm button was pressed', async () => {
  electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 0 });
  expect(await askOwnerWithDialog(question)).toBe(true);
  expect(electron.dialog.showMessageBox.mock.calls[0]).toHaveLength(1);
});

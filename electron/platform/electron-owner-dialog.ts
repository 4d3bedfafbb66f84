import { BrowserWindow, dialog, type MessageBoxOptions } from 'electron';
import type { AskOwner } from '../core';

/**
 * A native message box drawn by main, which no page script can click or answer. Cancel is the
 * default and what Escape or closing the box means.
 */
export const askOwnerWithDialog: AskOwner = async ({ message, detail, confirmLabel }) => {
  const options: MessageBoxOptions = {
    type: 'warning',
    title: 'Keymint',
    message,
    detail,
    buttons: [confirmLabel, 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  };
  const window = BrowserWindow.getFocusedWindow();
  const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
  return response === 0;
};

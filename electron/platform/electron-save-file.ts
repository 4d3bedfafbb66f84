import { BrowserWindow, app, dialog } from 'electron';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SaveFile } from '../core';

/** A native save dialog; the file is written by main, owner-only, so its content never crosses IPC. */
export const electronSaveFile: SaveFile = async (suggestedName, content) => {
  const options = { defaultPath: join(app.getPath('documents'), suggestedName), filters: [{ name: 'JSON', extensions: ['json'] }] };
  const window = BrowserWindow.getFocusedWindow();
  const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return null;
  await writeFile(choice.filePath, content, { mode: 0o600 });
  return choice.filePath;
};

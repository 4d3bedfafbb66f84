import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ClipboardPort } from '../core';

/**
 * TESTS ONLY: a 0600 file standing in for the clipboard on a machine with no display, where no
 * real clipboard can exist (the served host uses it only when KEYMINT_CLIPBOARD_FILE is set).
 */
export function createFileClipboard(path: string): ClipboardPort {
  return {
    async writeText(text) {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      writeFileSync(path, text, { mode: 0o600 });
      chmodSync(path, 0o600);
    },
    async readText() {
      try {
        return readFileSync(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
        throw error;
      }
    },
  };
}

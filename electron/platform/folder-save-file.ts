import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { SaveFile } from '../core';

/** The browser host's and tests' save dialog: files land in one folder, 0600, never overwriting. */
export function saveIntoFolder(dir: string): SaveFile {
  return async (suggestedName, content) => {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const ext = extname(suggestedName);
    const stem = suggestedName.slice(0, suggestedName.length - ext.length);
    let path = join(dir, suggestedName);
    for (let n = 2; existsSync(path); n++) path = join(dir, `${stem}-${n}${ext}`);
    writeFileSync(path, content, { mode: 0o600, flag: 'wx' });
    return path;
  };
}

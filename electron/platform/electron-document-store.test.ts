import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

await vi.hoisted(async () => (await import('./electron-store-test-electron')).provideElectronToElectronStore());

import { createElectronDocumentStore } from './electron-document-store';
import { StoreCorruptError } from './json-file-store';

describe('createElectronDocumentStore (real electron-store)', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'keymint-store-'));
    file = join(dir, 'keymint.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads undefined for a new store and does not create the file by reading', () => {
    expect(createElectronDocumentStore(dir).read()).toBeUndefined();
    expect(() => statSync(file)).toThrow();
  });

  it('round-trips the document through keymint.json, owner-only (0600)', () => {
    const document = { version: 1, providers: [{ id: 'a', name: 'Acme' }], tokens: {} };
    createElectronDocumentStore(dir).write(document);
    expect(createElectronDocumentStore(dir).read()).toEqual(document);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(document);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('keeps the file 0600 when it was created with wider permissions', () => {
    writeFileSync(file, '{"version":1}');
    chmodSync(file, 0o644);
    createElectronDocumentStore(dir).write({ version: 2 });
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it.each([
    ['unparsable JSON', '{"version": 1, "providers": [', 'not valid JSON'],
    ['an empty file', '', 'not valid JSON'],
    ['an array', '[1, 2]', 'does not hold a JSON object'],
    ['null', 'null', 'does not hold a JSON object'],
  ])('throws StoreCorruptError for %s and leaves the file byte-for-byte unchanged', (_what, content, reason) => {
    writeFileSync(file, content);
    const before = readFileSync(file);
    const store = createElectronDocumentStore(dir);
    expect(() => store.read()).toThrow(StoreCorruptError);
    expect(() => store.read()).toThrow(reason);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('moves an unreadable file aside, keeping its bytes, and then starts empty', () => {
    writeFileSync(file, '{"broken"');
    const store = createElectronDocumentStore(dir);
    expect(() => store.read()).toThrow(StoreCorruptError);
    const aside = store.moveAside();
    expect(aside).toMatch(/keymint\.corrupt-\d{8}-\d{6}\.json$/);
    expect(readFileSync(aside, 'utf8')).toBe('{"broken"');
    expect(store.read()).toBeUndefined();
    store.write({ version: 1 });
    expect(store.read()).toEqual({ version: 1 });
  });

  it('does not quote the damaged contents in the error', () => {
    writeFileSync(file, '{"secret": "hunter2" oops}');
    const error = catchError(() => createElectronDocumentStore(dir).read());
    expect(error).toBeInstanceOf(StoreCorruptError);
    expect(String((error as Error).message)).not.toContain('hunter2');
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

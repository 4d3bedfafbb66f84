import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

await vi.hoisted(async () => (await import('../test-support/electron-store-in-node')).provideElectronToElectronStore());

import { openWindowStateStore } from './window-state-store';

describe('the window state in preferences.json (real electron-store)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'keymint-preferences-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('remembers where the window was across runs, in an owner-only file beside the vault', () => {
    const state = { x: 40, y: 30, width: 1200, height: 800, maximized: true };
    openWindowStateStore(dir).save(state);
    expect(openWindowStateStore(dir).read()).toEqual(state);
    const file = join(dir, 'preferences.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ window: state });
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('has nothing to restore on a first run', () => {
    expect(openWindowStateStore(dir).read()).toBeUndefined();
  });

  it.each([
    ['not JSON', '{"window": '],
    ['an edited state', '{"window": {"x": "0", "y": 0, "width": 10, "height": 10, "maximized": false}}'],
    ['absurd numbers', '{"window": {"x": 1e300, "y": 0, "width": 10, "height": 10, "maximized": false}}'],
  ])('ignores a preferences file with %s, and leaves it as it was', (_name, text) => {
    const file = join(dir, 'preferences.json');
    writeFileSync(file, text);
    chmodSync(file, 0o600);
    expect(openWindowStateStore(dir).read()).toBeUndefined();
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});

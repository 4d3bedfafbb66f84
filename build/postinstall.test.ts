import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

describe('npm install’s postinstall', () => {
  it('never fails, and says in one line that Electron’s binary is missing and what npm start does instead', () => {
    // No binary where the electron package would look, and no download attempted.
    const env = { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: mkdtempSync(resolve(tmpdir(), 'keymint-no-electron-')), ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };
    const run = spawnSync(process.execPath, ['scripts/postinstall.mjs'], { cwd: root, env, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Keymint: Electron's binary was not downloaded .*`npm start` will serve Keymint to your browser on 127\.0\.0\.1 instead/);
  });
});

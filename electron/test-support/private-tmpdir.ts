import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Vitest's and Playwright's global setup: one temporary folder for the whole run, which every
 * test's own temporary folders (vaults, keychains, CLI builds, child processes) go into through
 * TMPDIR, and which is removed when the run ends. Tests need not each clean up after
 * themselves, and a run that fails or is stopped leaves one folder, not thousands.
 */
export default function privateTmpdir(): () => void {
  const outer = tmpdir();
  const dir = mkdtempSync(join(outer, 'keymint-tests-'));
  const before = { TMPDIR: process.env.TMPDIR, TEMP: process.env.TEMP, TMP: process.env.TMP };
  // os.tmpdir() reads TMPDIR on POSIX and TEMP/TMP on Windows, in this process and every one it starts.
  process.env.TMPDIR = dir;
  process.env.TEMP = dir;
  process.env.TMP = dir;
  return () => {
    for (const [name, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  };
}

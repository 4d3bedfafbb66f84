// Where Electron's binary is, if it is installed. Read from the electron package's path.txt
// rather than `require('electron')`: since Electron 42 that require downloads a missing binary.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The electron package's folder, or undefined when it is not installed. */
export function electronPackageDir() {
  try {
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

/** The binary's absolute path when it exists, else undefined. */
export function electronBinary() {
  const packageDir = electronPackageDir();
  if (!packageDir) return undefined;
  try {
    const executable = readFileSync(join(packageDir, 'path.txt'), 'utf8');
    const path = join(process.env.ELECTRON_OVERRIDE_DIST_PATH || join(packageDir, 'dist'), executable);
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

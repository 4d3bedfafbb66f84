import { createRequire } from 'node:module';

/**
 * TESTS ONLY. electron-store is an external ESM package, so vi.mock cannot reach its own
 * `import 'electron'`: Node loads electron's CommonJS entry through its module cache. Seeding
 * that entry with the two things electron-store reads lets the real package run in plain Node.
 * Call it from vi.hoisted, before electron-store is imported.
 */
export function provideElectronToElectronStore(): void {
  const require = createRequire(import.meta.url);
  const filename = require.resolve('electron');
  // Only read for defaults that Keymint always overrides (cwd) or does not use (projectVersion).
  const app = { getPath: () => '/nonexistent-user-data', getVersion: () => '0.0.0' };
  const ipcMain = { on: () => ipcMain };
  require.cache[filename] = { id: filename, filename, loaded: true, exports: { app, ipcMain } } as NodeJS.Module;
}

import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';

export interface AppFiles {
  /** Absolute path of the bundled preload (dist/electron/preload.cjs). */
  preload: string;
  /** Absolute path of the built page (dist/renderer/index.html). */
  indexHtml: string;
}

/** The main bundle is dist/electron/main.cjs; the preload is built beside it, the page in dist/renderer. */
export function appFiles(bundleDir: string): AppFiles {
  return { preload: join(bundleDir, 'preload.cjs'), indexHtml: join(bundleDir, '../renderer/index.html') };
}

export interface MainWindow {
  window: BrowserWindow;
  /** Resolves once the page has loaded; rejects if it could not be loaded. */
  loaded: Promise<void>;
}

export function createMainWindow(files: AppFiles): MainWindow {
  const window = new BrowserWindow({
    title: 'Keymint',
    width: 1100,
    height: 760,
    minWidth: 720,
    minHeight: 480,
    // Shown once painted, so the user never sees a blank white frame.
    show: false,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: files.preload,
      devTools: !app.isPackaged,
      // Keymint's fields are names, URLs and keys, not prose: the spellchecker would only hand them to the OS's
      // spelling service and fetch dictionaries from Google's servers.
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  return { window, loaded: window.loadFile(files.indexHtml) };
}

import { app, BrowserWindow, type Rectangle } from 'electron';
import { join } from 'node:path';
import { DEFAULT_SIZE, MIN_SIZE, type WindowState } from './window-state';

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

export interface WindowPlacement {
  /** Where to open (from boundsToRestore); the default size, placed by the OS, when left out. */
  bounds?: Partial<Rectangle> & { width: number; height: number };
  maximized?: boolean;
  /** Hears where the window was when it closes, to open there next time. */
  remember?: (state: WindowState) => void;
}

export function createMainWindow(files: AppFiles, placement: WindowPlacement = {}): MainWindow {
  const window = new BrowserWindow({
    title: 'Keymint',
    ...(placement.bounds ?? DEFAULT_SIZE),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
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
  window.once('ready-to-show', () => {
    if (placement.maximized) window.maximize();
    window.show();
  });
  const { remember } = placement;
  // The normal bounds, so a window closed maximized reopens maximized over the size it had before.
  if (remember) window.on('close', () => remember({ ...window.getNormalBounds(), maximized: window.isMaximized() }));
  return { window, loaded: window.loadFile(files.indexHtml) };
}

import { app, dialog, ipcMain, screen, session, type BrowserWindow } from 'electron';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { composeElectron, type ElectronKeymint } from './compose-electron';
import { startDesktopIntegration } from './desktop-integration';
import { refuseDebuggingWhenPackaged } from './debugging-switches';
import { developmentOverrides } from './development-overrides';
import { registerIpc } from './ipc-registration';
import { quitAfterCleanup } from './quit-after-cleanup';
import { hardenSession, hardenWebContents, refuseClientCertificates } from './security';
import { appFiles, createMainWindow } from './window';
import { boundsToRestore } from './window-state';
import { openWindowStateStore } from './window-state-store';

const overrides = developmentOverrides(app.isPackaged, process.env);
// Before anything reads userData (the single-instance lock lives there too), so e2e runs stay apart.
if (overrides.userDataDir) app.setPath('userData', resolve(overrides.userDataDir));

const files = appFiles(__dirname);

app.enableSandbox();
refuseClientCertificates(app);
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, pathToFileURL(files.indexHtml).href));

// Checked before the single-instance lock, so a debuggee never becomes the running Keymint.
if (refuseDebuggingWhenPackaged(app, process.argv)) {
  app.exit(1);
} else if (app.requestSingleInstanceLock()) {
  app.whenReady().then(start).catch(failToStart);
} else {
  app.quit();
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  const keymint = composeElectron({
    dataDir: app.getPath('userData'),
    indexHtml: files.indexHtml,
    recordIpc: ipcRecorder(),
    saveDir: overrides.saveDir,
    keychainFile: overrides.keychainFile,
    ownerAnswer: overrides.ownerAnswer,
  });
  registerIpc(ipcMain, keymint.router);
  quitAfterCleanup(app, () => keymint.dispose());
  await keymint.start();
  const window = await openWindow(keymint);
  const stopDesktop = startDesktopIntegration({
    core: keymint.core,
    window,
    openPalette: () => keymint.openPalette(),
    development: !app.isPackaged,
    warn: (message) => console.warn(`[keymint] ${message}`),
  });
  app.once('will-quit', stopDesktop);
  app.on('second-instance', () => {
    if (window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
}

async function openWindow(keymint: ElectronKeymint): Promise<BrowserWindow> {
  const remembered = openWindowStateStore(app.getPath('userData'));
  const saved = remembered.read();
  const { window, loaded } = createMainWindow(files, {
    bounds: boundsToRestore(saved, screen.getAllDisplays().map((display) => display.workArea)),
    maximized: saved?.maximized,
    remember: (state) => remembered.save(state),
  });
  keymint.sendEventsTo(window.webContents);
  await loaded;
  return window;
}

/** e2e's Electron host reads `globalThis.keymintIpcTraffic` to prove no secret crossed IPC. Never when packaged. */
function ipcRecorder(): ((json: string) => void) | undefined {
  if (!overrides.recordIpc) return undefined;
  const traffic: string[] = [];
  (globalThis as { keymintIpcTraffic?: string[] }).keymintIpcTraffic = traffic;
  return (json) => void traffic.push(json);
}

/** Startup itself failed (an unreadable data file is not this: the core starts and reports it). */
function failToStart(error: unknown): void {
  dialog.showErrorBox('Keymint could not start', error instanceof Error ? error.message : String(error));
  app.exit(1);
}

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

await vi.hoisted(async () => (await import('../platform/electron-store-test-electron')).provideElectronToElectronStore());

const electron = vi.hoisted(() => ({
  app: {
    isPackaged: false,
    setPath: vi.fn(),
    enableSandbox: vi.fn(),
    on: vi.fn(),
    // A second instance: main quits before starting anything, which is all these tests need.
    requestSingleInstanceLock: vi.fn(() => false),
    quit: vi.fn(),
    whenReady: vi.fn(() => new Promise(() => {})),
  },
}));
vi.mock('electron', () => ({ app: electron.app, dialog: {}, ipcMain: {}, session: {}, BrowserWindow: class {} }));

/** Loads main as Electron would start it, with this environment. */
async function startMain(isPackaged: boolean): Promise<void> {
  electron.app.isPackaged = isPackaged;
  vi.resetModules();
  await import('./main');
}

describe('the user-data folder from KEYMINT_USER_DATA_DIR', () => {
  beforeEach(() => {
    electron.app.setPath.mockClear();
    vi.stubEnv('KEYMINT_USER_DATA_DIR', '/tmp/keymint-e2e-data');
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('is used by an unpackaged app, before the single-instance lock is taken', async () => {
    await startMain(false);
    expect(electron.app.setPath).toHaveBeenCalledExactlyOnceWith('userData', '/tmp/keymint-e2e-data');
    expect(electron.app.setPath.mock.invocationCallOrder[0]).toBeLessThan(electron.app.requestSingleInstanceLock.mock.invocationCallOrder.at(-1) ?? 0);
  });

  it('is ignored by a packaged app, which keeps its own folder and single-instance lock', async () => {
    await startMain(true);
    expect(electron.app.setPath).not.toHaveBeenCalled();
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalled();
  });
});

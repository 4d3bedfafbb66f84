import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

await vi.hoisted(async () => (await import('../platform/electron-store-test-electron')).provideElectronToElectronStore());

/** Just enough of Electron for main.ts's top level; `requestSingleInstanceLock` false stops it before `ready`. */
const electron = vi.hoisted(() => ({
  app: {
    isPackaged: true,
    commandLine: { hasSwitch: () => false },
    setPath: () => undefined,
    enableSandbox: () => undefined,
    on: () => undefined,
    requestSingleInstanceLock: (() => false) as () => boolean,
    whenReady: () => new Promise(() => {}),
    quit: () => undefined,
    exit: (_code?: number) => undefined,
  },
  dialog: {},
  ipcMain: {},
  session: {},
}));
vi.mock('electron', () => electron);

describe('main.ts startup', () => {
  const argv = process.argv;
  let stderr: ReturnType<typeof vi.spyOn>;

  /** Runs main.ts's top level afresh, as Electron would on launch with these arguments. */
  async function launch(args: string[]): Promise<void> {
    process.argv = ['/opt/Keymint/keymint', ...args];
    vi.resetModules();
    await import('./main');
  }

  beforeEach(() => {
    electron.app.isPackaged = true;
    vi.spyOn(electron.app, 'exit');
    vi.spyOn(electron.app, 'requestSingleInstanceLock');
    stderr = vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => {
    process.argv = argv;
    vi.restoreAllMocks();
  });

  it('quits a packaged app started with --remote-debugging-port before taking the lock or opening anything', async () => {
    await launch(['--remote-debugging-port=9222']);
    expect(electron.app.exit).toHaveBeenCalledExactlyOnceWith(1);
    expect(electron.app.requestSingleInstanceLock).not.toHaveBeenCalled();
    expect(stderr).toHaveBeenCalledWith(expect.stringContaining('--remote-debugging-port'));
  });

  it('quits a packaged app started with --inspect-brk', async () => {
    await launch(['--inspect-brk=9229']);
    expect(electron.app.exit).toHaveBeenCalledExactlyOnceWith(1);
  });

  it('starts a packaged app without debugging switches, and a development run with them', async () => {
    await launch(['--enable-logging']);
    electron.app.isPackaged = false;
    await launch(['--inspect']);
    expect(electron.app.exit).not.toHaveBeenCalled();
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalledTimes(2);
  });
});

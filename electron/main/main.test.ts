import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** Just enough of Electron for main.ts's top level; `requestSingleInstanceLock` false stops it before `ready`. */
const electron = vi.hoisted(() => ({
  app: {
    isPackaged: true,
    commandLine: { hasSwitch: () => false },
    setPath: (_name: string, _path: string) => undefined,
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
// electron-store imports the real `electron`, which vi.mock cannot reach (an external ESM package); window-state-store.test.ts tests it.
vi.mock('./window-state-store', () => ({ openWindowStateStore: () => ({ read: () => undefined, save: () => undefined }) }));

const argv = process.argv;

/** Runs main.ts's top level afresh, as Electron would on launch with these arguments. */
async function launch(isPackaged: boolean, args: string[] = []): Promise<void> {
  electron.app.isPackaged = isPackaged;
  process.argv = ['/opt/Keymint/keymint', ...args];
  vi.resetModules();
  await import('./main');
}

let stderr: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  vi.spyOn(electron.app, 'exit');
  vi.spyOn(electron.app, 'setPath');
  vi.spyOn(electron.app, 'requestSingleInstanceLock');
  stderr = vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  process.argv = argv;
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('debugging switches', () => {
  it('quit a packaged app started with --remote-debugging-port before taking the lock or opening anything', async () => {
    await launch(true, ['--remote-debugging-port=9222']);
    expect(electron.app.exit).toHaveBeenCalledExactlyOnceWith(1);
    expect(electron.app.requestSingleInstanceLock).not.toHaveBeenCalled();
    expect(stderr).toHaveBeenCalledWith(expect.stringContaining('--remote-debugging-port'));
  });

  it('quit a packaged app started with --inspect-brk', async () => {
    await launch(true, ['--inspect-brk=9229']);
    expect(electron.app.exit).toHaveBeenCalledExactlyOnceWith(1);
  });

  it('are allowed in a development run; a packaged app without them starts', async () => {
    await launch(true, ['--enable-logging']);
    await launch(false, ['--inspect']);
    expect(electron.app.exit).not.toHaveBeenCalled();
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalledTimes(2);
  });
});

describe('the user-data folder from KEYMINT_USER_DATA_DIR', () => {
  beforeEach(() => {
    vi.stubEnv('KEYMINT_USER_DATA_DIR', '/tmp/keymint-e2e-data');
  });

  it('is used by an unpackaged app, before the single-instance lock is taken', async () => {
    await launch(false);
    expect(electron.app.setPath).toHaveBeenCalledExactlyOnceWith('userData', '/tmp/keymint-e2e-data');
    expect(vi.mocked(electron.app.setPath).mock.invocationCallOrder[0]).toBeLessThan(
      vi.mocked(electron.app.requestSingleInstanceLock).mock.invocationCallOrder.at(-1) ?? 0,
    );
  });

  it('is ignored by a packaged app, which keeps its own folder and single-instance lock', async () => {
    await launch(true);
    expect(electron.app.setPath).not.toHaveBeenCalled();
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalled();
  });
});

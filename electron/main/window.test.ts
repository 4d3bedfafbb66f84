import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  class FakeBrowserWindow {
    static created: FakeBrowserWindow[] = [];
    readonly listeners = new Map<string, () => void>();
    readonly show = vi.fn();
    readonly maximize = vi.fn();
    readonly loadFile = vi.fn(async (_path: string) => undefined);
    readonly getNormalBounds = () => ({ x: 10, y: 20, width: 900, height: 700 });
    readonly isMaximized = () => true;
    constructor(readonly options: Record<string, unknown>) {
      FakeBrowserWindow.created.push(this);
    }
    once(event: string, listener: () => void) {
      this.listeners.set(event, listener);
      return this;
    }
    on(event: string, listener: () => void) {
      return this.once(event, listener);
    }
  }
  return { app: { isPackaged: false }, BrowserWindow: FakeBrowserWindow };
});
vi.mock('electron', () => electron);

import { appFiles, createMainWindow } from './window';

const root = resolve(import.meta.dirname, '../..');
const files = appFiles(join(root, 'dist/electron'));

describe('createMainWindow', () => {
  beforeEach(() => {
    electron.BrowserWindow.created.length = 0;
    electron.app.isPackaged = false;
  });

  it('locates the bundled preload and the built page next to the main bundle', () => {
    expect(files).toEqual({
      preload: join(root, 'dist/electron/preload.cjs'),
      indexHtml: join(root, 'dist/renderer/index.html'),
    });
  });

  it('isolates and sandboxes the page, with exactly these webPreferences', async () => {
    await createMainWindow(files).loaded;
    const [window] = electron.BrowserWindow.created;
    expect(window!.options.webPreferences).toStrictEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: files.preload,
      devTools: true,
      spellcheck: false,
    });
    expect(window!.options).toMatchObject({ title: 'Keymint', show: false });
    expect(window!.options.minWidth).toBeGreaterThan(0);
    expect(window!.options.minHeight).toBeGreaterThan(0);
  });

  it('turns DevTools off in a packaged app', () => {
    electron.app.isPackaged = true;
    createMainWindow(files);
    const webPreferences = electron.BrowserWindow.created[0]!.options.webPreferences as { devTools: boolean };
    expect(webPreferences.devTools).toBe(false);
  });

  it('loads our index.html from disk and shows the window only once it is painted', async () => {
    const { window, loaded } = createMainWindow(files);
    await loaded;
    const fake = window as unknown as InstanceType<typeof electron.BrowserWindow>;
    expect(fake.loadFile).toHaveBeenCalledExactlyOnceWith(files.indexHtml);
    expect(fake.show).not.toHaveBeenCalled();
    fake.listeners.get('ready-to-show')!();
    expect(fake.show).toHaveBeenCalledOnce();
  });

  it('opens where it was last time, maximized again, and remembers where it was when it closes', () => {
    const remember = vi.fn();
    createMainWindow(files, { bounds: { x: 30, y: 40, width: 1000, height: 700 }, maximized: true, remember });
    const fake = electron.BrowserWindow.created[0]!;
    expect(fake.options).toMatchObject({ x: 30, y: 40, width: 1000, height: 700 });
    fake.listeners.get('ready-to-show')!();
    expect(fake.maximize).toHaveBeenCalledOnce();
    fake.listeners.get('close')!();
    expect(remember).toHaveBeenCalledExactlyOnceWith({ x: 10, y: 20, width: 900, height: 700, maximized: true });
  });
});

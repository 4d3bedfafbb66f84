import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';

/** Just enough of Electron for the desktop glue: what it was asked to show, recorded. */
const electron = vi.hoisted(() => {
  const state = {
    appMenu: undefined as MenuItemConstructorOptions[] | undefined,
    trayMenus: [] as MenuItemConstructorOptions[][],
    shortcuts: new Map<string, () => void>(),
    notifications: [] as { title: string; body: string }[],
    trays: 0,
    destroyed: 0,
  };
  class FakeTray {
    constructor() {
      state.trays += 1;
    }
    setToolTip() {}
    setContextMenu(menu: { template: MenuItemConstructorOptions[] }) {
      state.trayMenus.push(menu.template);
    }
    destroy() {
      state.destroyed += 1;
    }
  }
  class FakeNotification {
    static isSupported = () => true;
    constructor(private readonly options: { title: string; body: string }) {}
    on() {}
    show() {
      state.notifications.push({ title: this.options.title, body: this.options.body });
    }
  }
  return {
    state,
    app: { quit: () => undefined, focus: () => undefined },
    Menu: {
      buildFromTemplate: (template: MenuItemConstructorOptions[]) => ({ template }),
      setApplicationMenu: (menu: { template: MenuItemConstructorOptions[] }) => void (state.appMenu = menu.template),
    },
    Tray: FakeTray,
    Notification: FakeNotification,
    nativeImage: { createEmpty: () => ({ addRepresentation: () => undefined }) },
    nativeTheme: { themeSource: 'system' },
    globalShortcut: {
      register: (accelerator: string, callback: () => void) => state.shortcuts.set(accelerator, callback) !== undefined,
      unregister: (accelerator: string) => void state.shortcuts.delete(accelerator),
    },
  };
});
vi.mock('electron', () => electron);

import { harnessesDisposedAfterEach } from '../test-support/keymint-harness';
import { startDesktopIntegration } from './desktop-integration';
import { PALETTE_SHORTCUT } from './global-shortcut';

const harness = harnessesDisposedAfterEach();
const settle = () => new Promise((resolve) => setImmediate(resolve));

function fakeWindow() {
  return { isDestroyed: () => false, isMinimized: () => false, restore: vi.fn(), show: vi.fn(), focus: vi.fn() };
}

let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  stop = undefined;
});

describe('the desktop integration', () => {
  it('sets the menu and a tray that follows the providers, and applies the settings as they change', async () => {
    const app = harness();
    const window = fakeWindow();
    let palettes = 0;
    stop = startDesktopIntegration({
      core: app.keymint.core,
      window: window as never,
      openPalette: () => void (palettes += 1),
      development: false,
      warn: () => undefined,
    });
    expect(electron.state.appMenu?.map((item) => item.role ?? item.label)).toContain('editMenu');
    expect(electron.state.trays).toBe(1);
    expect(electron.state.trayMenus.at(-1)?.map((item) => item.label)).toContain('No providers yet');
    expect(electron.state.shortcuts.size).toBe(0);

    await app.value('providers:create', { presetId: 'togai', name: 'Billing', baseUrl: 'https://api.togai.com', values: { apiKey: 'tg-desktop-key' } });
    await settle();
    expect(electron.state.trayMenus.at(-1)?.map((item) => item.label)).toContain('Billing — No token');

    await app.value('settings:update', { globalShortcut: true, theme: 'dark' });
    expect(electron.nativeTheme.themeSource).toBe('dark');
    electron.state.shortcuts.get(PALETTE_SHORTCUT)?.();
    expect(palettes).toBe(1);
    expect(window.show).toHaveBeenCalled();

    stop();
    stop = undefined;
    expect(electron.state.shortcuts.size).toBe(0);
    expect(electron.state.destroyed).toBe(1);
  });
});

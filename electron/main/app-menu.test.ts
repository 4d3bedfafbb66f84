import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { appMenuTemplate } from './app-menu';

const roles = (items: readonly MenuItemConstructorOptions[]): string[] =>
  items.flatMap((item) => [...(item.role ? [item.role] : []), ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])]);

describe('the application menu', () => {
  it('uses the standard roles; macOS gets its app menu', () => {
    const mac = appMenuTemplate({ platform: 'darwin', development: false, openPalette: () => undefined });
    expect(roles(mac)).toEqual(['appMenu', 'fileMenu', 'editMenu', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'windowMenu']);
    const linux = appMenuTemplate({ platform: 'linux', development: false, openPalette: () => undefined });
    expect(roles(linux)[0]).toBe('fileMenu');
  });

  it('offers DevTools and reload in a development run only', () => {
    const packaged = roles(appMenuTemplate({ platform: 'win32', development: false, openPalette: () => undefined }));
    expect(packaged).not.toContain('toggleDevTools');
    expect(packaged).not.toContain('reload');
    const development = roles(appMenuTemplate({ platform: 'win32', development: true, openPalette: () => undefined }));
    expect(development).toEqual(expect.arrayContaining(['toggleDevTools', 'reload', 'forceReload']));
  });

  it('opens the palette from View, showing Ctrl/Cmd+K without taking the key from the page', () => {
    let opened = 0;
    const [view] = appMenuTemplate({ platform: 'linux', development: false, openPalette: () => void (opened += 1) }).filter((item) => item.label === 'View');
    const quickCopy = (view?.submenu as MenuItemConstructorOptions[])[0];
    expect(quickCopy).toMatchObject({ label: 'Quick copy…', accelerator: 'CommandOrControl+K', registerAccelerator: false });
    (quickCopy?.click as () => void)();
    expect(opened).toBe(1);
  });
});

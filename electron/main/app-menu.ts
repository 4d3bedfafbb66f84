import type { MenuItemConstructorOptions } from 'electron';

export interface AppMenuOptions {
  platform: NodeJS.Platform;
  /** Reload and DevTools: development only (a packaged app has none, see window.ts and debugging-switches.ts). */
  development: boolean;
  openPalette(): void;
}

/**
 * The application menu from Electron's standard roles, so shortcuts, the Edit menu's copy and
 * paste, zoom and window handling behave as on every other app of the platform. macOS gets its
 * app menu (About, Hide, Quit); DevTools only in a development run.
 */
export function appMenuTemplate({ platform, development, openPalette }: AppMenuOptions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      // Shown, not registered: the page handles Ctrl/Cmd+K itself (in the browser host too).
      { label: 'Quick copy…', accelerator: 'CommandOrControl+K', registerAccelerator: false, click: openPalette },
      { type: 'separator' },
      ...(development ? ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as const) : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  return [...(platform === 'darwin' ? [{ role: 'appMenu' } as const] : []), { role: 'fileMenu' }, { role: 'editMenu' }, view, { role: 'windowMenu' }];
}

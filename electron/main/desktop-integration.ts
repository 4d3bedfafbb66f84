import { app, globalShortcut as electronShortcuts, Menu, nativeImage, nativeTheme, Notification, Tray, type BrowserWindow } from 'electron';
import type { KeymintCore } from '../core';
import { alertNotifications, type Notify } from './alert-notifications';
import { appMenuTemplate } from './app-menu';
import { globalShortcut } from './global-shortcut';
import { ProviderTray } from './provider-tray';
import { trayIconPngs } from './tray-icon';
import { copyFromTray } from './tray-copy';

export interface DesktopOptions {
  core: KeymintCore;
  window: BrowserWindow;
  /** Pushes `ui:open-palette` to the page. */
  openPalette(): void;
  development: boolean;
  warn(message: string): void;
}

/**
 * The desktop app's place in the OS: the application menu, a tray / menu-bar icon listing the
 * providers, native notifications for alerts, the global shortcut, and the native theme. Thin
 * glue: every decision is in the modules it wires (each unit-tested without Electron).
 */
export function startDesktopIntegration(options: DesktopOptions): () => void {
  const { core, window } = options;
  const bringForward = () => {
    if (window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    // macOS brings a window forward only with its app: from the global shortcut, the app is in the background.
    if (process.platform === 'darwin') app.focus({ steal: true });
    window.focus();
  };
  const openPalette = () => {
    bringForward();
    options.openPalette();
  };
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate({ platform: process.platform, development: options.development, openPalette })));

  const notify: Notify = (notice, onClick) => {
    if (!Notification.isSupported()) return;
    const shown = new Notification({ title: notice.title, body: notice.body, silent: true });
    shown.on('click', onClick);
    shown.show();
  };
  const settings = () => core.settings.get();

  const icon = nativeImage.createEmpty();
  for (const { scaleFactor, png } of trayIconPngs()) icon.addRepresentation({ scaleFactor, buffer: png });
  const tray = new Tray(icon);
  tray.setToolTip('Keymint');
  const providerTray = new ProviderTray(
    { list: () => core.providers.list(), get: (id) => core.providers.get(id), locked: () => core.vault.status().state === 'locked' },
    (items) => tray.setContextMenu(Menu.buildFromTemplate(items)),
    {
      copy: (id) => void copyFromTray(core, id, { notify: (notice) => settings().notifications && notify(notice, bringForward), bringForward }),
      openWindow: bringForward,
      openPalette,
      quit: () => app.quit(),
    },
  );

  const shortcut = globalShortcut(electronShortcuts, openPalette, options.warn);
  const applySettings = () => {
    const current = settings();
    shortcut(current.globalShortcut);
    nativeTheme.themeSource = current.theme;
  };
  applySettings();
  const toNotifications = alertNotifications({ enabled: () => settings().notifications, notify, open: bringForward });
  const unsubscribe = core.subscribe((change) => {
    providerTray.changed(change);
    if (change.kind === 'settings') applySettings();
    if (change.kind === 'alert') {
      toNotifications(change);
      providerTray.refresh();
    }
  });
  return () => {
    unsubscribe();
    shortcut(false);
    tray.destroy();
  };
}

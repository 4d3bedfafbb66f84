import type { ProviderView } from '../../shared/ipc/provider-view';
import { displayState } from '../../shared/tokens/token-status';

/** A menu as plain data (Electron's MenuItemConstructorOptions, trimmed to what the tray uses), so it is tested without Electron. */
export interface TrayItem {
  label?: string;
  type?: 'separator';
  enabled?: boolean;
  accelerator?: string;
  registerAccelerator?: boolean;
  click?: () => void;
}

/** A tray menu is read at a glance: the first providers by name; the palette finds the others. */
export const TRAY_PROVIDERS = 20;

/** A provider's state in words (never colour alone), true without ticking: "Valid until 14:32". */
export function trayStatus(view: ProviderView, now: number, time: (instant: number) => string = clockTime): string {
  if (view.problem) return 'Cannot run';
  if (view.missing.length > 0) return 'Needs its key';
  const state = displayState(view.status, now);
  const renewal = view.status.renewal.state;
  const note = renewal === 'off' ? ' · renewal off' : renewal === 'stopped' ? ' · renewal stopped' : renewal === 'retrying' ? ' · retrying' : '';
  switch (state) {
    case 'none':
      return 'No token';
    case 'error':
      return 'Error';
    case 'expired':
      return `Expired${note}`;
    case 'valid':
      return view.status.expiresAt === null ? `Valid${note}` : `Valid until ${time(Date.parse(view.status.expiresAt))}${note}`;
  }
}

const clockTime = (instant: number) => new Date(instant).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

export interface TrayActions {
  copy(id: string): void;
  openWindow(): void;
  openPalette(): void;
  quit(): void;
}

/** The menu: open, quick copy, the first providers (choosing one copies its header), quit. */
export function trayMenuTemplate(views: readonly ProviderView[], locked: boolean, now: number, actions: TrayActions): TrayItem[] {
  const shown = [...views].sort((a, b) => a.name.localeCompare(b.name)).slice(0, TRAY_PROVIDERS);
  const more = views.length - shown.length;
  const providers: TrayItem[] = shown.map((view) => ({
    label: `${view.name} — ${trayStatus(view, now)}`,
    click: () => actions.copy(view.id),
  }));
  return [
    { label: 'Open Keymint', click: actions.openWindow },
    { label: 'Quick copy…', accelerator: 'CommandOrControl+K', registerAccelerator: false, click: actions.openPalette },
    { type: 'separator' },
    ...(locked ? [{ label: 'Vault locked: open Keymint to unlock', enabled: false }] : []),
    ...(views.length === 0 ? [{ label: 'No providers yet', enabled: false }] : [{ label: 'Copy a header:', enabled: false }, ...providers]),
    ...(more > 0 ? [{ label: `${more} more: find them with Quick copy…`, click: actions.openPalette }] : []),
    { type: 'separator' },
    { label: 'Quit Keymint', click: actions.quit },
  ];
}

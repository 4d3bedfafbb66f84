/** Electron's globalShortcut, as much of it as Keymint uses. */
export interface ShortcutPort {
  register(accelerator: string, callback: () => void): boolean;
  unregister(accelerator: string): void;
}

/** Ctrl+Shift+K (Cmd+Shift+K on macOS): the palette's Ctrl/Cmd+K, with Shift because it reaches across every app. */
export const PALETTE_SHORTCUT = 'CommandOrControl+Shift+K';

/**
 * Keeps the global shortcut registered exactly while the setting is on. Registration fails when
 * another app holds the combination: said once in the log, and tried again on the next change.
 */
export function globalShortcut(port: ShortcutPort, onPress: () => void, warn: (message: string) => void): (enabled: boolean) => void {
  let registered = false;
  return (enabled) => {
    if (enabled === registered) return;
    if (!enabled) {
      port.unregister(PALETTE_SHORTCUT);
      registered = false;
      return;
    }
    registered = port.register(PALETTE_SHORTCUT, onPress);
    if (!registered) warn(`${PALETTE_SHORTCUT} is taken by another application; the global shortcut is not active`);
  };
}

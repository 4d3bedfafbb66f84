import Store from 'electron-store';
import { parseWindowState, type WindowState } from './window-state';

export interface WindowStateStore {
  read(): WindowState | undefined;
  save(state: WindowState): void;
}

/**
 * The app's preferences (`preferences.json` beside the vault, 0600) through electron-store, the
 * job it is made for: small settings of this app alone, which no other Keymint process shares.
 * The vault never lives here (see vault-folder-store). A damaged file is ignored, not cleared.
 */
export function openWindowStateStore(cwd: string): WindowStateStore {
  let store: Store<Record<string, unknown>> | undefined;
  const open = () => (store ??= new Store<Record<string, unknown>>({ cwd, name: 'preferences', configFileMode: 0o600, clearInvalidConfig: false }));
  return {
    read: () => {
      try {
        return parseWindowState(open().get('window'));
      } catch {
        return undefined; // Unreadable preferences only cost the window its place.
      }
    },
    save: (state) => {
      try {
        open().set('window', state);
      } catch {
        // A full disk or a damaged file must not stop Keymint from quitting.
      }
    },
  };
}

import { DEFAULT_APP_SETTINGS, type AppSettings, type AppSettingsInput } from '../../../shared/ipc/app-settings';
import type { VaultStatus } from '../../../shared/ipc/vault-view';
import type { SessionHolder } from '../session-holder';
import { readAppSettings, withAppSettings } from '../settings/stored-app-settings';

/** Settings kept in the vault's document (so every host of this vault shares them); each answers with the new status. */
export interface SettingsFacade {
  /** Minutes without use before the vault locks itself; null for never. */
  setAutoLock(minutes: number | null): VaultStatus;
  setLockOnSleep(enabled: boolean): VaultStatus;
  /** Theme, clipboard delay, notifications, global shortcut: readable while locked (the lock screen has its theme); the defaults while the file is unreadable. */
  get(): AppSettings;
  /** Needs the vault not locked, like every other change; answers with all the settings. */
  update(changes: AppSettingsInput): AppSettings;
}

export function settingsFacade(holder: SessionHolder, changed: () => void): SettingsFacade {
  const get = () => {
    const session = holder.maybe;
    return session ? readAppSettings(session.repository.current.settings) : { ...DEFAULT_APP_SETTINGS };
  };
  return {
    get,
    update: (changes) => {
      holder.notLocked().repository.update((doc) => ({ ...doc, settings: withAppSettings(doc.settings, changes) }));
      changed();
      return get();
    },
    setAutoLock: (minutes) => {
      holder.notLocked().vault.setAutoLock(minutes);
      return holder.status();
    },
    setLockOnSleep: (enabled) => {
      holder.notLocked().vault.setLockOnSleep(enabled);
      return holder.status();
    },
  };
}

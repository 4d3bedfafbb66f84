import type { VaultStatus } from '../../../shared/ipc/vault-view';
import type { SessionHolder } from '../session-holder';

/** Settings kept in the vault's document (so every host of this vault shares them); each answers with the new status. */
export interface SettingsFacade {
  /** Minutes without use before the vault locks itself; null for never. */
  setAutoLock(minutes: number | null): VaultStatus;
  setLockOnSleep(enabled: boolean): VaultStatus;
}

export function settingsFacade(holder: SessionHolder): SettingsFacade {
  return {
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

import type { VaultStatus } from '../../../shared/ipc/vault-view';
import type { Handlers } from '../router';
import type { AskOwner } from '../../core/ports';
import { confirmOutsideThePage, confirmOwner } from './confirm-owner';
import type { HandlerContext } from './handler-context';

type VaultHandlers = Pick<
  Handlers,
  | 'vault:status'
  | 'vault:setup'
  | 'vault:unlock'
  | 'vault:lock'
  | 'vault:set-passphrase'
  | 'vault:add-keychain'
  | 'vault:remove-slot'
  | 'vault:set-auto-lock'
  | 'vault:set-lock-on-sleep'
  | 'vault:choose-setup'
  | 'vault:activity'
  | 'vault:start-fresh'
>;

export interface VaultHandlerDeps extends HandlerContext {
  askOwner: AskOwner;
  status(): VaultStatus;
  /** Moves an unreadable data file aside and opens a new, empty one. */
  startFresh(): VaultStatus;
}

export function vaultHandlers(deps: VaultHandlerDeps): VaultHandlers {
  const vault = () => deps.session().vault.vault;
  const after = async (change: Promise<void> | void) => {
    await change;
    return deps.status();
  };
  return {
    'vault:status': () => deps.status(),
    'vault:setup': (input) => after(vault().setup(input)),
    'vault:unlock': (input) =>
      after(input.method === 'keychain' ? vault().unlockWithKeychain() : vault().unlockWithPassphrase(input.passphrase)),
    'vault:lock': () => after(vault().lock()),
    'vault:set-passphrase': async ({ passphrase, currentPassphrase }) => {
      const v = (await deps.ready()).vault.vault;
      const changing = v.snapshot().slots.includes('passphrase');
      // The current passphrase first, so a page without it cannot even raise the dialog.
      await confirmOwner(v, currentPassphrase);
      await confirmOutsideThePage(deps.askOwner, {
        message: changing ? 'Change the passphrase that unlocks Keymint?' : 'Let a passphrase unlock Keymint?',
        detail: changing
          ? 'Only the new passphrase will open the vault. If you did not ask for this in Keymint just now, choose Cancel.'
          : 'The passphrase typed in Keymint’s window will open your vault too. If you did not ask for this just now, choose Cancel.',
        confirmLabel: changing ? 'Change passphrase' : 'Add passphrase',
      });
      return after(changing ? v.changePassphrase(currentPassphrase ?? '', passphrase) : v.addPassphrase(passphrase));
    },
    'vault:add-keychain': async ({ currentPassphrase }) => {
      const v = (await deps.ready()).vault.vault;
      await confirmOwner(v, currentPassphrase);
      return after(v.addKeychain());
    },
    'vault:remove-slot': async ({ kind, currentPassphrase }) => {
      const v = (await deps.ready()).vault.vault;
      await confirmOwner(v, currentPassphrase);
      const name = kind === 'keychain' ? 'the system keychain' : 'the passphrase';
      await confirmOutsideThePage(deps.askOwner, {
        message: `Stop ${name} from unlocking Keymint?`,
        detail: `Only the remaining method will open the vault; if you cannot use it, your stored credentials are lost. If you did not ask for this in Keymint just now, choose Cancel.`,
        confirmLabel: 'Remove',
      });
      return after(v.removeSlot(kind));
    },
    'vault:set-auto-lock': ({ minutes }) => after(deps.notLocked().vault.setAutoLock(minutes)),
    'vault:set-lock-on-sleep': ({ enabled }) => after(deps.notLocked().vault.setLockOnSleep(enabled)),
    'vault:choose-setup': ({ method }) => after(deps.session().vault.chooseSetup(method)),
    // Ignored while locked; touch() itself locks rather than revives past the idle deadline.
    'vault:activity': () => {
      vault().touch();
      return null;
    },
    'vault:start-fresh': () => deps.startFresh(),
  };
}

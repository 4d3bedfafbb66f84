import type { VaultStatus } from '../../../shared/ipc/vault-view';
import { AppError } from '../../services/app-error';
import type { Handlers } from '../router';
import { confirmOwner } from './confirm-owner';
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
  | 'vault:start-fresh'
>;

export interface VaultHandlerDeps extends HandlerContext {
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
      if (!v.snapshot().slots.includes('passphrase')) return after(v.addPassphrase(passphrase));
      if (currentPassphrase === undefined) throw new AppError('invalid-input', 'Enter the current passphrase to change it.');
      return after(v.changePassphrase(currentPassphrase, passphrase));
    },
    'vault:add-keychain': async ({ currentPassphrase }) => {
      const v = (await deps.ready()).vault.vault;
      await confirmOwner(v, currentPassphrase);
      return after(v.addKeychain());
    },
    'vault:remove-slot': async ({ kind, currentPassphrase }) => {
      const v = (await deps.ready()).vault.vault;
      await confirmOwner(v, currentPassphrase);
      return after(v.removeSlot(kind));
    },
    'vault:set-auto-lock': ({ minutes }) => after(deps.session().vault.setAutoLock(minutes)),
    'vault:start-fresh': () => deps.startFresh(),
  };
}

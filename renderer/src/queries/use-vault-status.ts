import { useQuery } from '@tanstack/react-query';
import { useKeymintClient } from '../keymint-client-context';
import { vaultStatusKey } from './vault-cache';

export function useVaultStatus() {
  const keymint = useKeymintClient();
  return useQuery({ queryKey: vaultStatusKey, queryFn: () => keymint.vaultStatus() });
}

/** True while the vault is locked: the board is shown, but nothing that needs a key works. */
export function useVaultLocked(): boolean {
  return useVaultStatus().data?.state === 'locked';
}

/** A passphrase opens the vault: changes to how it opens, and backups, then ask for it again. */
export function useVaultHasPassphrase(): boolean {
  return useVaultStatus().data?.slots.includes('passphrase') ?? false;
}

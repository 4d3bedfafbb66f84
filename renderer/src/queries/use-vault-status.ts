import { useQuery } from '@tanstack/react-query';
import { keymintClient } from '../keymint-client';
import { vaultStatusKey } from './vault-cache';

export function useVaultStatus() {
  return useQuery({ queryKey: vaultStatusKey, queryFn: () => keymintClient.vaultStatus() });
}

/** True while the vault is locked: the board is shown, but nothing that needs a key works. */
export function useVaultLocked(): boolean {
  return useVaultStatus().data?.state === 'locked';
}

/** A passphrase opens the vault: changes to how it opens, and backups, then ask for it again. */
export function useVaultHasPassphrase(): boolean {
  return useVaultStatus().data?.slots.includes('passphrase') ?? false;
}

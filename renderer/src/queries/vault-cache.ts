import type { QueryClient } from '@tanstack/react-query';
import type { VaultStatus } from '../../../shared/ipc/vault-view';

/** `[channel, input]`; the status takes no input. */
export const vaultStatusKey = ['vault:status'] as const;

export function setVaultStatus(client: QueryClient, status: VaultStatus): void {
  client.setQueryData<VaultStatus>(vaultStatusKey, status);
}

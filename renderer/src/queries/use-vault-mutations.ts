import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/ipc/contract';
import type { VaultStatus } from '../../../shared/ipc/vault-view';
import { keymintClient } from '../keymint-client';
import { refetchProviders } from './providers-cache';
import { setVaultStatus } from './vault-cache';

/** Every vault channel answers with the new status; it goes straight into the cache. */
function useVaultMutation<I>(channel: string, call: (input: I) => Promise<VaultStatus>) {
  const client = useQueryClient();
  return useMutation({
    mutationKey: [channel],
    mutationFn: call,
    onSuccess: (status) => setVaultStatus(client, status),
  });
}

export const useSetUpVault = () =>
  useVaultMutation('vault:setup', (input: ChannelInput<'vault:setup'>) => keymintClient.setUpVault(input));

export const useUnlockVault = () =>
  useVaultMutation('vault:unlock', (input: ChannelInput<'vault:unlock'>) => keymintClient.unlockVault(input));

export const useLockVault = () => useVaultMutation('vault:lock', () => keymintClient.lockVault());

export const useSetVaultPassphrase = () =>
  useVaultMutation('vault:set-passphrase', (input: ChannelInput<'vault:set-passphrase'>) => keymintClient.setVaultPassphrase(input));

export const useAddVaultKeychain = () =>
  useVaultMutation('vault:add-keychain', (input: ChannelInput<'vault:add-keychain'>) => keymintClient.addVaultKeychain(input));

export const useRemoveVaultSlot = () =>
  useVaultMutation('vault:remove-slot', (input: ChannelInput<'vault:remove-slot'>) => keymintClient.removeVaultSlot(input));

export const useSetAutoLock = () =>
  useVaultMutation('vault:set-auto-lock', (minutes: number | null) => keymintClient.setAutoLock({ minutes }));

export const useSetLockOnSleep = () =>
  useVaultMutation('vault:set-lock-on-sleep', (enabled: boolean) => keymintClient.setLockOnSleep({ enabled }));

/** The set-up method picked in the first-run panel: main then never sets the keychain up behind the user's back. */
export const useChooseVaultSetup = () =>
  useVaultMutation('vault:choose-setup', (method: ChannelInput<'vault:choose-setup'>['method']) => keymintClient.chooseVaultSetup({ method }));

/** The unreadable file is set aside and a new, empty one opened: the providers list changes too. */
export function useStartFreshVault() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: ['vault:start-fresh'],
    mutationFn: () => keymintClient.startFreshVault(),
    onSuccess: (status) => {
      setVaultStatus(client, status);
      refetchProviders(client);
    },
  });
}

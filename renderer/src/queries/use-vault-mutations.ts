import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/ipc/contract';
import type { VaultStatus } from '../../../shared/ipc/vault-view';
import type { KeymintClient } from '../keymint-client';
import { useKeymintClient } from '../keymint-client-context';
import { refetchProviders } from './providers-cache';
import { setVaultStatus } from './vault-cache';

/** Every vault channel answers with the new status; it goes straight into the cache. */
function useVaultMutation<I>(channel: string, call: (keymint: KeymintClient, input: I) => Promise<VaultStatus>) {
  const client = useQueryClient();
  const keymint = useKeymintClient();
  return useMutation({
    mutationKey: [channel],
    mutationFn: (input: I) => call(keymint, input),
    onSuccess: (status) => setVaultStatus(client, status),
  });
}

export const useSetUpVault = () =>
  useVaultMutation('vault:setup', (keymint, input: ChannelInput<'vault:setup'>) => keymint.setUpVault(input));

export const useUnlockVault = () =>
  useVaultMutation('vault:unlock', (keymint, input: ChannelInput<'vault:unlock'>) => keymint.unlockVault(input));

export const useLockVault = () => useVaultMutation<void>('vault:lock', (keymint) => keymint.lockVault());

export const useSetVaultPassphrase = () =>
  useVaultMutation('vault:set-passphrase', (keymint, input: ChannelInput<'vault:set-passphrase'>) => keymint.setVaultPassphrase(input));

export const useAddVaultKeychain = () =>
  useVaultMutation('vault:add-keychain', (keymint, input: ChannelInput<'vault:add-keychain'>) => keymint.addVaultKeychain(input));

export const useRemoveVaultSlot = () =>
  useVaultMutation('vault:remove-slot', (keymint, input: ChannelInput<'vault:remove-slot'>) => keymint.removeVaultSlot(input));

export const useSetAutoLock = () =>
  useVaultMutation('vault:set-auto-lock', (keymint, minutes: number | null) => keymint.setAutoLock({ minutes }));

export const useSetLockOnSleep = () =>
  useVaultMutation('vault:set-lock-on-sleep', (keymint, enabled: boolean) => keymint.setLockOnSleep({ enabled }));

/** The set-up method picked in the first-run panel: main then never sets the keychain up behind the user's back. */
export const useChooseVaultSetup = () =>
  useVaultMutation('vault:choose-setup', (keymint, method: ChannelInput<'vault:choose-setup'>['method']) =>
    keymint.chooseVaultSetup({ method }),
  );

/** The unreadable file is set aside and a new, empty one opened: the providers list changes too. */
export function useStartFreshVault() {
  const client = useQueryClient();
  const keymint = useKeymintClient();
  return useMutation({
    mutationKey: ['vault:start-fresh'],
    mutationFn: () => keymint.startFreshVault(),
    onSuccess: ({ movedTo: _movedTo, ...status }) => {
      setVaultStatus(client, status);
      refetchProviders(client);
    },
  });
}

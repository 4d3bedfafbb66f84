import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/ipc/contract';
import type { UpdateProviderInput } from '../../../shared/ipc/provider-view';
import { useKeymintClient } from '../keymint-client-context';
import { dropProvider, upsertProvider } from './providers-cache';
import { vaultSetupSettled } from './vault-setup-settled';

export function useCreateProvider() {
  const client = useQueryClient();
  const keymint = useKeymintClient();
  return useMutation({
    mutationKey: ['providers:create'],
    mutationFn: async (input: ChannelInput<'providers:create'>) => {
      await vaultSetupSettled(client);
      return keymint.createProvider(input);
    },
    onSuccess: (provider) => upsertProvider(client, provider),
  });
}

export function useUpdateProvider() {
  const client = useQueryClient();
  const keymint = useKeymintClient();
  return useMutation({
    mutationKey: ['providers:update'],
    mutationFn: (input: UpdateProviderInput) => keymint.updateProvider(input),
    onSuccess: (provider) => upsertProvider(client, provider),
  });
}

export function useRemoveProvider() {
  const client = useQueryClient();
  const keymint = useKeymintClient();
  return useMutation({
    mutationKey: ['providers:remove'],
    mutationFn: (id: string) => keymint.removeProvider({ id }),
    onSuccess: (_, id) => dropProvider(client, id),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { keymintClient } from '../keymint-client';
import { refetchProviders, upsertProvider } from './providers-cache';

export function useGenerateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: ['tokens:generate'],
    mutationFn: (id: string) => keymintClient.generateToken({ id }),
    onSuccess: (provider) => upsertProvider(client, provider),
    // A failed request is recorded in the provider's status; fetch it in case no event brings it.
    onError: () => refetchProviders(client),
  });
}

/** The header is copied in the main process: the token never reaches the renderer. */
export function useCopyBearerHeader() {
  return useMutation({
    mutationKey: ['tokens:copy-header'],
    mutationFn: (id: string) => keymintClient.copyBearerHeader({ id }),
  });
}

import type { CredentialFormat } from '../../../shared/tokens/credential-format';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useKeymintClient } from '../keymint-client-context';
import { refetchProviders, upsertProvider } from './providers-cache';

export function useGenerateToken() {
  const client = useQueryClient();
  const keymint = useKeymintClient();
  return useMutation({
    mutationKey: ['tokens:generate'],
    mutationFn: (id: string) => keymint.generateToken({ id }),
    onSuccess: (provider) => upsertProvider(client, provider),
    // A failed request is recorded in the provider's status; fetch it in case no event brings it.
    onError: () => refetchProviders(client),
  });
}

/** The header is copied in the main process: the token never reaches the renderer. */
export function useCopyToClipboard() {
  const keymint = useKeymintClient();
  return useMutation({
    mutationKey: ['tokens:copy'],
    mutationFn: ({ id, format }: { id: string; format?: CredentialFormat }) => keymint.copyToClipboard({ id, format }),
  });
}

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { useKeymintClient } from '../keymint-client-context';
import { applyProvidersChange } from './providers-cache';
import { setVaultStatus } from './vault-cache';

export function createKeymintQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Main pushes every change, so cached data stays fresh until it says otherwise; and a
      // local IPC call that failed (locked vault, invalid input) fails the same way when retried.
      queries: { staleTime: Infinity, refetchOnWindowFocus: false, retry: false },
      mutations: { retry: false },
    },
  });
}

/**
 * React-query for the app, kept in step with the providers list and vault status main pushes.
 * Listens through the client from context, so it needs a KeymintClientProvider above it.
 */
export function KeymintQueryProvider({ client, children }: { client: QueryClient; children: ReactNode }) {
  const keymint = useKeymintClient();
  useEffect(() => {
    const stopProviders = keymint.onProvidersChanged((change) => applyProvidersChange(client, change));
    const stopVault = keymint.onVaultChanged((status) => setVaultStatus(client, status));
    return () => {
      stopProviders();
      stopVault();
    };
  }, [client, keymint]);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

import { useQuery } from '@tanstack/react-query';
import { keymintClient } from '../keymint-client';
import { providersListKey } from './providers-cache';

export function useProviders() {
  return useQuery({ queryKey: providersListKey, queryFn: () => keymintClient.listProviders() });
}

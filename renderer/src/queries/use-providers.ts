import { useQuery } from '@tanstack/react-query';
import { useKeymintClient } from '../keymint-client-context';
import { providersListKey } from './providers-cache';

export function useProviders() {
  const keymint = useKeymintClient();
  return useQuery({ queryKey: providersListKey, queryFn: () => keymint.listProviders() });
}

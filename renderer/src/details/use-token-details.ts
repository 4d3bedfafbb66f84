import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RecipeTrialInput } from '../../../shared/ipc/details-view';
import { useKeymintClient } from '../keymint-client-context';
import { refetchProviders } from '../queries/providers-cache';
import { useProviders } from '../queries/use-providers';

const detailsKey = (id: string) => ['tokens:details', { id }] as const;

/**
 * The held token described, renewals and the last exchanges: asked for while the panel is open,
 * never cached after, and asked again whenever the board hears of a new outcome for this
 * provider (a renewal while the panel is open), shown without flicker meanwhile.
 */
export function useTokenDetails(id: string) {
  const keymint = useKeymintClient();
  const status = useProviders().data?.find((provider) => provider.id === id)?.status;
  const outcome = status ? `${status.obtainedAt}|${status.lastError?.at ?? ''}|${status.renewal.state}` : '';
  return useQuery({
    queryKey: [...detailsKey(id), outcome],
    queryFn: () => keymint.tokenDetails({ id }),
    gcTime: 0,
    placeholderData: keepPreviousData,
  });
}

/** Test credentials: the report, then the panel and the board read again (a success stored a new token). */
export function useTestCredentials(id: string) {
  const keymint = useKeymintClient();
  const client = useQueryClient();
  return useMutation({
    mutationKey: ['tokens:test', id],
    mutationFn: () => keymint.testProvider({ id }),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: detailsKey(id) });
      refetchProviders(client);
    },
  });
}

/** Try it: the form's unsaved recipe and values go to main once; only what the mapping found comes back. */
export function useTryRecipe() {
  const keymint = useKeymintClient();
  return useMutation({ mutationKey: ['recipes:try'], mutationFn: (input: RecipeTrialInput) => keymint.tryRecipe(input) });
}

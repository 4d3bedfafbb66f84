import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RecipeTrialInput } from '../../../shared/ipc/details-view';
import { useKeymintClient } from '../keymint-client-context';
import { refetchProviders } from '../queries/providers-cache';

const detailsKey = (id: string) => ['tokens:details', { id }] as const;

/** The held token described, renewals and the last exchanges: asked for while the panel is open, never cached after. */
export function useTokenDetails(id: string) {
  const keymint = useKeymintClient();
  return useQuery({ queryKey: detailsKey(id), queryFn: () => keymint.tokenDetails({ id }), gcTime: 0 });
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

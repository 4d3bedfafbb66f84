import type { QueryClient } from '@tanstack/react-query';

const SETUP_KEY = ['vault:setup'];

/**
 * Resolves once no "Set up vault" request is running. A Save pressed while one is (right after
 * "Set up vault") waits for it, so the vault is set up the way the user chose rather than by
 * default, and the Save does not fail with "The vault is already set up".
 */
export function vaultSetupSettled(client: QueryClient): Promise<void> {
  const running = () => client.isMutating({ mutationKey: SETUP_KEY }) > 0;
  if (!running()) return Promise.resolve();
  return new Promise((resolve) => {
    const unsubscribe = client.getMutationCache().subscribe(() => {
      if (running()) return;
      unsubscribe();
      resolve();
    });
  });
}

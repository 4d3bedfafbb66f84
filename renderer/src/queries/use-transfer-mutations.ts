import { useMutation, useQueryClient } from '@tanstack/react-query';
import { keymintClient } from '../keymint-client';
import { refetchProviders } from './providers-cache';

/** Exports hand back `{ fileName, content }`; the caller offers it as a download. */
export function useExportBackup() {
  return useMutation({
    mutationKey: ['backup:export'],
    mutationFn: (passphrase: string) => keymintClient.exportBackup({ passphrase }),
  });
}

export function useExportRecipes() {
  return useMutation({ mutationKey: ['recipes:export'], mutationFn: () => keymintClient.exportRecipes() });
}

/** Imports add providers; main pushes the new list, and a refetch covers a missed event. */
export function useImportBackup() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: ['backup:import'],
    mutationFn: (input: { content: string; passphrase: string }) => keymintClient.importBackup(input),
    onSuccess: () => refetchProviders(client),
  });
}

export function useImportRecipes() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: ['recipes:import'],
    mutationFn: (content: string) => keymintClient.importRecipes({ content }),
    onSuccess: () => refetchProviders(client),
  });
}

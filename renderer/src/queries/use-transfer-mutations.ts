import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { useKeymintClient } from '../keymint-client-context';
import { refetchProviders } from './providers-cache';

/** Main writes the backup where the user chooses and answers with the path (null: cancelled). */
export function useExportBackup() {
  const keymint = useKeymintClient();
  return useMutation({
    mutationKey: ['backup:export'],
    mutationFn: (input: ChannelInput<'backup:export'>) => keymint.exportBackup(input),
  });
}

/** Recipes hold no secrets: they come back as `{ fileName, content }` for the caller to offer as a download. */
export function useExportRecipes() {
  const keymint = useKeymintClient();
  return useMutation({ mutationKey: ['recipes:export'], mutationFn: () => keymint.exportRecipes() });
}

/** Imports add or replace providers; main pushes the new list, and a refetch covers a missed event. */
export function useImportBackup() {
  const client = useQueryClient();
  const keymint = useKeymintClient();
  return useMutation({
    mutationKey: ['backup:import'],
    mutationFn: (input: ChannelInput<'backup:import'>) => keymint.importBackup(input),
    onSuccess: () => refetchProviders(client),
  });
}

export function useImportRecipes() {
  const client = useQueryClient();
  const keymint = useKeymintClient();
  return useMutation({
    mutationKey: ['recipes:import'],
    mutationFn: (input: ChannelInput<'recipes:import'>) => keymint.importRecipes(input),
    onSuccess: () => refetchProviders(client),
  });
}

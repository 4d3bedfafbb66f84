import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { AppSettingsInput, AppSettingsView } from '../../../shared/ipc/app-settings';
import { useKeymintClient } from '../keymint-client-context';

export const appSettingsKey = ['settings:get'] as const;

/** Keymint's settings (theme, clipboard delay, notifications, shortcut), kept fresh by main's `settings:changed`. */
export function useAppSettings() {
  const keymint = useKeymintClient();
  const client = useQueryClient();
  useEffect(() => keymint.onSettingsChanged((settings) => client.setQueryData(appSettingsKey, settings)), [client, keymint]);
  return useQuery({ queryKey: appSettingsKey, queryFn: () => keymint.appSettings() });
}

/** Applies one change at once (no Save button), like auto-lock; the answer goes straight into the cache. */
export function useUpdateAppSettings() {
  const keymint = useKeymintClient();
  const client = useQueryClient();
  return useMutation({
    mutationKey: ['settings:update'],
    mutationFn: (changes: AppSettingsInput) => keymint.updateAppSettings(changes),
    onSuccess: (settings: AppSettingsView) => client.setQueryData(appSettingsKey, settings),
  });
}

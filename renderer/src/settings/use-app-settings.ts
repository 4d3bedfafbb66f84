import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { AppSettings, AppSettingsInput, AppSettingsView } from '../../../shared/ipc/app-settings';
import { useKeymintClient } from '../keymint-client-context';
import { usePick } from '../ui/use-pick';

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

/**
 * One setting as its control shows it: the user's pick from the moment it is made — a
 * controlled input must not spring back while main saves the change — and main's stored value
 * once the change has settled (a refused one falls back to it, its error on `update`).
 */
export function useSettingChoice<K extends keyof AppSettings>(key: K, stored: AppSettings[K]) {
  const update = useUpdateAppSettings();
  const { shown, pick, settled } = usePick(stored);
  const choose = (value: AppSettings[K]) => {
    pick(value);
    update.mutate({ [key]: value } as AppSettingsInput, { onSettled: settled });
  };
  return { shown, choose, error: update.error };
}

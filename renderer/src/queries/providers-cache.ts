import type { QueryClient } from '@tanstack/react-query';
import type { EventPayload } from '../../../shared/ipc/contract';
import type { ProviderView } from '../../../shared/ipc/provider-view';

/** `[channel, input]`; listing takes no input. */
export const providersListKey = ['providers:list'] as const;

export function setProviders(client: QueryClient, providers: ProviderView[]): void {
  client.setQueryData<ProviderView[]>(providersListKey, providers);
}

/**
 * The one place that reads a `providers:changed` push, so a change to its shape (today the whole
 * list) is made here alone: the list it brings replaces the cached one, without a refetch.
 */
export function applyProvidersChanged(client: QueryClient, change: EventPayload<'providers:changed'>): void {
  setProviders(client, change);
}

/** Puts a provider the main process just returned into the cached list (replacing or appending). */
export function upsertProvider(client: QueryClient, provider: ProviderView): void {
  const list = client.getQueryData<ProviderView[]>(providersListKey);
  if (!list) {
    void client.invalidateQueries({ queryKey: providersListKey });
    return;
  }
  const known = list.some((p) => p.id === provider.id);
  setProviders(client, known ? list.map((p) => (p.id === provider.id ? provider : p)) : [...list, provider]);
}

export function dropProvider(client: QueryClient, id: string): void {
  const list = client.getQueryData<ProviderView[]>(providersListKey);
  if (list) setProviders(client, list.filter((p) => p.id !== id));
}

export function refetchProviders(client: QueryClient): void {
  void client.invalidateQueries({ queryKey: providersListKey });
}

import type { QueryClient } from '@tanstack/react-query';
import type { ProvidersChange } from '../../../shared/ipc/contract';
import type { ProviderView } from '../../../shared/ipc/provider-view';

/** `[channel, input]`; listing takes no input. */
export const providersListKey = ['providers:list'] as const;

export function setProviders(client: QueryClient, providers: ProviderView[]): void {
  client.setQueryData<ProviderView[]>(providersListKey, providers);
}

/** Puts a provider the main process just returned into the cached list (replacing or appending). */
export function upsertProvider(client: QueryClient, provider: ProviderView): void {
  applyProvidersChange(client, { kind: 'some', changed: [provider], removed: [] });
}

export function dropProvider(client: QueryClient, id: string): void {
  applyProvidersChange(client, { kind: 'some', changed: [], removed: [id] });
}

export function refetchProviders(client: QueryClient): void {
  void client.invalidateQueries({ queryKey: providersListKey });
}

/**
 * The one place that reads a `providers:changed` push: the providers that changed and the ids
 * removed, applied without a refetch; or word that the whole list is stale, listed again once.
 */
export function applyProvidersChange(client: QueryClient, change: ProvidersChange): void {
  if (change.kind === 'stale') {
    refetchProviders(client);
    return;
  }
  const list = client.getQueryData<ProviderView[]>(providersListKey);
  if (!list) {
    refetchProviders(client);
    return;
  }
  const gone = new Set(change.removed);
  const fresh = new Map(change.changed.map((p) => [p.id, p]));
  const kept = list.filter((p) => !gone.has(p.id)).map((p) => fresh.get(p.id) ?? p);
  const known = new Set(kept.map((p) => p.id));
  setProviders(client, [...kept, ...change.changed.filter((p) => !known.has(p.id))]);
}

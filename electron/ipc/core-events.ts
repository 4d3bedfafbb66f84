import type { EventName, EventPayload } from '../../shared/ipc/contract';
import type { ProviderView } from '../../shared/ipc/provider-view';
import type { CoreChange, KeymintCore } from '../core';
import { settingsView, type HostTraits } from './channel-handlers';

export type EventSink = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/**
 * A core change as the page hears it: only the providers that changed (their views) and the ids
 * removed, so a token costs one small event whatever the vault's size; when all of it may differ
 * (locked, unlocked, another process changed the file), word that the list is stale, which the
 * page lists again once instead of the core building every view for an event.
 */
export function sendCoreChange(core: KeymintCore, change: CoreChange, send: EventSink, host: HostTraits = {}): void {
  if (change.kind === 'vault') {
    send('vault:changed', core.vault.status());
    return;
  }
  if (change.kind === 'settings') {
    send('settings:changed', settingsView(core, host));
    return;
  }
  // Alerts are for a host that can notify (the desktop app subscribes to the core itself).
  if (change.kind === 'alert') return;
  const providers = change.change;
  try {
    if (providers.kind === 'all') {
      send('providers:changed', { kind: 'stale' });
      return;
    }
    const changed: ProviderView[] = [];
    const removed = [...providers.removed];
    for (const id of providers.changed) {
      const view = viewOrGone(core, id);
      if (view) changed.push(view);
      else removed.push(id);
    }
    send('providers:changed', { kind: 'some', changed, removed });
  } catch {
    // The data file became unreadable: the vault's status says so, and lists nothing.
  }
}

function viewOrGone(core: KeymintCore, id: string): ProviderView | undefined {
  try {
    return core.providers.get(id);
  } catch {
    return undefined;
  }
}

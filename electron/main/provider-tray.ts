import type { ProviderView } from '../../shared/ipc/provider-view';
import type { CoreChange } from '../core';
import { trayMenuTemplate, type TrayActions, type TrayItem } from './tray-menu';

/** What the tray needs of the core: listing once, one view per changed provider, the vault's state. */
export interface TrayCore {
  list(): ProviderView[];
  get(id: string): ProviderView;
  locked(): boolean;
}

/**
 * The tray's copy of the board, kept up to date from the core's changes: a change of some
 * providers fetches those views only (the whole list only when the core says everything may
 * differ: lock, unlock, another process), and the menu is set again only when what it shows
 * changed. Cost per renewal: one view, whatever the vault's size.
 */
export class ProviderTray {
  private readonly views = new Map<string, ProviderView>();
  private shown = '';

  constructor(
    private readonly core: TrayCore,
    private readonly setMenu: (items: TrayItem[]) => void,
    private readonly actions: TrayActions,
    private readonly now: () => number = Date.now,
  ) {
    this.relist();
    this.render();
  }

  /** A core change: providers changed, or the vault (locked or unlocked). */
  changed(change: CoreChange): void {
    if (change.kind === 'vault') {
      this.render();
      return;
    }
    if (change.kind !== 'providers') return;
    const { change: providers } = change;
    if (providers.kind === 'all') {
      this.relist();
    } else {
      for (const id of providers.removed) this.views.delete(id);
      for (const id of providers.changed) {
        try {
          this.views.set(id, this.core.get(id));
        } catch {
          this.views.delete(id); // gone meanwhile
        }
      }
    }
    this.render();
  }

  /** Labels say "valid until …": redrawn when a token may have run out (the core's expiry alerts, a menu opening). */
  refresh(): void {
    this.render();
  }

  private relist(): void {
    this.views.clear();
    try {
      for (const view of this.core.list()) this.views.set(view.id, view);
    } catch {
      // An unreadable data file lists nothing; the window says why.
    }
  }

  private render(): void {
    let locked = false;
    try {
      locked = this.core.locked();
    } catch {
      locked = false;
    }
    const items = trayMenuTemplate([...this.views.values()], locked, this.now(), this.actions);
    const signature = JSON.stringify(items.map((item) => [item.label, item.type, item.enabled]));
    if (signature === this.shown) return;
    this.shown = signature;
    this.setMenu(items);
  }
}

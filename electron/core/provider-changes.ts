/** What changed on the board: the providers to show again and the ones gone, or everything. */
export type ProvidersChange = { kind: 'all' } | { kind: 'some'; changed: readonly string[]; removed: readonly string[] };

/**
 * Collects the providers that changed during one turn of the event loop and reports them once,
 * so a token costs one small event however many providers the vault holds, and a burst of
 * renewals or an import costs one event rather than one per provider. Reported from
 * setImmediate, after the call that caused the change has answered: building the event is not
 * on that call's path, and overlaps the next request's wait on the network.
 */
export class ProviderChanges {
  private readonly changed = new Set<string>();
  private readonly removed = new Set<string>();
  private everything = false;
  private queued = false;

  constructor(private readonly report: (change: ProvidersChange) => void) {}

  touch(...ids: string[]): void {
    for (const id of ids) {
      this.removed.delete(id);
      this.changed.add(id);
    }
    this.queue();
  }

  remove(id: string): void {
    this.changed.delete(id);
    this.removed.add(id);
    this.queue();
  }

  /** The whole list may differ (locked, unlocked, another process changed the file). */
  all(): void {
    this.everything = true;
    this.queue();
  }

  private queue(): void {
    if (this.queued) return;
    this.queued = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.queued = false;
    const change: ProvidersChange = this.everything
      ? { kind: 'all' }
      : { kind: 'some', changed: [...this.changed], removed: [...this.removed] };
    this.everything = false;
    this.changed.clear();
    this.removed.clear();
    this.report(change);
  }
}

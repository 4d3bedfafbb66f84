import type { ExchangeView, RenewalEvent } from '../../../shared/ipc/details-view';
import { RingBuffer } from './ring-buffer';

/** How many exchanges and renewal outcomes are kept per provider. */
export const JOURNAL_SIZE = 20;

interface Journal {
  exchanges: RingBuffer<ExchangeView>;
  renewals: RingBuffer<RenewalEvent>;
}

/**
 * Each provider's last token exchanges (already redacted) and renewal outcomes, in memory only:
 * never written to disk, emptied when the vault locks, dropped when the provider is removed.
 * A provider costs nothing here until its first token request, and at most JOURNAL_SIZE of
 * each after that.
 */
export class ProviderJournal {
  private readonly journals = new Map<string, Journal>();
  /** Exchanges to record once the token they brought has been handed out, oldest first. */
  private pending: { providerId: string; record: () => ExchangeView | undefined }[] = [];
  private scheduled = false;

  exchange(providerId: string, exchange: ExchangeView): void {
    this.journal(providerId).exchanges.push(exchange);
  }

  /**
   * Records an exchange just after the current turn of the event loop (or at the next read, if
   * sooner): redacting it is a tenth of a token request's own work, and the caller waiting for
   * the token need not wait for it. `record` holds the raw exchange until then; locking or
   * removing the provider drops it unrecorded. It returns undefined when there is nothing to keep.
   */
  exchangeSoon(providerId: string, record: () => ExchangeView | undefined): void {
    this.pending.push({ providerId, record });
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.settle());
  }

  renewal(providerId: string, event: RenewalEvent): void {
    this.journal(providerId).renewals.push(event);
  }

  /** Newest first. */
  exchanges(providerId: string): ExchangeView[] {
    this.settle();
    return this.journals.get(providerId)?.exchanges.newestFirst() ?? [];
  }

  /** Newest first. */
  renewals(providerId: string): RenewalEvent[] {
    return this.journals.get(providerId)?.renewals.newestFirst() ?? [];
  }

  forget(providerId: string): void {
    this.pending = this.pending.filter((entry) => entry.providerId !== providerId);
    this.journals.delete(providerId);
  }

  clear(): void {
    this.pending = [];
    this.journals.clear();
  }

  private settle(): void {
    this.scheduled = false;
    const due = this.pending;
    this.pending = [];
    for (const { providerId, record } of due) {
      const exchange = record();
      if (exchange) this.exchange(providerId, exchange);
    }
  }

  private journal(providerId: string): Journal {
    let journal = this.journals.get(providerId);
    if (!journal) {
      journal = { exchanges: new RingBuffer(JOURNAL_SIZE), renewals: new RingBuffer(JOURNAL_SIZE) };
      this.journals.set(providerId, journal);
    }
    return journal;
  }
}

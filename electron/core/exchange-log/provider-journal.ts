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

  exchange(providerId: string, exchange: ExchangeView): void {
    this.journal(providerId).exchanges.push(exchange);
  }

  renewal(providerId: string, event: RenewalEvent): void {
    this.journal(providerId).renewals.push(event);
  }

  /** Newest first. */
  exchanges(providerId: string): ExchangeView[] {
    return this.journals.get(providerId)?.exchanges.newestFirst() ?? [];
  }

  /** Newest first. */
  renewals(providerId: string): RenewalEvent[] {
    return this.journals.get(providerId)?.renewals.newestFirst() ?? [];
  }

  forget(providerId: string): void {
    this.journals.delete(providerId);
  }

  clear(): void {
    this.journals.clear();
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

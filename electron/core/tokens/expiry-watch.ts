import type { Clock, Schedule } from '../ports';
import { MAX_TIMER_MS } from './renewal-scheduler';

export interface ExpiryWatchDeps {
  clock: Clock;
  schedule: Schedule;
  /** The token this provider held until `expiresAt` ran out, and nothing newer replaced it. */
  expired(providerId: string, expiresAt: number): void;
}

/**
 * Notices tokens running out while Keymint runs, for the desktop app's notifications: a min-heap
 * of expiry instants and one timer for the earliest, so a token costs O(log n) and nothing
 * ticks per provider. A token replaced before its expiry is dropped lazily (the heap keeps its
 * old instant; the map says it is no longer the one held). The timer waits at most
 * MAX_TIMER_MS, as renewal's does, so a suspend cannot push a notice far past the expiry.
 */
export class ExpiryWatch {
  private readonly held = new Map<string, number>();
  private readonly heap: { at: number; id: string }[] = [];
  private cancel: (() => void) | undefined;
  private armedAt: number | undefined;

  constructor(private readonly deps: ExpiryWatchDeps) {}

  /** The provider now holds a token expiring at `expiresAt` (null: never; undefined: none). Already expired ones are not news. */
  watch(providerId: string, expiresAt: number | null | undefined): void {
    if (expiresAt === null || expiresAt === undefined || expiresAt <= this.deps.clock.now()) {
      this.held.delete(providerId);
      return;
    }
    if (this.held.get(providerId) === expiresAt) return;
    this.held.set(providerId, expiresAt);
    this.push({ at: expiresAt, id: providerId });
    if (this.armedAt === undefined || expiresAt < this.armedAt) this.arm();
  }

  forget(providerId: string): void {
    this.held.delete(providerId);
  }

  /** How many instants the heap holds (tests: stale ones are dropped, not hoarded). */
  get size(): number {
    return this.heap.length;
  }

  stop(): void {
    this.cancel?.();
    this.cancel = undefined;
    this.armedAt = undefined;
  }

  private arm(): void {
    this.stop();
    const next = this.heap[0];
    if (!next) return;
    const now = this.deps.clock.now();
    const wait = Math.min(MAX_TIMER_MS, Math.max(0, next.at - now));
    this.armedAt = now + wait;
    this.cancel = this.deps.schedule(wait, () => this.fire());
  }

  private fire(): void {
    this.cancel = undefined;
    this.armedAt = undefined;
    const now = this.deps.clock.now();
    while (this.heap[0] && this.heap[0].at <= now) {
      const { at, id } = this.pop()!;
      if (this.held.get(id) !== at) continue;
      this.held.delete(id);
      this.deps.expired(id, at);
    }
    // Stale entries at the top would only wake the timer for nothing.
    while (this.heap[0] && this.held.get(this.heap[0].id) !== this.heap[0].at) this.pop();
    this.arm();
  }

  private push(item: { at: number; id: string }): void {
    const heap = this.heap;
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent]!.at <= heap[i]!.at) break;
      [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
      i = parent;
    }
  }

  private pop(): { at: number; id: string } | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < heap.length && heap[left]!.at < heap[smallest]!.at) smallest = left;
        if (right < heap.length && heap[right]!.at < heap[smallest]!.at) smallest = right;
        if (smallest === i) break;
        [heap[smallest], heap[i]] = [heap[i]!, heap[smallest]!];
        i = smallest;
      }
    }
    return top;
  }
}

import type { Clock } from '../ports';

export interface ScheduledToken {
  providerId: string;
  obtainedAt: number;
  expiresAt: number | null;
}

/** Starts `run` after `ms`; returns a cancel. setTimeout in the app, a manual clock in tests. */
export type Schedule = (ms: number, run: () => void) => () => void;

export interface RefreshSchedulerDeps {
  clock: Clock;
  schedule: Schedule;
  tokens(): ScheduledToken[];
  /** False while the vault is locked: renewing needs the stored credentials. */
  canRefresh(): boolean;
  refresh(providerId: string): Promise<void>;
}

/** setTimeout, clamped to what it can hold; a timer that fires early simply plans again. */
export const timeoutSchedule: Schedule = (ms, run) => {
  const timer = setTimeout(run, Math.min(ms, 2 ** 31 - 1));
  timer.unref?.();
  return () => clearTimeout(timer);
};

const MIN_LEAD_MS = 30_000;
const MAX_LEAD_MS = 5 * 60_000;

/** How long before expiry to renew: a tenth of the lifetime, at least 30 s, at most 5 min. */
export function refreshLead(obtainedAt: number, expiresAt: number): number {
  return Math.min(MAX_LEAD_MS, Math.max(MIN_LEAD_MS, (expiresAt - obtainedAt) / 10));
}

/**
 * Renews tokens shortly before they expire, so a copied header is always fresh. One timer for
 * the earliest renewal, re-planned on every change. Each expiry gets one attempt: a provider
 * that keeps failing is left showing its error instead of being called in a loop.
 */
export class RefreshScheduler {
  private cancel: (() => void) | undefined;
  private readonly attempted = new Map<string, number>();

  constructor(private readonly deps: RefreshSchedulerDeps) {}

  plan(): void {
    this.cancel?.();
    this.cancel = undefined;
    if (!this.deps.canRefresh()) return;
    const next = Math.min(...this.pending().map((t) => t.refreshAt));
    if (!Number.isFinite(next)) return;
    this.cancel = this.deps.schedule(Math.max(0, next - this.deps.clock.now()), () => void this.runDue());
  }

  stop(): void {
    this.cancel?.();
    this.cancel = undefined;
  }

  private pending(): { providerId: string; expiresAt: number; refreshAt: number }[] {
    return this.deps
      .tokens()
      .filter((t): t is ScheduledToken & { expiresAt: number } => t.expiresAt !== null && t.expiresAt > t.obtainedAt)
      .filter((t) => this.attempted.get(t.providerId) !== t.expiresAt)
      .map((t) => ({ providerId: t.providerId, expiresAt: t.expiresAt, refreshAt: t.expiresAt - refreshLead(t.obtainedAt, t.expiresAt) }));
  }

  private async runDue(): Promise<void> {
    this.cancel = undefined;
    if (!this.deps.canRefresh()) return;
    const now = this.deps.clock.now();
    for (const token of this.pending().filter((t) => t.refreshAt <= now)) {
      this.attempted.set(token.providerId, token.expiresAt);
      await this.deps.refresh(token.providerId).catch(() => undefined);
    }
    this.plan();
  }
}

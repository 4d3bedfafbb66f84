import type { Clock, Schedule } from '../ports';
import { planAfterReissue, planRenewal, planRetry, type RenewalDecision, type TokenTimes } from './renewal-policy';

/** What the board shows about automatic renewal; times are epoch ms. */
export interface RenewalView {
  state: 'idle' | 'scheduled' | 'renewing' | 'retrying' | 'stopped' | 'paused' | 'off';
  nextAt: number | null;
  /** Failed attempts in a row while retrying. */
  attempt: number | null;
  reason: string | null;
  /** When an automatic renewal last succeeded. */
  renewedAt: number | null;
}

/** Who asked for a token: the user (a click, a copy), this scheduler, or the user's Test credentials. */
export type Trigger = 'user' | 'renewal' | 'test';

export interface RenewalSchedulerDeps {
  clock: Clock;
  schedule: Schedule;
  random?: () => number;
  /** False while the vault is locked: renewing needs the stored credentials. */
  canRenew(): boolean;
  /** The provider's own setting: false when the user turned automatic renewal off for it. */
  autoRenew(providerId: string): boolean;
  /** Automatic renewal gave up on this provider's token (told once, when it stops). */
  stopped?(providerId: string, reason: string): void;
  /** The stored token's times, when a usable record exists. */
  token(providerId: string): TokenTimes | undefined;
  /** Every provider holding a token, read when renewal resumes after unlocking. */
  providersWithTokens(): Iterable<string>;
  /** Requests a token; the outcome comes back through `succeeded` / `failed`. */
  renew(providerId: string): Promise<unknown>;
  /** Renewal state changed without a request outcome (started, dropped): the board should know. */
  changed(providerIds: readonly string[]): void;
}

/**
 * The longest one timer waits. Timers count awake time while plans are wall-clock instants:
 * after a suspend a long timer would fire late, past the expiry it was meant to beat, so the
 * scheduler wakes at least this often and re-reads the clock.
 */
export const MAX_TIMER_MS = 60_000;

/** How long after its expiry a re-issued token may still be renewed automatically. */
const AT_EXPIRY_GRACE_MS = 60_000;

interface Entry {
  decision: RenewalDecision;
  failures: number;
  lastAttemptAt?: number;
  renewing: boolean;
  renewedAt?: number;
  /** The expiry of the token the last success brought, to notice one sent again. */
  heldExpiresAt?: number | null;
}

const IDLE: RenewalDecision = { kind: 'idle' };

/**
 * Carries out the renewal policy: one timer for the earliest due renewal, re-planned when an
 * outcome arrives. Outcomes of every request (the user's too) are reported here, so spacing
 * and backoff hold whoever started the request.
 */
export class RenewalScheduler {
  private readonly entries = new Map<string, Entry>();
  private cancelTimer: (() => void) | undefined;
  /** When the armed timer fires (clock time); undefined when none is armed. */
  private armedAt: number | undefined;

  constructor(private readonly deps: RenewalSchedulerDeps) {}

  /** A request for this provider is leaving now. */
  attempting(providerId: string): void {
    this.entry(providerId).lastAttemptAt = this.deps.clock.now();
  }

  succeeded(providerId: string, token: TokenTimes, trigger: Trigger): void {
    const entry = this.entry(providerId);
    entry.failures = 0;
    entry.renewing = false;
    if (trigger === 'renewal') entry.renewedAt = this.deps.clock.now();
    const reissued = token.expiresAt !== null && typeof entry.heldExpiresAt === 'number' && token.expiresAt <= entry.heldExpiresAt;
    entry.decision = !this.deps.autoRenew(providerId)
      ? IDLE
      : reissued
        ? planAfterReissue(token, entry.lastAttemptAt)
        : planRenewal(token, entry.lastAttemptAt);
    entry.heldExpiresAt = token.expiresAt;
    this.armFor(entry);
  }

  failed(providerId: string, error: unknown, trigger: Trigger = 'user'): void {
    const entry = this.entry(providerId);
    entry.failures += 1;
    entry.renewing = false;
    if (!this.deps.autoRenew(providerId)) {
      entry.decision = IDLE;
      return;
    }
    const wasStopped = entry.decision.kind === 'stopped';
    entry.decision = planRetry(this.deps.token(providerId), {
      attempt: entry.failures,
      error,
      now: this.deps.clock.now(),
      random: (this.deps.random ?? Math.random)(),
    });
    // Only a renewal that gave up: a failed click is answered in the window, where the user is.
    if (entry.decision.kind === 'stopped' && trigger === 'renewal' && !wasStopped) this.deps.stopped?.(providerId, entry.decision.reason);
    this.armFor(entry);
  }

  /**
   * The provider's renewal setting changed: off drops its plan; on plans it from the token it
   * holds, as after unlocking. One provider's work, whatever the vault's size.
   */
  reconsider(providerId: string): void {
    const entry = this.entries.get(providerId);
    if (!this.deps.autoRenew(providerId)) {
      if (entry && !entry.renewing) entry.decision = IDLE;
    } else {
      const token = this.deps.token(providerId);
      if (token && (token.expiresAt === null || token.expiresAt > this.deps.clock.now()) && !entry?.renewing) {
        const planned = this.entry(providerId);
        planned.failures = 0;
        planned.decision = planRenewal(token, planned.lastAttemptAt);
        planned.heldExpiresAt = token.expiresAt;
        this.armFor(planned);
      }
    }
    this.deps.changed([providerId]);
  }

  /** The provider changed or was removed: what was planned for it no longer applies. */
  forget(providerId: string): void {
    // If it was the earliest, the armed timer fires early, finds nothing due and plans again.
    this.entries.delete(providerId);
  }

  /** After unlocking (or opening): tokens renewal has not seen yet get their plan. */
  resume(): void {
    const now = this.deps.clock.now();
    for (const id of this.deps.providersWithTokens()) {
      const entry = this.entries.get(id);
      if ((entry && entry.decision.kind !== 'idle') || !this.deps.autoRenew(id)) continue;
      const token = this.deps.token(id);
      // A token that ran out while nobody could renew it waits for the user.
      if (!token || (token.expiresAt !== null && token.expiresAt <= now)) continue;
      const resumed = this.entry(id);
      resumed.decision = planRenewal(token, resumed.lastAttemptAt);
      resumed.heldExpiresAt = token.expiresAt;
    }
    this.plan();
  }

  /**
   * Another Keymint process stored tokens: a provider whose stored token is no longer the one
   * its plan was made from is planned afresh from the new one (not renewed again here), and
   * providers new to renewal are planned as after unlocking.
   */
  tokensReplaced(): void {
    for (const [id, entry] of this.entries) {
      const token = this.deps.token(id);
      if (entry.renewing || !token || token.expiresAt === entry.heldExpiresAt) continue;
      entry.failures = 0;
      entry.decision = this.deps.autoRenew(id) ? planRenewal(token, entry.lastAttemptAt) : IDLE;
      entry.heldExpiresAt = token.expiresAt;
    }
    this.resume();
  }

  /** Re-arms the timer for the earliest due renewal, looking at every provider; none while the vault is locked. */
  plan(): void {
    this.disarm();
    if (!this.deps.canRenew()) return;
    let next = Infinity;
    for (const entry of this.entries.values()) {
      const at = dueAt(entry);
      if (at !== undefined && at < next) next = at;
    }
    if (next !== Infinity) this.arm(next);
  }

  /**
   * One provider's plan changed: the timer moves only when that plan is due sooner. A token's
   * outcome thus costs the same whatever the number of providers; a timer left armed for a plan
   * that moved later fires early, finds nothing due, and plans again from every provider.
   */
  private armFor(entry: Entry): void {
    const at = dueAt(entry);
    if (at === undefined || !this.deps.canRenew()) return;
    if (this.armedAt !== undefined && this.armedAt <= at) return;
    this.disarm();
    this.arm(at);
  }

  private arm(at: number): void {
    const now = this.deps.clock.now();
    const wait = Math.min(MAX_TIMER_MS, Math.max(0, at - now));
    this.armedAt = now + wait;
    this.cancelTimer = this.deps.schedule(wait, () => this.runDue());
  }

  private disarm(): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    this.armedAt = undefined;
  }

  stop(): void {
    this.disarm();
  }

  view(providerId: string): RenewalView {
    const entry = this.entries.get(providerId);
    const off = !this.deps.autoRenew(providerId);
    // Literals built by one function rather than spreads: every view of every provider asks.
    const view = (state: RenewalView['state'], nextAt: number | null = null, attempt: number | null = null, reason: string | null = null): RenewalView => ({
      state,
      nextAt,
      attempt,
      reason,
      renewedAt: entry?.renewedAt ?? null,
    });
    if (entry?.renewing) return view('renewing');
    if (off) return view('off', null, null, 'automatic renewal is off for this provider');
    if (!entry) return view('idle');
    const { decision } = entry;
    if ((decision.kind === 'scheduled' || decision.kind === 'retrying') && !this.deps.canRenew()) {
      return view('paused', null, null, 'renewal waits until the vault is unlocked');
    }
    switch (decision.kind) {
      case 'idle':
        return view('idle');
      case 'scheduled':
        return view('scheduled', decision.at);
      case 'retrying':
        return view('retrying', decision.at, decision.attempt);
      case 'stopped':
        return view('stopped', null, null, decision.reason);
    }
  }

  private runDue(): void {
    this.cancelTimer = undefined;
    this.armedAt = undefined;
    if (!this.deps.canRenew()) return;
    const now = this.deps.clock.now();
    const changed: string[] = [];
    for (const [id, entry] of this.entries) {
      const at = dueAt(entry);
      if (at === undefined || at > now) continue;
      changed.push(id);
      if (!this.deps.autoRenew(id) || !this.stillRenewable(entry, this.deps.token(id), now)) {
        entry.decision = IDLE;
        continue;
      }
      entry.renewing = true;
      // A request that reported nothing (discarded after an edit or a lock) plans nothing.
      const settle = () => {
        if (this.entries.get(id) === entry && entry.renewing) {
          entry.renewing = false;
          entry.decision = IDLE;
          this.deps.changed([id]);
        }
      };
      this.deps.renew(id).then(settle, settle);
    }
    this.plan();
    if (changed.length) this.deps.changed(changed);
  }

  /** A token that expired before its renewal came due waits for the user, unless it was re-issued. */
  private stillRenewable(entry: Entry, token: TokenTimes | undefined, now: number): boolean {
    if (!token || token.expiresAt === null) return false;
    if (token.expiresAt > now) return true;
    return entry.decision.kind === 'scheduled' && entry.decision.atExpiry === true && now - token.expiresAt <= AT_EXPIRY_GRACE_MS;
  }

  private entry(providerId: string): Entry {
    let entry = this.entries.get(providerId);
    if (!entry) {
      entry = { decision: IDLE, failures: 0, renewing: false };
      this.entries.set(providerId, entry);
    }
    return entry;
  }
}

function dueAt(entry: Entry): number | undefined {
  if (entry.renewing) return undefined;
  return entry.decision.kind === 'scheduled' || entry.decision.kind === 'retrying' ? entry.decision.at : undefined;
}

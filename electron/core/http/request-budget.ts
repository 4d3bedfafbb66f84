import type { Sleep } from '../ports';
import { Cancel, type CancelSignal } from './cancel-signal';
import { TokenError } from '../exchange-errors/token-error';

/**
 * The time and the cancel one token request may use. Every attempt, retry, Retry-After wait
 * and fallback request draws on the same budget, so the provider's timeout is the longest the
 * user waits, however the request goes.
 */
export interface RequestBudget {
  /** Aborts at the deadline or on the caller's cancel; fetches and waits listen to it. */
  readonly signal: CancelSignal;
  /** The whole limit, for the timeout message. */
  readonly limitMs: number;
  /** The engine's clock: Retry-After dates and the time left are read on it. */
  readonly now: () => number;
  remainingMs(): number;
  /** Why the request must stop, or undefined while it may go on. */
  stopped(host: string): TokenError | undefined;
  /** Waits `ms` through the injected sleep, returning as soon as the budget stops (the sleep need not listen). */
  wait(ms: number, sleep: Sleep): Promise<void>;
  /** The request is over: its timer and its listener on the caller's cancel go. */
  end(): void;
}

export interface BudgetOptions {
  timeoutMs: number;
  /** The caller's cancel (edit, removal, lock). */
  signal?: CancelSignal;
  now?: () => number;
}

export function startBudget(options: BudgetOptions): RequestBudget {
  const now = options.now ?? Date.now;
  const startedAt = now();
  const cancel = options.signal;
  // One cancel and one timer per request: AbortSignal.timeout plus AbortSignal.any would make
  // three AbortSignals, each costly to create in Node, for every token.
  const signal = new Cancel();
  let timedOut = false;
  // A real timer even when the clock is injected: a test's frozen clock must not let a request run forever.
  const timer = setTimeout(() => {
    timedOut = true;
    signal.abort(new DOMException('The token request timed out.', 'TimeoutError'));
  }, options.timeoutMs);
  timer.unref?.();
  const onCancel = () => signal.abort(cancel?.reason);
  if (cancel?.aborted) onCancel();
  else cancel?.addEventListener('abort', onCancel, { once: true });
  return {
    signal,
    limitMs: options.timeoutMs,
    now,
    remainingMs: () => options.timeoutMs - (now() - startedAt),
    stopped(host) {
      // The caller's cancel wins: whoever cancelled has moved on, and a timeout message would mislead.
      if (cancel?.aborted) return cancelledError(host);
      if (timedOut) return timeoutError(host, options.timeoutMs);
      return undefined;
    },
    end() {
      clearTimeout(timer);
      cancel?.removeEventListener('abort', onCancel);
    },
    async wait(ms, sleep) {
      if (signal.aborted) return;
      let onAbort = () => {};
      const aborted = new Promise<void>((resolve) => {
        onAbort = resolve;
        signal.addEventListener('abort', onAbort, { once: true });
      });
      try {
        await Promise.race([sleep(ms), aborted]);
      } finally {
        signal.removeEventListener('abort', onAbort);
      }
    },
  };
}

function timeoutError(host: string, limitMs: number): TokenError {
  return new TokenError('timeout', `${host} did not answer within ${Math.round(limitMs / 1000)} s. Check the base URL or raise the timeout.`);
}

function cancelledError(host: string): TokenError {
  return new TokenError('cancelled', `The request was cancelled (the provider was edited or removed, or the vault was locked); nothing more was sent to ${host}.`);
}

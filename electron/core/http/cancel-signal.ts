/**
 * What a token request listens to for its caller's cancel (an edit, a removal, the vault
 * locking). An AbortSignal is one; the token service makes a `Cancel` for each request instead,
 * since Node makes every AbortSignal transferable to workers, which costs more to create than
 * the rest of this.
 */
export interface CancelSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** An AbortSignal that follows `cancel`, for a port that hands the signal to a real fetch. */
export function abortSignalOf(cancel: CancelSignal): AbortSignal {
  if (cancel instanceof AbortSignal) return cancel;
  const controller = new AbortController();
  if (cancel.aborted) controller.abort(cancel.reason);
  else cancel.addEventListener('abort', () => controller.abort(cancel.reason), { once: true });
  return controller.signal;
}

/** A cancel whose listeners each run once, when `abort` is first called. */
export class Cancel implements CancelSignal {
  aborted = false;
  reason: unknown = undefined;
  private readonly listeners = new Set<() => void>();

  addEventListener(_type: 'abort', listener: () => void, _options?: { once?: boolean }): void {
    if (!this.aborted) this.listeners.add(listener);
  }

  removeEventListener(_type: 'abort', listener: () => void): void {
    this.listeners.delete(listener);
  }

  abort(reason: unknown = new DOMException('This operation was aborted', 'AbortError')): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    const listeners = [...this.listeners];
    this.listeners.clear();
    // Every listener hears it, as with an AbortSignal, even if one before it throws; that one's
    // error then reaches the caller.
    let failure: { error: unknown } | undefined;
    for (const listener of listeners) {
      try {
        listener();
      } catch (error) {
        failure ??= { error };
      }
    }
    if (failure) throw failure.error;
  }
}

/**
 * Collects changes and hands them to `commit` together, at most one commit at a time: the
 * first change starts a short window, and everything queued by its end is written in one go.
 * Minting many tokens at once then costs one write, not one per token.
 */
export class GroupCommit<Change> {
  private queued: Change[] = [];
  /** The batch being written: not on disk yet, so readers still apply it. */
  private writing: readonly Change[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly commit: (changes: readonly Change[]) => Promise<void>,
    private readonly windowMs: number,
    /** A commit started by the window failed (its changes stay queued for the next one). */
    private readonly failed: (error: unknown) => void,
  ) {}

  add(change: Change): void {
    this.queued.push(change);
    this.schedule();
  }

  /** Every change not yet on disk, oldest first. */
  pending(): readonly Change[] {
    return [...this.writing, ...this.queued];
  }

  /** Writes what is queued now; rejects with the commit's error. */
  async flush(): Promise<void> {
    this.cancelTimer();
    for (;;) {
      if (this.running) {
        // A failure here was reported by whoever started it; what it left queued is retried below.
        await this.running.catch(() => undefined);
        continue;
      }
      if (this.queued.length === 0) return;
      await this.start();
    }
  }

  private schedule(): void {
    if (this.timer || this.running) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.start().catch(this.failed);
    }, this.windowMs);
    // A pending cache write never keeps a process alive: hosts flush before exiting.
    this.timer.unref?.();
  }

  private cancelTimer(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private start(): Promise<void> {
    const batch = this.queued;
    this.queued = [];
    this.writing = batch;
    this.running = this.commit(batch).then(
      () => {
        this.writing = [];
        this.running = undefined;
        // Changes that arrived while this one was writing get their own window.
        if (this.queued.length) this.schedule();
      },
      (error: unknown) => {
        // Kept for the next change or flush to retry; not retried on a timer (a full disk would spin).
        this.writing = [];
        this.queued = [...batch, ...this.queued];
        this.running = undefined;
        throw error;
      },
    );
    return this.running;
  }
}

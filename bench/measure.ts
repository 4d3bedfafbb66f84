import { performance } from 'node:perf_hooks';

/** The middle of the sorted times: one slow outlier (a GC, a disk flush) does not move it. */
export function median(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export async function timed(work: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/**
 * Times `subject` and `baseline` alternately, `runs` times each, so both see the same machine
 * state (CPU frequency, disk cache, other load); returns both medians.
 */
export async function sideBySide(runs: number, subject: () => Promise<unknown> | unknown, baseline: () => Promise<unknown> | unknown): Promise<{ subject: number; baseline: number }> {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      a.push(await timed(subject));
      b.push(await timed(baseline));
    } else {
      b.push(await timed(baseline));
      a.push(await timed(subject));
    }
  }
  return { subject: median(a), baseline: median(b) };
}

/** Runs `work(i)` for i in [0, count) with at most `concurrency` at once. */
export async function pool(count: number, concurrency: number, work: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await work(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

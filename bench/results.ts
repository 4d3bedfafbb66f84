import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BenchResult {
  name: string;
  /** What Keymint took (ms). */
  measured: number;
  /** The floor it is compared with, measured in the same run (ms), if any. */
  baseline?: { name: string; ms: number };
  /** A ratio to the baseline, an absolute time when there is no baseline, or none: the ratio is only reported. */
  target: { ratio: number } | { ms: number } | { report: true };
  /** What `measured` and an absolute target count, when not milliseconds: "MB", "rows", "ms per s". */
  unit?: string;
}

export function met(result: BenchResult): boolean {
  if ('report' in result.target) return true;
  if ('ratio' in result.target) return result.baseline !== undefined && result.measured / result.baseline.ms <= result.target.ratio;
  return result.measured <= result.target.ms;
}

function describe(result: BenchResult): { value: string; target: string } {
  if ('report' in result.target && result.baseline) return { value: `${(result.measured / result.baseline.ms).toFixed(2)}×`, target: 'reported' };
  if ('ratio' in result.target && result.baseline) {
    return { value: `${(result.measured / result.baseline.ms).toFixed(2)}×`, target: `≤ ${result.target.ratio.toFixed(2)}×` };
  }
  const unit = result.unit ?? 'ms';
  return { value: `${result.measured.toFixed(2)} ${unit}`, target: `< ${'ms' in result.target ? result.target.ms : '?'} ${unit}` };
}

export function printResult(result: BenchResult): void {
  const { value, target } = describe(result);
  const against = result.baseline ? `  (${result.measured.toFixed(2)} ms vs ${result.baseline.name} ${result.baseline.ms.toFixed(2)} ms)` : '';
  console.log(`${met(result) ? 'met ' : 'MISS'}  ${result.name.padEnd(62)} ${value.padStart(9)}  target ${target}${against}`);
}

/** bench/results.md: the table the README points to, rewritten by every `npm run bench`. */
export function writeResults(results: readonly BenchResult[], notes: readonly string[]): string {
  const rows = results.map((result) => {
    const { value, target } = describe(result);
    const detail = result.baseline
      ? `${result.measured.toFixed(2)} ms vs ${result.baseline.ms.toFixed(2)} ms (${result.baseline.name})`
      : `${result.measured.toFixed(2)} ${result.unit ?? 'ms'}`;
    return `| ${result.name} | ${value} | ${target} | ${met(result) ? 'met' : '**missed**'} | ${detail} |`;
  });
  const text = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} (Node ${process.version}, ${process.platform}/${process.arch}). Medians of repeated runs, Keymint and its baseline measured alternately in one run.`,
    '',
    '| Measure | Result | Target | | Times |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    ...notes.map((note) => `- ${note}`),
    '',
  ].join('\n');
  const path = join(import.meta.dirname, 'results.md');
  writeFileSync(path, text);
  return path;
}

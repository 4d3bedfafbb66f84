// `npm run bench`: compiles bench/run.ts the way the shipped code is compiled, then runs it.
//
// Through tsx, every function and class would be wrapped to keep its name (esbuild's keepNames),
// a cost the app, the served host and the CLI never pay (their builds leave names alone): a
// closure made per provider then shows up as milliseconds in a list of 1,000. So the bench and
// the code it measures are bundled here with esbuild, packages left to node_modules, into
// bench/.run.mjs (beside the sources, so each file's import.meta.dirname stays bench/).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
const outfile = resolve(root, 'bench/.run.mjs');
try {
  await build({
    entryPoints: [resolve(root, 'bench/run.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  const run = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(outfile, { force: true });
}

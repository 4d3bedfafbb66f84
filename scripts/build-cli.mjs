// Builds the `keymint` command line (package.json bin) to one file, dist/cli/keymint.mjs.
//
// Three steps, for start-up time (bench/cli-bench.ts measures it):
// 1. Rollup (Vite) bundles and tree-shakes, one chunk per lazily loaded part (each command, the core).
// 2. esbuild joins those chunks into one file. Unlike Rollup's single-file mode, which runs every
//    module at start, esbuild keeps a part reached only by `import()` in a lazy wrapper that runs on
//    first use: `keymint presets` never builds the core's schemas, and `keymint header` loads
//    neither child_process nor the prompts.
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const root = resolve(import.meta.dirname, '..');
// Tests build their own copy: `node scripts/build-cli.mjs OUTFILE`.
const outfile = resolve(process.argv[2] ?? resolve(root, 'dist/cli/keymint.cjs'));
const chunks = mkdtempSync(join(tmpdir(), 'keymint-cli-chunks-'));
// The keyring binding picks its platform's .node file at run time: loaded from node_modules.
const external = ['@napi-rs/keyring', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

try {
  await viteBuild({
    configFile: false,
    root,
    publicDir: false,
    logLevel: 'warn',
    resolve: { conditions: ['node'], mainFields: ['module', 'main'] },
    build: {
      outDir: chunks,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      sourcemap: false,
      lib: { entry: resolve(root, 'electron/cli/keymint.ts'), formats: ['es'], fileName: () => 'keymint.mjs' },
      rollupOptions: {
        external,
        // zod's comments meant for esbuild (step 2), which Rollup reports and drops.
        onwarn(warning, warn) {
          if (warning.code !== 'INVALID_ANNOTATION') warn(warning);
        },
      },
    },
  });
  await esbuild({
    entryPoints: [join(chunks, 'keymint.mjs')],
    outfile,
    bundle: true,
    platform: 'node',
    // CommonJS, so that Node's builtins are required where a lazy part first needs them: an ES
    // module's imports all load at start, child_process and readline included.
    format: 'cjs',
    target: 'node20',
    external: ['@napi-rs/keyring'],
    define: { 'import.meta.url': '__keymintFileUrl', 'import.meta.dirname': '__dirname' },
    // Less to parse at every start.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    charset: 'ascii',
    banner: { js: "'use strict';\nconst __keymintFileUrl = require('node:url').pathToFileURL(__filename).href;" },
    logLevel: 'warning',
  });
  // 3. The file Node runs: a small loader that compiles the bundle with V8's code cache
  //    (scripts/cli-loader.cjs), then the bundle itself in a comment that Node only skips over.
  //    A `*/` in it (in a string or a pattern) is written `*\x01/` there, and read back.
  const bundle = readFileSync(outfile, 'utf8');
  // The loader reads the file as one-byte text: esbuild's output is ASCII (charset: 'ascii').
  if (!/^[\x00-\x7f]*$/.test(bundle)) throw new Error('the bundle is not ASCII');
  if (bundle.includes('*\x01/')) throw new Error('the bundle holds the sequence its comment uses for */');
  const loader = readFileSync(resolve(root, 'scripts/cli-loader.cjs'), 'utf8');
  writeFileSync(outfile, `#!/usr/bin/env node\n${loader}/*keymint-bundle\n${bundle.replaceAll('*/', '*\x01/')}*/\n`);
  chmodSync(outfile, 0o755);
} finally {
  rmSync(chunks, { recursive: true, force: true });
}

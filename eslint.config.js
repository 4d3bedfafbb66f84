import tseslint from 'typescript-eslint';

/** Layering from design.md, enforced: who may import electron, Node, and each other. */
const electronImport = { name: 'electron', message: 'Only electron/main, electron/preload and electron/platform import electron.' };
const nodeBuiltins = { group: ['node:*'], message: 'Renderer and shared code run in the browser: no Node modules.' };

/** shared/ may import itself and the named packages, nothing else. */
function sharedImportRule(packages, message) {
  return {
    'no-restricted-imports': [
      'error',
      {
        paths: [electronImport, 'react', 'react-dom'],
        patterns: [
          nodeBuiltins,
          { group: ['**/electron/**', '**/renderer/**', '**/e2e/**'], message },
          { regex: `^(?!(${packages.join('|')})$|\\.)`, message },
        ],
      },
    ],
  };
}

/** Where each part of electron/ sits: shared <- core <- ipc <- hosts (main, serve, cli); platform adapters beside them. */
const testSupport = { group: ['**/test-support/**', '**/shared/testing/**', '**/e2e/**', '**/renderer/**'], message: 'Production code imports no test support, e2e or renderer code.' };
const deepCore = { regex: '(^|/)core/', message: 'Import the core through its public surface (electron/core/index.ts), not its internals.' };
const hosts = (...names) => ({ regex: `^(\\.\\./)+(${names.join('|')})(/|$)`, message: `Dependencies point one way: shared <- core <- ipc <- hosts; this folder may not import ${names.join(', ')}.` });
const TESTS = ['**/*.test.{ts,tsx}', 'electron/test-support/**', 'shared/testing/**', 'e2e/**', 'bench/**', 'build/**', 'renderer/src/testing/**'];

/** One rule per folder: ESLint keeps only the last `no-restricted-imports` that matches a file. */
function electronLayer(files, { electron = false, patterns }) {
  return {
    files,
    ignores: TESTS,
    rules: { 'no-restricted-imports': ['error', { paths: electron ? [] : [electronImport], patterns: [testSupport, ...patterns] }] },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [electronImport] }],
    },
  },
  {
    files: ['electron/main/**', 'electron/preload/**', 'electron/platform/**', 'e2e/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  electronLayer(['electron/core/**'], { patterns: [hosts('ipc', 'main', 'preload', 'platform', 'serve', 'cli')] }),
  electronLayer(['electron/ipc/**'], { patterns: [hosts('main', 'preload', 'platform', 'serve', 'cli'), deepCore] }),
  electronLayer(['electron/platform/**'], { electron: true, patterns: [hosts('ipc', 'main', 'preload', 'serve', 'cli'), deepCore] }),
  electronLayer(['electron/main/**', 'electron/preload/**'], { electron: true, patterns: [deepCore, hosts('serve', 'cli')] }),
  // The served host runs in plain Node: no electron, here or in anything it imports.
  electronLayer(['electron/serve/**'], {
    patterns: [hosts('main', 'preload', 'cli'), deepCore, { regex: '(^|/)platform/(electron-|safe-storage)', message: 'The served host runs without Electron: use the Node adapters.' }],
  }),
  // The CLI's loader is CommonJS by necessity (it runs before the bundle, which it compiles itself).
  { files: ['scripts/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  // The command line runs in plain Node too; it may start the served host, which never imports it.
  electronLayer(['electron/cli/**'], {
    patterns: [hosts('main', 'preload'), deepCore, { regex: '(^|/)platform/(electron-|safe-storage)', message: 'The command line runs without Electron: use the Node adapters.' }],
  }),
  {
    // The served page's bootstrap runs in the browser, like the preload: shared/ only.
    files: ['electron/serve/page/**'],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [electronImport], patterns: [nodeBuiltins, { regex: '^(?!(\\.\\./)+shared/)', message: "The served page's bootstrap runs in the browser: it imports only shared/." }] },
      ],
    },
  },
  {
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronImport, 'fs', 'path', 'os', 'crypto', 'child_process'],
          patterns: [nodeBuiltins, { group: ['**/electron/**', '**/electron'], message: 'The renderer talks to main only through window.keymint.' }],
        },
      ],
    },
  },
  {
    files: ['renderer/**'],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronImport, 'fs', 'path', 'os', 'crypto', 'child_process'],
          patterns: [
            nodeBuiltins,
            { group: ['**/electron/**', '**/electron'], message: 'The renderer talks to main only through window.keymint.' },
            { group: ['**/testing/**'], message: 'Production code never imports renderer test support.' },
          ],
        },
      ],
    },
  },
  { files: ['shared/**'], rules: sharedImportRule(['zod'], 'shared/ imports only itself and zod.') },
  // Tests of shared code run in Node under vitest; the code they test stays browser-safe.
  { files: ['shared/**/*.test.ts'], rules: sharedImportRule(['zod', 'vitest'], 'shared/ tests import only shared/, zod and vitest.') },
);

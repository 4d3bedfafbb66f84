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
    files: ['electron/main/**', 'electron/preload/**', 'electron/platform/**'],
    rules: { 'no-restricted-imports': 'off' },
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
  { files: ['shared/**'], rules: sharedImportRule(['zod'], 'shared/ imports only itself and zod.') },
  // Tests of shared code run in Node under vitest; the code they test stays browser-safe.
  { files: ['shared/**/*.test.ts'], rules: sharedImportRule(['zod', 'vitest'], 'shared/ tests import only shared/, zod and vitest.') },
);

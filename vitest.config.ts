import { defineConfig } from 'vitest/config';

export default defineConfig({
  esbuild: { jsx: 'automatic' },
  test: {
    include: ['{electron,shared,renderer,e2e,build}/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 15_000,
    // Every test's temporary folders go into one for the run, removed at its end.
    globalSetup: ['electron/test-support/private-tmpdir.ts'],
  },
});

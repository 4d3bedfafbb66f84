import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'e2e/specs',
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  // Every spec's temporary folders go into one for the run, removed at its end.
  globalSetup: './electron/test-support/private-tmpdir.ts',
  use: { trace: 'retain-on-failure' },
});

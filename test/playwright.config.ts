import { defineConfig } from '@playwright/test';
import { callArgs, chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';

export default defineConfig({
  testDir: './e2e',
  globalSetup: './support/global-setup.ts',
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/results.json' }]],
  use: {
    headless: true,
    launchOptions: { executablePath: chromiumPath, args: [...chromiumArgs, ...callArgs] },
    trace: 'retain-on-failure',
  },
});

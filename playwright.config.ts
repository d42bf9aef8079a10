// Browser journeys (e2e/) in Debian's Chromium, never a downloaded browser: `npm run test:e2e`.
import { defineConfig } from '@playwright/test';

export const CHROMIUM = process.env.TANDEM_CHROMIUM ?? '/usr/bin/chromium';
const isCI = process.env.CI === 'true';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  // One at a time: each test starts its own server, and the machine has two cores.
  workers: 1,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  forbidOnly: isCI,
  retries: 0,
  reporter: isCI ? [['list'], ['json', { outputFile: '.ci/out/playwright.json' }]] : [['list']],
  use: {
    browserName: 'chromium',
    reducedMotion: 'reduce',
    trace: 'retain-on-failure',
    viewport: { width: 1280, height: 900 },
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  outputDir: '.ci/out/playwright-results',
});

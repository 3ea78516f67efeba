// The project's own tests (`npm test`): units, the JSON Schemas in sync, the whole conformance
// suite against the mocks with a leak scan of every artifact, and every mock defect caught.
import { defineConfig } from '@playwright/test';

const LONG = ['**/defects.test.ts', '**/variants.test.ts'];

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.test.ts',
  outputDir: '../reports/selftest/test-results',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  workers: 2,
  timeout: 60_000,
  reporter: [['list'], ['junit', { outputFile: '../reports/selftest/junit.xml' }], ['../reporters/summary-line.ts', { label: 'selftest' }]],
  // Playwright hands out tests project by project, in file order within one: the two longest
  // (minutes each, and variants mostly waits on real-time checks) start first, one per worker, and
  // the short ones fill in around them, instead of one long test running alone at the end.
  projects: [
    { name: 'long', testMatch: LONG },
    { name: 'short', testIgnore: LONG },
  ],
});

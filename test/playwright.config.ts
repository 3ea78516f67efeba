// The project's own tests (`npm test`): units, the JSON Schemas in sync, the whole conformance
// suite against the mocks with a leak scan of every artifact, and every mock defect caught.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.test.ts',
  outputDir: '../reports/selftest/test-results',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  workers: 2,
  timeout: 60_000,
  reporter: [
    ['list'],
    ['junit', { outputFile: '../reports/selftest/junit.xml' }],
    ['../reporters/summary-line.ts', { label: 'selftest' }],
  ],
});

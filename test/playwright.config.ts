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
  // The long proofs (every defect, every variant and draw: minutes each) first, so that the short
  // tests fill the other worker beside them instead of leaving one proof running alone at the end.
  projects: [
    { name: 'proofs', testMatch: ['**/defects.test.ts', '**/variants.test.ts'] },
    { name: 'tests', testIgnore: ['**/defects.test.ts', '**/variants.test.ts'] },
  ],
  reporter: [
    ['list'],
    ['junit', { outputFile: '../reports/selftest/junit.xml' }],
    ['../reporters/summary-line.ts', { label: 'selftest' }],
  ],
});

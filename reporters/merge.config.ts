// The reporters `card-reveal-harness merge` runs over the shards' blobs: one JUnit file and one
// conformance matrix for the whole run, in CRH_OUTPUT_DIR.
import { defineConfig } from '@playwright/test';
import { CODE_EXT } from '../src/core/root.ts';

const out = process.env.CRH_OUTPUT_DIR ?? 'reports';

export default defineConfig({
  testDir: '../specs',
  reporter: [
    ['junit', { outputFile: `${out}/junit.xml` }],
    [`./conformance${CODE_EXT}`, { outputDir: out, allureResultsDir: `${out}/allure-results` }],
  ],
});

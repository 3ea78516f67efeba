// The reporters `card-reveal-harness merge` runs over the shards' blobs: one JUnit file and one
// conformance matrix for the whole run, in the run's output directory (RunSettings.outputDir).
import { defineConfig } from '@playwright/test';
import { runSettings } from '../src/core/settings.ts';
import { CODE_EXT } from '../src/core/root.ts';

const out = runSettings().outputDir;

export default defineConfig({
  testDir: '../specs',
  reporter: [
    ['junit', { outputFile: `${out}/junit.xml` }],
    [
      `./conformance${CODE_EXT}`,
      { outputDir: out, allureResultsDir: `${out}/allure-results`, shardsDir: `${out}/shards` },
    ],
  ],
});

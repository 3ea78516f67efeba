// The conformance suite. Projects come from the provider registry: `<id>` (API and browser
// checks), `<id>-pact-consumer`, and `<id>-pact-provider` (verifies the pact the consumer step
// wrote, so it depends on it). `npx card-reveal-harness run` is the way in; it sets CRH_OUTPUT_DIR.
import { defineConfig, type Project } from '@playwright/test';
import { providerProjects, providers } from './src/providers.ts';
import { chromiumLaunchOptions } from './src/core/browser.ts';

const out = process.env.CRH_OUTPUT_DIR ?? 'reports';
// On a failure Playwright writes an accessibility snapshot of the page into error-context.md;
// the page may be showing card data, so that snapshot is switched off.
process.env.PLAYWRIGHT_NO_COPY_PROMPT = '1';

const projects: Project[] = providers.flatMap((p) => {
  const names = providerProjects(p.id);
  return [
    { name: names.checks, testDir: `specs/${p.id}`, testIgnore: '**/pact/**' },
    { name: names.pactConsumer, testDir: `specs/${p.id}/pact`, testMatch: 'consumer.spec.ts' },
    { name: names.pactProvider, testDir: `specs/${p.id}/pact`, testMatch: 'provider.spec.ts', dependencies: [names.pactConsumer] },
  ];
});

export default defineConfig({
  testDir: 'specs',
  outputDir: `${out}/test-results`,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [
    [process.env.CRH_QUIET ? 'dot' : 'list'],
    ['junit', { outputFile: `${out}/junit.xml` }],
    [
      'allure-playwright',
      {
        resultsDir: `${out}/allure-results`,
        detail: false,
        suiteTitle: true,
        environmentInfo: Object.fromEntries(providers.map((p) => [`${p.id} target`, process.env[p.env.baseUrl] ?? 'embedded mock'])),
      },
    ],
    ['./reporters/conformance.ts', { outputDir: out }],
  ],
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    // Traces, screenshots and videos would capture the card data the frame shows: never taken.
    trace: 'off',
    screenshot: 'off',
    video: 'off',
  },
  projects,
});

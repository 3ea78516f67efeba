// The conformance suite: every selected provider's checks (specs/<id>/*.spec.ts: API and browser)
// and contract (specs/<id>/pact/contract.spec.ts: the consumer's pact, then its verification
// against the target, in one file), in two projects: Playwright gives each project workers of its
// own, so few projects let a worker run any provider's files (a run starts two workers, not two per
// provider). The first holds the checks of the providers with browser checks (browserChecks in
// their catalogue), the second the rest, beside them. `npx card-reveal-harness run` is the way in;
// it hands its settings over in CRH_SETTINGS (src/core/settings.ts).
import { defineConfig, type Project } from '@playwright/test';
// The light half of the registry: every worker loads this config, and needs no mock to name projects.
import { selectedProviders, SUITE_PROJECT } from './src/catalogue.ts';
import { browserContextOptions, chromiumLaunchOptions } from './src/core/browser.ts';
import { CODE_EXT } from './src/core/root.ts';
import { runSettings } from './src/core/settings.ts';
import { TRANSPORT_RETRIES_DEFAULT } from './src/core/transport.ts';
import { BATCH_FILES, BATCH_PROJECT, batchFilesRoot, pactFile } from './src/core/defect-batch.ts';

const settings = runSettings();
const out = settings.outputDir;
// A shard of a run (shard 1/2) writes its JUnit and matrix under shards/ and a blob for
// `card-reveal-harness merge`, which writes the merged ones at the top; Allure results need no merge.
const shard = settings.shard?.replace('/', '-of-');
const reportDir = shard ? `${out}/shards/${shard}` : out;
// On a failure Playwright writes an accessibility snapshot of the page into error-context.md;
// the page may be showing card data, so that snapshot is switched off.
process.env.PLAYWRIGHT_NO_COPY_PROMPT = '1';

// A defect run verifies a pact written before it (already in <output>/pacts): the consumer
// contract runs the harness's own client against a Pact mock, the same for every defect. A run of
// the consumers alone writes those pacts, and runs no check.
const checksToo = settings.pactPart !== 'consumer';
const selected = selectedProviders(settings);
/** A provider's checks (specs/<id>/*.spec.ts), unless only the consumers run. */
const checksOf = (id: string) => (checksToo ? [`${id}/*.spec${CODE_EXT}`] : []);
/** A provider's contract (specs/<id>/pact/): the consumer's pact, then its verification against the target. */
const contractOf = (id: string) => `${id}/pact/${pactFile(settings.pactPart, CODE_EXT)}`;
// The providers with checks in a real browser hold the longest chain of a run: a project of their
// own takes their checks (browser and API, on one mock) first, on one worker (two Chromiums on two
// cores slow each other more than they gain), while the other worker runs everything else beside
// them: the other providers, every contract, and a check that waits in real time
// (*-in-real-time.spec.ts), so that its wait is beside the browser checks, not before them. That
// one is on one worker too: a worker started for the last few files when one side is done costs
// more than it saves.
const withBrowser = checksToo ? selected.filter((p) => p.browserChecks).map((p) => p.id) : [];
const others = selected.map((p) => p.id).filter((id) => !withBrowser.includes(id));
const REAL_TIME = `*-in-real-time.spec${CODE_EXT}`;
const perProject = withBrowser.length ? { workers: 1 } : {};
const projects: Project[] = [
  ...(withBrowser.length
    ? [
        {
          name: `${SUITE_PROJECT}-browser`,
          testDir: 'specs',
          testMatch: withBrowser.flatMap(checksOf),
          testIgnore: REAL_TIME,
          ...perProject,
        },
      ]
    : []),
  {
    name: SUITE_PROJECT,
    testDir: 'specs',
    testMatch: [
      ...others.flatMap(checksOf),
      ...selected.map((p) => contractOf(p.id)),
      ...(checksToo ? withBrowser.map((id) => `${id}/${REAL_TIME}`) : []),
    ],
    ...perProject,
  },
];

// A defect batch (`defects`, src/core/defect-batch.ts): one project of a test file per provider and
// defect (the defect CLEAN: none), each the checks and the verification of the consumer's pact
// against a mock with that defect. The CLI writes the files before the run, under its output.
const batch = Object.entries(settings.defectBatch);
const batchProjects: Project[] = [{ name: BATCH_PROJECT, testDir: batchFilesRoot(out), testMatch: BATCH_FILES }];

export default defineConfig({
  testDir: 'specs',
  outputDir: `${out}/test-results`,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  // Only a check a transport fault interrupted runs again (src/core/transport.ts): any other failure
  // is marked not to be retried where it happens (specs/fixtures/base.ts).
  retries: settings.network.transportRetries ?? TRANSPORT_RETRIES_DEFAULT,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  // A batch writes a matrix per defect and nothing a person reads.
  reporter: batch.length
    ? [['dot'], [`./reporters/conformance${CODE_EXT}`, { outputDir: out }]]
    : [
        // One line per check by default; the tools' own prose only with run --verbose (in the reports always).
        [settings.console === 'checks' ? `./reporters/check-lines${CODE_EXT}` : settings.console],
        ['junit', { outputFile: `${reportDir}/junit.xml` }],
        // The blob reporter empties its folder when a run starts: one folder per shard.
        ...(shard ? [['blob', { outputDir: `${out}/blob/${shard}`, fileName: `shard-${shard}.zip` }] as const] : []),
        [
          'allure-playwright',
          {
            resultsDir: `${out}/allure-results`,
            detail: false,
            suiteTitle: true,
            // environment.properties is written by the conformance reporter: only the targets checked.
          },
        ],
        [`./reporters/conformance${CODE_EXT}`, { outputDir: reportDir, allureResultsDir: `${out}/allure-results` }],
      ],
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    ...browserContextOptions(),
    // Traces, screenshots and videos would capture the card data the frame shows: never taken.
    trace: 'off',
    screenshot: 'off',
    video: 'off',
  },
  projects: batch.length ? batchProjects : projects,
});

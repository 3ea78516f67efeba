// Runs a provider's suite against its mock once clean and once per defect, and reports who caught
// what and how the defect's matrix differs from the clean one. A defect is "exact" when the
// matrices differ in precisely the requirements it is declared to break.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { caughtAsWarning, defectBreaks, defectHides, type Defect } from '../core/defects.ts';
import { findRequirement } from '../core/levels.ts';
import { readMatrix, type Verdict } from '../core/matrix.ts';
import { partialNote } from '../../reporters/render-matrix.ts';
import { startSandbox } from '../core/mock-process.ts';
import { catalogue } from '../catalogue.ts';
import { drawOf, REFERENCE_DRAW, seededShare } from '../core/choices.ts';
import { profileEnvVar } from '../core/profile.ts';
import { withSettings } from '../core/settings.ts';
import { CLEAN, defectRunDir, writeBatchFiles } from '../core/defect-batch.ts';
import type { ProviderCatalogue } from '../providers/types.ts';
import { runPlaywright } from './playwright.ts';
import { pool } from './pool.ts';
import { parse, providerOrUsageError, seedOrUsageError, UsageError } from './usage.ts';

const sourceOf = (id: string) => findRequirement(id)?.requirement.source;

export interface DefectOutcome {
  provider: string;
  defect: string;
  breaks: string[];
  caught: boolean;
  /** Caught only as warnings: every rule it breaks is a default of the harness. */
  asWarning: boolean;
  /** Requirements whose verdict differs from the clean run's, as `id: clean → defect`. */
  diff: string[];
  /** Every requirement the defect breaks now fails, and no other requirement does. */
  failsExactly: boolean;
  /** The matrices differ in exactly the requirements the defect breaks (each now failing), and in nothing else, not even an unverifiable one. */
  exact: boolean;
  /** As declared: the requirements it breaks now fail, the ones it hides are now "not run", and nothing else changed (so it also fails exactly). */
  asDeclared: boolean;
  /** Requirements the defect is declared to leave unverifiable. */
  hides: string[];
  /** Requirements that newly fail but are not among those the defect breaks. */
  collateral: string[];
  /** Requirements the defect left without a check that could run to them (pass → not run). */
  unverifiable: string[];
  caughtBy: string[];
  /** Live only: why a sandbox run cannot catch this defect, as the provider declares (controlledOnlyDefects). */
  controlledOnly?: string;
}

/** Live, a declared controlled-only defect must escape and every other be caught; under control, every one be caught. */
export const asExpected = (o: Pick<DefectOutcome, 'caught' | 'controlledOnly'>): boolean =>
  o.caught !== (o.controlledOnly !== undefined);

type Verdicts = Map<string, Verdict>;

interface SuiteRun {
  verdicts: Verdicts;
  failedTests: string[];
  /** Tests whose checks of a default failed as warnings (src/core/levels.ts). */
  warnedTests: string[];
  /** Why requirements were not (fully) checked: n/a and not-run reasons, partial notes. */
  gaps: Map<string, string>;
}

/**
 * Live: one run of a provider's suite against its mock with at most one defect, started as its own
 * process without control and pointed at by the variables a vendor would set, as a sandbox is.
 */
async function runSandboxSuite(
  p: ProviderCatalogue,
  output: string,
  defect: string | undefined,
  drawn: DrawnMocks,
  cleanOutput?: string,
): Promise<SuiteRun> {
  mkdirSync(dirname(output), { recursive: true });
  const mock = await startSandbox(p.id, `${output}.vendor-env.json`, [
    ...(defect ? ['--defect', defect] : []),
    ...(drawn.seed ? ['--choices', drawn.seed] : []),
  ]);
  try {
    // The consumer contract runs the harness's own client against a Pact mock: the same for every
    // defect, and no evidence about the target. A defect run verifies the clean run's pact.
    const env: NodeJS.ProcessEnv = {
      ...withSettings({
        outputDir: output,
        providers: [p.id],
        mockDefects: {},
        console: 'dot',
        ...(cleanOutput ? { pactPart: 'provider' } : {}),
      }),
      ...mock.env,
      ...drawn.env,
    };
    if (cleanOutput) cpSync(resolve(cleanOutput, 'pacts'), resolve(output, 'pacts'), { recursive: true });
    await runPlaywright({ args: [], env, inherit: false });
  } finally {
    await mock.stop();
  }
  return readSuiteRun(output, p.id);
}

/**
 * Under control, every defect of every provider in one Playwright run (src/core/defect-batch.ts),
 * beside a file per provider without a defect (CLEAN) that each defect's matrix is compared with.
 * The batch verifies the consumer contracts' pacts, written by a short run before it.
 */
async function runControlled(
  selected: readonly ProviderCatalogue[],
  work: readonly { p: ProviderCatalogue; d: Defect }[],
  root: string,
  workers: number,
  drawn: DrawnMocks,
) {
  const consumerDir = resolve(root, 'consumer');
  const ids = selected.map((p) => p.id);
  await runPlaywright({
    args: ['--workers', String(workers)],
    env: {
      ...withSettings({
        outputDir: consumerDir,
        providers: ids,
        mockDefects: {},
        mockVariants: drawn.variants,
        console: 'dot',
        pactPart: 'consumer',
      }),
      ...drawn.env,
    },
    inherit: false,
  });
  const batchDir = resolve(root, 'batch');
  cpSync(resolve(consumerDir, 'pacts'), resolve(batchDir, 'pacts'), { recursive: true });
  const batch = new Map<string, string[]>(ids.map((id) => [id, [CLEAN]]));
  for (const { p, d } of work) batch.get(p.id)!.push(d.name);
  writeBatchFiles(batchDir, batch);
  await runPlaywright({
    args: ['--workers', String(workers)],
    env: {
      ...withSettings({
        outputDir: batchDir,
        mockDefects: {},
        mockVariants: drawn.variants,
        console: 'dot',
        defectBatch: Object.fromEntries(batch),
      }),
      ...drawn.env,
    },
    inherit: false,
  });
  const clean = new Map(selected.map((p) => [p.id, readSuiteRun(defectRunDir(batchDir, p.id, CLEAN), p.id)] as const));
  if ([...clean.values()].some((r) => r.failedTests.length)) return { clean, runs: undefined };
  return {
    clean,
    runs: new Map(
      work.map(({ p, d }) => [`${p.id}:${d.name}`, readSuiteRun(defectRunDir(batchDir, p.id, d.name), p.id)] as const),
    ),
  };
}

/** What a run's matrix says of one provider: its verdicts, failed and warned tests, and gaps. */
function readSuiteRun(dir: string, providerId: string): SuiteRun {
  const file = resolve(dir, 'conformance.json');
  const matrix = readMatrix(file);
  const rows = matrix?.providers.find((x) => x.id === providerId)?.requirements ?? [];
  return {
    verdicts: new Map(rows.map((r) => [r.id, r.verdict])),
    failedTests: [
      ...new Set(
        rows.flatMap((r) => r.tests.filter((t) => t.status === 'fail').map((t) => `[${t.project}] ${t.title}`)),
      ),
    ],
    warnedTests: [
      ...new Set(
        rows.flatMap((r) =>
          r.tests.filter((t) => t.status === 'warn').map((t) => `[${t.project}] ${t.title} (warning)`),
        ),
      ),
    ],
    gaps: new Map(
      rows.flatMap((r) =>
        r.partial
          ? [[r.id, partialNote(r.partial)] as const]
          : r.reasons.length
            ? [[r.id, r.reasons.join('; ')] as const]
            : [],
      ),
    ),
  };
}

/** The requirements whose verdict differs between the two runs. */
const changedIds = (clean: Verdicts, broken: Verdicts): string[] =>
  [...new Set([...clean.keys(), ...broken.keys()])].filter((id) => clean.get(id) !== broken.get(id));

export function matrixDiff(clean: Verdicts, broken: Verdicts): string[] {
  return changedIds(clean, broken).map((id) => `${id}: ${clean.get(id) ?? 'absent'} → ${broken.get(id) ?? 'absent'}`);
}

export type MatrixJudgement = Pick<
  DefectOutcome,
  'breaks' | 'hides' | 'diff' | 'failsExactly' | 'exact' | 'asDeclared' | 'collateral' | 'unverifiable'
>;

/** How a defect's verdicts differ from the clean run's, against what the defect declares. */
export function judgeDefect(clean: Verdicts, broken: Verdicts, breaks: string[], hides: string[]): MatrixJudgement {
  const diff = matrixDiff(clean, broken);
  const changed = changedIds(clean, broken);
  // A default's rule is caught as a warning: a broken default now warns.
  const flagged = (id: string) => broken.get(id) === 'fail' || broken.get(id) === 'warn';
  const nowFail = (id: string) => flagged(id) && changed.includes(id);
  const collateral = changed.filter((id) => flagged(id) && !breaks.includes(id));
  return {
    breaks,
    hides,
    diff,
    failsExactly: collateral.length === 0 && breaks.every(nowFail),
    exact: changed.length === breaks.length && breaks.every(nowFail),
    asDeclared:
      changed.length === breaks.length + hides.length &&
      breaks.every(nowFail) &&
      hides.every((h) => broken.get(h) === 'not-run' && changed.includes(h)),
    collateral,
    unverifiable: changed.filter((id) => !flagged(id) && !breaks.includes(id)),
  };
}

const everyProvider: readonly ProviderCatalogue[] = catalogue;

/**
 * The mocks the defects are planted in: the reference mocks, or one draw of the free choices
 * (`--choices <seed>`), each provider's with the profile that states it. A defect must be caught
 * as declared whatever free choices the implementation around it made.
 */
interface DrawnMocks {
  seed?: string;
  /** The embedded mocks' variants, per provider (RunSettings.mockVariants). */
  variants: Record<string, string[]>;
  /** The profile variables of the draw. */
  env: Record<string, string>;
  /** Per provider, the defects the draw's options are. */
  absorbs: Record<string, string[]>;
}

function drawnMocks(providers: readonly ProviderCatalogue[], seed: string | undefined, root: string): DrawnMocks {
  if (seed === undefined) return { variants: {}, env: {}, absorbs: {} };
  seedOrUsageError('--choices', seed);
  const drawn: DrawnMocks = { seed, variants: {}, env: {}, absorbs: {} };
  mkdirSync(resolve(root, 'profiles'), { recursive: true });
  for (const p of providers) {
    const draw = drawOf(p, seed);
    const file = resolve(root, 'profiles', `${p.id}.json`);
    writeFileSync(file, JSON.stringify(draw.profile));
    drawn.variants[p.id] = draw.variants;
    drawn.env[profileEnvVar(p)] = file;
    drawn.absorbs[p.id] = draw.absorbs;
    console.log(
      `${p.id}: defects planted in the draw "${seed}": ${draw.variants.join(', ') || 'the reference mock'}; profile ${JSON.stringify(draw.profile)}`,
    );
    if (draw.absorbs.length)
      console.log(
        `not planted: ${draw.absorbs.map((d) => `${p.id} ${d}`).join(', ')} (the draw's own choice, stated in its profile)`,
      );
  }
  return drawn;
}

/** `defects`: runs every chosen defect (under control in one batch, or --live against sandboxes), judges each, prints the proof. */
export async function defectsCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      output: { type: 'string' },
      list: { type: 'boolean' },
      jobs: { type: 'string' },
      only: { type: 'string' },
      strict: { type: 'boolean' },
      live: { type: 'boolean' },
      choices: { type: 'string' },
      share: { type: 'string' },
    },
    true,
  );
  const live = values.live ?? false;
  positionals.forEach(providerOrUsageError);
  const jobs = values.jobs === undefined ? Math.max(1, Math.min(2, availableParallelism())) : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1)
    throw new UsageError(`--jobs wants a whole number of 1 or more, not "${values.jobs}"`);
  const selected = everyProvider.filter((p) => positionals.length === 0 || positionals.includes(p.id));
  const only = values.only?.split(',').map((s) => s.trim());
  const chosen = (p: ProviderCatalogue): Defect[] => p.defects.filter((d) => !only || only.includes(d.name));
  if (values.list) return listDefects(selected, chosen);
  const started = performance.now();
  const root = resolve(values.output ?? (live ? 'reports/defects-live' : 'reports/defects'));
  rmSync(root, { recursive: true, force: true });

  const share = values.share === undefined ? undefined : Number(values.share);
  if (share !== undefined && (!Number.isInteger(share) || share < 1))
    throw new UsageError(`--share wants a whole number of defects per provider, 1 or more, not "${values.share}"`);
  const drawn = drawnMocks(selected, values.choices, root);
  // A defect a drawn option is (ChoiceOption.absorbs) is no fault in that draw: not planted. With
  // --share n, n of each provider's, drawn by the seed (the same seed plants the same share).
  const plantable = (p: ProviderCatalogue) => chosen(p).filter((d) => !drawn.absorbs[p.id]?.includes(d.name));
  const shareSeed = `${values.choices ?? REFERENCE_DRAW}`;
  const planted = (p: ProviderCatalogue) =>
    share === undefined ? plantable(p) : seededShare(plantable(p), share, `${p.id}:${shareSeed}`);
  if (share !== undefined)
    for (const p of selected)
      console.log(
        `${p.id}: a share of ${planted(p).length} of ${plantable(p).length} defects (seed "${shareSeed}"): ${planted(p)
          .map((d) => d.name)
          .join(', ')}`,
      );
  const withDefects = selected.filter((p) => planted(p).length > 0);
  const work = withDefects.flatMap((p) => planted(p).map((d) => ({ p, d })));
  const runs = await runDefects(withDefects, work, root, jobs, live, drawn);
  if (!runs) return 1;
  const outcomes = runs.outcomes;
  const allAsDeclared = printSummary(
    outcomes,
    live,
    `${((performance.now() - started) / 60_000).toFixed(1)} min (${jobs} ${live ? 'suites' : 'workers'} at a time)`,
  );
  // A defect of a document or standard rule caught only as a warning would pass a gate.
  const declared = new Map(work.map(({ p, d }) => [`${p.id}:${d.name}`, d]));
  const onlyWarned = outcomes.filter(
    (o) => o.caught && o.asWarning && !caughtAsWarning(declared.get(`${o.provider}:${o.defect}`)!, sourceOf),
  );
  for (const o of onlyWarned)
    console.log(
      `ONLY A WARNING ${o.provider} ${o.defect}: breaks ${o.breaks.join(', ')}, a rule that must fail, yet the run only warned`,
    );
  // --strict also fails when a defect's matrix differs from the clean one in anything but what it
  // declares, or when a defect of a rule that must fail was caught only as a warning.
  return outcomes.every(asExpected) && (!values.strict || (allAsDeclared && onlyWarned.length === 0)) ? 0 : 1;
}

/** `defects --list`: a line per defect, with the rules it breaks and how it is caught. */
function listDefects(selected: readonly ProviderCatalogue[], chosen: (p: ProviderCatalogue) => Defect[]): number {
  for (const p of selected) {
    for (const d of chosen(p)) {
      // A defect of a default of the harness (or of a default part) is caught as a warning (src/core/levels.ts).
      const asWarning = caughtAsWarning(d, sourceOf);
      const controlledOnly = p.controlledOnlyDefects?.[d.name];
      console.log(
        `${p.id}\t${d.name}\t${defectBreaks(d).join(',')}\t${d.description}${asWarning ? `\t(a default${d.pinned ? ` part, ${d.pinned}` : ''}: caught as a warning)` : ''}${d.hides ? `\t(leaves ${d.hides.requirements.join(',')} not run: ${d.hides.why})` : ''}${controlledOnly ? `\t(live: only under control: ${controlledOnly})` : ''}`,
      );
    }
  }
  return 0;
}

/**
 * Every defect run, compared with its provider's clean run and judged. Under control one batch run
 * holds both; live, the clean runs come first and each defect needs a mock process of its own.
 * Undefined when a clean run failed: then no defect can be judged.
 */
async function runDefects(
  withDefects: readonly ProviderCatalogue[],
  work: readonly { p: ProviderCatalogue; d: Defect }[],
  root: string,
  jobs: number,
  live: boolean,
  drawn: DrawnMocks,
): Promise<{ outcomes: DefectOutcome[] } | undefined> {
  const controlled = live ? undefined : await runControlled(withDefects, work, root, jobs, drawn);
  const clean =
    controlled?.clean ??
    new Map(
      await pool(
        withDefects.map(
          (p) => async () =>
            [p.id, await runSandboxSuite(p, resolve(root, `${p.id}--clean`), undefined, drawn)] as const,
        ),
        jobs,
      ),
    );
  for (const [id, run] of clean) {
    if (run.failedTests.length) {
      console.log(
        `the clean ${id} run failed (${run.failedTests.length} test(s)), so no defect of it can be judged:\n${run.failedTests.map((t) => `  ${t}`).join('\n')}`,
      );
      return undefined;
    }
  }
  const outcomes = await pool(
    work.map(({ p, d }) => async (): Promise<DefectOutcome> => {
      const run =
        controlled?.runs?.get(`${p.id}:${d.name}`) ??
        (await runSandboxSuite(p, resolve(root, `${p.id}--${d.name}`), d.name, drawn, resolve(root, `${p.id}--clean`)));
      const outcome: DefectOutcome = {
        provider: p.id,
        defect: d.name,
        ...judgeDefect(clean.get(p.id)!.verdicts, run.verdicts, defectBreaks(d), defectHides(d)),
        caught: run.failedTests.length > 0 || run.warnedTests.length > 0,
        asWarning: run.failedTests.length === 0 && run.warnedTests.length > 0,
        caughtBy: run.failedTests.length ? run.failedTests : run.warnedTests,
        ...(live && p.controlledOnlyDefects?.[d.name] ? { controlledOnly: p.controlledOnlyDefects[d.name] } : {}),
      };
      printOutcome(outcome, d, run, live);
      return outcome;
    }),
    jobs,
  );
  return { outcomes };
}

/** A defect's lines: caught or escaped, by which tests, and how its matrix differs. */
function printOutcome(outcome: DefectOutcome, d: Defect, run: SuiteRun, live: boolean): void {
  const { breaks, diff } = outcome;
  const label = outcome.controlledOnly
    ? outcome.caught
      ? 'CAUGHT although declared controlled-only'
      : 'CONTROLLED-ONLY'
    : outcome.caught
      ? 'CAUGHT '
      : 'ESCAPED';
  console.log(
    `${label} ${outcome.provider.padEnd(8)} ${d.name.padEnd(32)} breaks ${breaks.join(', ')}${outcome.exact ? '' : `  (matrix differs in ${diff.join('; ') || 'nothing'})`}\n` +
      (outcome.caught
        ? outcome.caughtBy.map((t) => `          by ${t}`).join('\n')
        : `          no test failed: ${d.description}${live ? `\n          live, the checks of ${outcome.breaks.join(', ')}: ${outcome.breaks.map((id) => run.gaps.get(id) ?? 'all ran').join('; ')}` : ''}`) +
      (outcome.controlledOnly
        ? `\n          declared controlled-only: ${outcome.controlledOnly}${outcome.caught ? ' (out of date: a sandbox run caught it)' : ''}`
        : ''),
  );
}

/**
 * The table and the closing counts: caught, failing exactly, unchanged otherwise, matrix as declared,
 * time. Returns whether every judged defect's matrix is as declared (what --strict asks).
 */
function printSummary(outcomes: readonly DefectOutcome[], live: boolean, took: string): boolean {
  const caught = outcomes.filter((o) => o.caught).length;
  // A defect declared controlled-only has no live matrix to judge: it counts as declared when it escapes.
  const judged = outcomes.filter((o) => !o.controlledOnly);
  const failsExactly = judged.filter((o) => o.failsExactly);
  const exact = judged.filter((o) => o.exact).length;
  const asDeclared = judged.filter((o) => o.asDeclared);
  console.log(`\n| provider | defect | rules broken | caught by | matrix differs in |\n|---|---|---|---|---|`);
  for (const o of outcomes) {
    console.log(
      `| ${o.provider} | ${o.defect} | ${o.breaks.join(', ')} | ${o.caught ? `${o.caughtBy.length} test(s), first: ${o.caughtBy[0]}` : '**not caught**'} | ${o.exact ? 'exactly its rules' : o.asDeclared ? `its rules; not run as declared: ${o.hides.join(', ')}` : o.diff.join('; ')} |`,
    );
  }
  console.log(
    `\ncaught ${caught} of ${outcomes.length} defects (${outcomes.filter((o) => o.asWarning).length} as warnings)`,
  );
  if (live) {
    const declared = outcomes.filter((o) => o.controlledOnly);
    console.log(
      `live as declared ${outcomes.filter(asExpected).length} of ${outcomes.length} defects (every defect caught but the ${declared.length} declared controlled-only, which escape: ${declared.map((o) => `${o.provider} ${o.defect}`).join(', ') || 'none'})`,
    );
  }
  console.log(
    `failing exactly ${failsExactly.length} of ${judged.length} defects (the requirements that fail are exactly the ones each defect breaks)`,
  );
  console.log(
    `unchanged otherwise ${exact} of ${judged.length} defects (the others also leave requirements unverifiable: pass → not run)`,
  );
  const hiders = outcomes.filter((o) => o.hides.length);
  console.log(
    `matrix as declared ${asDeclared.length} of ${judged.length} defects (each differs from the clean matrix in exactly the requirements it breaks, now failing, ` +
      `and in those it declares it leaves with nothing to observe, now not run: ${hiders.map((o) => `${o.provider} ${o.defect} hides ${o.hides.join(', ')}`).join('; ') || 'none'})`,
  );
  console.log(`time: ${outcomes.length} defects and their clean runs in ${took}`);
  // Repeated last, so that a CI log cut to its tail still names them.
  for (const o of judged.filter((x) => !x.asDeclared)) {
    console.log(
      `NOT EXACT ${o.provider} ${o.defect}: breaks ${o.breaks.join(', ')}; matrix differs in ${o.diff.join('; ') || 'nothing'}; failing tests: ${o.caughtBy.join(' | ') || 'none'}`,
    );
  }
  return asDeclared.length === judged.length;
}

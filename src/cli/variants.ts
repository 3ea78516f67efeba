// The mirror of `defects`: runs a provider's suite against each variant of its mock, without
// /__mock/ control and reached only through the variables a vendor would set (as a vendor's
// sandbox is), with the profile the variant declares. A variant is a choice within the documents,
// so the harness must judge it conformant: with a declared profile exactly `conformant`; without
// one, `conformant` or `conformant with warnings` (a departure from a default warns, never fails).
// `--generated <n>` and `--draw <seed>` judge draws of the free choices instead (src/core/choices.ts):
// each with the profile that states it, so exactly `conformant`. Every implementation is a file of
// one Playwright run (a variant batch, src/core/defect-batch.ts): the run's start-up is paid once.
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { conclude, readMatrix, type MatrixFile } from '../core/matrix.ts';
import { checkFailure, findingNote } from '../core/findings.ts';
import type { Variant } from '../core/variants.ts';
import { drawOf, freshSeed, generatedSeeds, type Draw } from '../core/choices.ts';
import { defectRunDir, writeVariantBatchFiles } from '../core/defect-batch.ts';
import { catalogue } from '../catalogue.ts';
import { withSettings } from '../core/settings.ts';
import type { ProviderCatalogue } from '../providers/types.ts';
import { runPlaywright } from './playwright.ts';
import { parse, providerOrUsageError, seedOrUsageError, UsageError } from './usage.ts';

export interface VariantOutcome {
  provider: string;
  variant: string;
  verdict: string;
  right: boolean;
  /** What the run said against it: failing requirements, or the warnings. */
  notes: string[];
}

/**
 * One implementation to judge: a hand-written variant (`--variant`, the profile it declares) or a
 * draw of the free choices (`--choices <seed>`, the profile that states it). A draw states every
 * choice a profile option covers, so it must be exactly `conformant`; a variant without a profile may warn.
 */
export interface Job {
  p: ProviderCatalogue;
  name: string;
  /** Its file and matrix folder in the batch. */
  key: string;
  description: string;
  variants: string[];
  profile?: Record<string, unknown>;
  exact: boolean;
  draw?: Draw;
}

/** What a job's matrix says of it (none written: the run did not get to it). */
function judge(job: Job, m: MatrixFile | undefined, code: number, runFailed: boolean): VariantOutcome {
  const base = { provider: job.p.id, variant: job.name };
  if (!m) return { ...base, verdict: 'no matrix written', right: false, notes: [`playwright exit ${code}`] };
  const c = runFailed ? conclude(m, true) : m.conclusion;
  const rows = m.providers.flatMap((x) => x.requirements);
  const notes = [
    ...rows
      .filter((r) => r.verdict === 'fail')
      .map((r) => `FAIL ${r.id}: ${checkFailure(r.tests.find((t) => t.status === 'fail') ?? {})}`),
    ...rows
      .filter((r) => r.verdict === 'warn')
      .map((r) => `warn ${r.id}: ${r.warnings[0] ? findingNote(r.warnings[0]) : ''}`),
    ...m.unmapped.map((t) => `unmapped test: ${t}`),
  ];
  const right = job.exact ? c.verdict === 'conformant' : c.verdict !== 'not-conformant';
  return { ...base, verdict: c.text, right, notes };
}

/** Every job in one Playwright run of `workers` workers; each job's outcome from its matrix. */
export async function runBatch(work: readonly Job[], root: string, workers: number): Promise<VariantOutcome[]> {
  rmSync(root, { recursive: true, force: true });
  const batch = new Map<string, Job[]>();
  for (const j of work) batch.set(j.p.id, [...(batch.get(j.p.id) ?? []), j]);
  writeVariantBatchFiles(root, batch);
  const { code } = await runPlaywright({
    args: ['--workers', String(workers)],
    env: withSettings({
      outputDir: root,
      console: 'dot',
      defectBatch: Object.fromEntries([...batch].map(([id, jobs]) => [id, jobs.map((j) => j.key)])),
      variantBatch: true,
    }),
    inherit: false,
  });
  const matrices = work.map((job) => {
    const file = resolve(defectRunDir(root, job.p.id, job.key), 'conformance.json');
    return readMatrix(file);
  });
  // A run that failed with no check failing anywhere (a file that did not load, a reporter's
  // error) failed for a reason no matrix shows: no implementation of it is judged conformant.
  const runFailed = code !== 0 && matrices.every((m) => !m || m.tests.failed === 0);
  return work.map((job, i) => judge(job, matrices[i], code, runFailed));
}

const keyOf = (name: string): string => name.replace(/\W+/g, '-');

export const variantJob = (p: ProviderCatalogue, v: Variant): Job => ({
  p,
  name: v.name,
  key: keyOf(v.name),
  description: v.description,
  variants: [v.name],
  ...(v.profile ? { profile: v.profile } : {}),
  exact: v.profile !== undefined,
});

const drawJob = (p: ProviderCatalogue, seed: string): Job => {
  const draw = drawOf(p, seed);
  const departs = Object.entries(draw.picks).filter(
    ([c, v]) => p.choices.find((x) => x.name === c)?.options[0].value !== v,
  );
  return {
    p,
    name: `draw ${seed}`,
    key: keyOf(`draw ${seed}`),
    description: departs.map(([c, v]) => `${c}=${v}`).join(', ') || 'the reference mock',
    variants: draw.variants,
    profile: draw.profile,
    exact: true,
    draw,
  };
};

export async function variantsCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      output: { type: 'string' },
      list: { type: 'boolean' },
      choices: { type: 'boolean' },
      jobs: { type: 'string' },
      only: { type: 'string' },
      generated: { type: 'string' },
      seed: { type: 'string' },
      draw: { type: 'string', multiple: true },
    },
    true,
  );
  positionals.forEach(providerOrUsageError);
  // Workers of the one run: beyond the cores, a worker that waits out a real-time expiry (Enfuce's
  // 31 s on a target without control) leaves its core to the others.
  const jobs = values.jobs === undefined ? 4 : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1)
    throw new UsageError(`--jobs wants a whole number of 1 or more, not "${values.jobs}"`);
  const generated = values.generated === undefined ? undefined : Number(values.generated);
  if (generated !== undefined && (!Number.isInteger(generated) || generated < 1 || generated > 1000))
    throw new UsageError(`--generated wants a whole number of draws per provider (1-1000), not "${values.generated}"`);
  if (values.seed !== undefined) seedOrUsageError('--seed', values.seed);
  for (const s of values.draw ?? []) seedOrUsageError('--draw', s);
  if (values.seed !== undefined && generated === undefined) throw new UsageError('--seed goes with --generated <n>');
  const providers = catalogue.filter(
    (p) => positionals.length === 0 || positionals.includes(p.id),
  ) as ProviderCatalogue[];
  if (values.choices) {
    for (const p of providers) printChoices(p);
    return 0;
  }
  const only = values.only?.split(',').map((s) => s.trim());
  const seed = values.seed ?? freshSeed();
  let work: Job[] =
    generated !== undefined || values.draw
      ? providers.flatMap((p) => [
          ...(values.draw ?? []).map((d) => drawJob(p, d)),
          ...(generated !== undefined ? generatedSeeds(seed, generated).map((s) => drawJob(p, s)) : []),
        ])
      : providers.flatMap((p) => p.variants.filter((v) => !only || only.includes(v.name)).map((v) => variantJob(p, v)));
  // A seed given twice is one implementation, judged once.
  work = work.filter((j, i) => work.findIndex((k) => k.p === j.p && k.key === j.key) === i);
  if (values.list) {
    for (const j of work)
      console.log(`${j.p.id}\t${j.name}\t${j.description}${j.profile ? `\tprofile ${JSON.stringify(j.profile)}` : ''}`);
    return 0;
  }
  if (work.length === 0) throw new UsageError('no variant matches');
  if (generated !== undefined)
    console.log(
      `generated draws: ${generated} per provider from seed ${seed} (replay: --generated ${generated} --seed ${seed})`,
    );
  const root = resolve(values.output ?? 'reports/variants');
  const started = Date.now();
  const outcomes = await runBatch(work, root, jobs);
  for (const [i, o] of outcomes.entries()) {
    const job = work[i]!;
    console.log(
      `${o.right ? 'RIGHT' : 'WRONG'} ${job.p.id.padEnd(8)} ${job.name.padEnd(24)} ${o.verdict}${job.draw ? `  (${job.description})` : job.profile ? `  (profile ${JSON.stringify(job.profile)})` : ''}`,
    );
    for (const n of o.notes.slice(0, 8)) console.log(`        ${n}`);
    if (!o.right && job.draw)
      console.log(
        `        replay: card-reveal-harness variants ${job.p.id} --draw ${job.draw.seed}  (the mock alone: card-reveal-harness mock ${job.p.id} --choices ${job.draw.seed})`,
      );
  }
  const right = outcomes.filter((o) => o.right).length;
  for (const o of outcomes.filter((x) => !x.right))
    console.log(`JUDGED WRONG ${o.provider} ${o.variant}: ${o.verdict}; ${o.notes.join(' | ')}`);
  const what = generated !== undefined || values.draw ? 'draws' : 'variants';
  console.log(`judged right ${right} of ${outcomes.length} ${what} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return right === outcomes.length ? 0 : 1;
}

/** A provider's free choices, as `variants --choices` prints them. */
function printChoices(p: ProviderCatalogue): void {
  console.log(`${p.id}: ${p.choices.length} free choices (the first option is the reference mock's)`);
  for (const c of p.choices) {
    console.log(`  ${c.name}${c.profileOption ? `  [profile option ${c.profileOption}]` : '  [free: warns nothing]'}`);
    console.log(`    why: ${c.why}`);
    for (const o of c.options)
      console.log(`    - ${o.value}${o.variants?.length ? `  (variant ${o.variants.join(', ')})` : ''}`);
  }
}

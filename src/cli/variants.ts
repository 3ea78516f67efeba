// The mirror of `defects`: runs a provider's suite against each variant of its mock, started as a
// process without /__mock/ control (as a vendor's sandbox is), with the variables a vendor would
// set and the profile the variant declares. A variant is a choice within the documents, so the
// harness must judge it conformant: with a declared profile exactly `conformant`; without one,
// `conformant` or `conformant with warnings` (a departure from a default warns, never fails).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { profileEnvVar } from '../core/profile.ts';
import { conclude, type Matrix } from '../core/matrix.ts';
import { startSandbox } from '../core/mock-process.ts';
import type { Variant } from '../core/variants.ts';
import { catalogue } from '../catalogue.ts';
import { withSettings } from '../core/settings.ts';
import type { ProviderCatalogue } from '../providers/types.ts';
import { runPlaywright } from './playwright.ts';
import { pool } from './pool.ts';
import { parse, providerOrUsageError, UsageError } from './usage.ts';

export interface VariantOutcome {
  provider: string;
  variant: string;
  verdict: string;
  right: boolean;
  /** What the run said against it: failing requirements, or the warnings. */
  notes: string[];
}

async function runVariant(p: ProviderCatalogue, v: Variant, dir: string): Promise<VariantOutcome> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const mock = await startSandbox(p.id, resolve(dir, 'vendor-env.json'), ['--variant', v.name]);
  try {
    const env = { ...mock.env };
    if (v.profile) {
      const profileFile = resolve(dir, 'profile.json');
      writeFileSync(profileFile, JSON.stringify(v.profile));
      env[profileEnvVar(p)] = profileFile;
    }
    const output = resolve(dir, 'reports');
    const { code } = await runPlaywright({
      args: ['--workers', '1'],
      env: { ...env, ...withSettings({ providers: [p.id], outputDir: output, console: 'dot' }) },
      inherit: false,
    });
    const file = resolve(output, 'conformance.json');
    if (!existsSync(file))
      return {
        provider: p.id,
        variant: v.name,
        verdict: 'no matrix written',
        right: false,
        notes: [`playwright exit ${code}`],
      };
    const m = JSON.parse(readFileSync(file, 'utf8')) as Matrix;
    const c = conclude(m, code !== 0 && m.tests.failed === 0);
    const rows = m.providers.flatMap((x) => x.requirements);
    const notes = [
      ...rows
        .filter((r) => r.verdict === 'fail')
        .map((r) => `FAIL ${r.id}: ${r.tests.find((t) => t.status === 'fail')?.error?.split('\n')[0] ?? ''}`),
      ...rows.filter((r) => r.verdict === 'warn').map((r) => `warn ${r.id}: ${r.warnings[0] ?? ''}`),
      ...m.unmapped.map((t) => `unmapped test: ${t}`),
    ];
    const right = v.profile ? c.verdict === 'conformant' : c.verdict !== 'not-conformant';
    return { provider: p.id, variant: v.name, verdict: c.line.replace(/^VERDICT: /, ''), right, notes };
  } finally {
    await mock.stop();
  }
}

export async function variantsCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(
    args,
    { output: { type: 'string' }, list: { type: 'boolean' }, jobs: { type: 'string' }, only: { type: 'string' } },
    true,
  );
  positionals.forEach(providerOrUsageError);
  const jobs = values.jobs === undefined ? 2 : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1)
    throw new UsageError(`--jobs wants a whole number of 1 or more, not "${values.jobs}"`);
  const only = values.only?.split(',').map((s) => s.trim());
  const work = catalogue
    .filter((p) => positionals.length === 0 || positionals.includes(p.id))
    .flatMap((p) =>
      p.variants
        .filter((v) => !only || only.includes(v.name))
        .map((v) => ({ p: p as ProviderCatalogue, v: v as Variant })),
    );
  if (values.list) {
    for (const { p, v } of work)
      console.log(`${p.id}\t${v.name}\t${v.description}${v.profile ? `\tprofile ${JSON.stringify(v.profile)}` : ''}`);
    return 0;
  }
  if (work.length === 0) throw new UsageError('no variant matches');
  const root = resolve(values.output ?? 'reports/variants');
  const outcomes = await pool(
    work.map(({ p, v }) => async () => {
      const o = await runVariant(p, v, resolve(root, `${p.id}--${v.name}`)).catch((e: unknown): VariantOutcome => ({
        provider: p.id,
        variant: v.name,
        verdict: 'not run',
        right: false,
        notes: [(e as Error).message],
      }));
      console.log(
        `${o.right ? 'RIGHT' : 'WRONG'} ${p.id.padEnd(8)} ${v.name.padEnd(24)} ${o.verdict}${v.profile ? `  (profile ${JSON.stringify(v.profile)})` : ''}`,
      );
      for (const n of o.notes.slice(0, 8)) console.log(`        ${n}`);
      return o;
    }),
    jobs,
  );
  const right = outcomes.filter((o) => o.right).length;
  for (const o of outcomes.filter((x) => !x.right))
    console.log(`JUDGED WRONG ${o.provider} ${o.variant}: ${o.verdict}; ${o.notes.join(' | ')}`);
  console.log(`judged right ${right} of ${outcomes.length} variants`);
  return right === outcomes.length ? 0 : 1;
}

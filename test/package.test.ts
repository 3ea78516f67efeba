// The harness as a team adds it to its own pipeline: `npm pack` of this checkout, `npm i -D` of the
// tarball in a fresh repository, then `npx card-reveal-harness run --provider <p> --target <url>`
// from that repository against each provider's mock started as a sandbox, as a vendor runs it.
// Each run must be conformant with every requirement fully checked (pass or warn, none of its
// checks skipped) but those the provider declares need control of the server's clock or state by
// nature (`liveExceptions` in src/providers/<id>/catalogue.ts, each with why), with its reports in
// that repository's ./reports, and no card data in them or in its output. test/network.test.ts
// holds the same claim behind TLS, a proxy, a rate limit and a lossy link. The package holds only
// JavaScript that runs, and nothing in it points to files outside it. Then README's CI recipes
// (GitHub Actions, GitLab CI) run as written in that repository (test/ci-recipes.ts): the gate
// passes a correct sandbox and fails one with a defect, and publishes JUnit and Allure.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { catalogue } from '../src/catalogue.ts';
import { scanForCardData } from '../src/core/leak-scan.ts';
import type { Matrix } from '../src/core/matrix.ts';
import { startSandbox } from '../src/core/mock-process.ts';
import { missingPublished, recipe, runGithubJob, runGitlabJob, stepCode, type JobResult } from './ci-recipes.ts';
import { notFullyChecked, root, runProcess, seededCards } from './helpers.ts';

/** A command in `cwd`: its exit code and all it printed. */
const sh = async (command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, timeoutMs = 300_000) => {
  const r = await runProcess(command, args, { cwd, env, timeoutMs });
  return { code: r.code, out: r.stdout + r.stderr };
};

/** Every file below `dir`. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

const dir = join(root, 'reports/selftest/package');
/** What the copy of the checkout that is packed leaves out: what is made, installed or reported here. */
const UNPACKED = new Set(['.git', 'node_modules', '.build', 'reports', 'allure-report']);
const repo = join(dir, 'team-service');
const pkg = join(repo, 'node_modules', 'card-reveal-harness');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** What a job printed, for a failure's message. */
const printed = (job: JobResult) =>
  job.steps.map((s) => `--- ${s.name} (${s.code ?? 'no shell'})\n${s.output.slice(-1500)}`).join('\n');

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(8 * 60_000);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(repo, { recursive: true });
  // Packed from a copy of the checkout: `prepack` rebuilds .build/, which the CLI runs from, and the
  // other worker's tests run the CLI meanwhile (a rebuild in place made one of them fail to load).
  const source = join(dir, 'checkout');
  for (const entry of readdirSync(root).filter((e) => !UNPACKED.has(e)))
    cpSync(join(root, entry), join(source, entry), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(source, 'node_modules'), 'dir');
  const packed = await sh('npm', ['pack', '--pack-destination', dir, '--loglevel=error'], source, {}, 180_000);
  expect(packed.code, packed.out.slice(-2000)).toBe(0);
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  expect(tarball, packed.out.slice(-1000)).toBeDefined();
  writeFileSync(
    join(repo, 'package.json'),
    `${JSON.stringify({ name: 'team-service', private: true, version: '1.0.0' }, null, 2)}\n`,
  );
  // As README says: the team adds the tarball once (package.json and its lock are then committed).
  const installed = await sh(
    'npm',
    ['i', '-D', join(dir, tarball!), '--no-audit', '--no-fund', '--loglevel=error'],
    repo,
    {},
    300_000,
  );
  expect(installed.code, installed.out.slice(-2000)).toBe(0);
});

test('the package holds only JavaScript that runs, and names nothing outside it', () => {
  for (const absent of ['test', 'docs', 'scripts', '.ci'])
    expect(existsSync(join(pkg, absent)), `${absent}/ in the package`).toBe(false);
  // Nothing inside node_modules needs a TypeScript loader, and none is installed with it.
  expect(
    filesBelow(pkg)
      .filter((f) => /\.[cm]?ts$/.test(f))
      .map((f) => f.slice(pkg.length + 1)),
    'TypeScript in the package',
  ).toEqual([]);
  expect(existsSync(join(repo, 'node_modules', 'tsx')), 'tsx installed with the package').toBe(false);
  const pointing = filesBelow(pkg).filter(
    (f) => statSync(f).size < 2_000_000 && readFileSync(f, 'utf8').includes('shared/'),
  );
  expect(
    pointing.map((f) => f.slice(pkg.length + 1)),
    'files that name shared/',
  ).toEqual([]);
});

test('installed in another repository, the harness judges every provider as from the checkout', async () => {
  test.setTimeout(10 * 60_000);
  for (const p of catalogue) {
    const mock = await startSandbox(p.id, join(dir, `${p.id}.vendor-env.json`));
    try {
      const { [p.env.baseUrl]: url, ...vendor } = mock.env;
      const r = await sh(
        'npx',
        ['card-reveal-harness', 'run', '--provider', p.id, '--target', url!],
        repo,
        vendor,
        6 * 60_000,
      );
      expect(r.code, `${p.id}: ${r.out.slice(-2500)}`).toBe(0);
      expect(r.out).toContain('VERDICT: conformant');
      expect(r.out, 'no tool prose by default').not.toMatch(/has status code/);
      // The reports are the calling repository's.
      const m = JSON.parse(readFileSync(join(repo, 'reports', 'conformance.json'), 'utf8')) as Matrix;
      expect(m.providers.map((x) => x.id)).toEqual([p.id]);
      const all = m.providers[0]!.requirements.length;
      const notFull = notFullyChecked(m);
      console.log(`${p.id}: ${all - notFull.length} of ${all} requirements fully checked live`);
      // Both ways: nothing short of a full check but what is declared, and nothing declared that is in fact checked fully.
      expect(notFull, `${p.id}: requirements not fully checked live`).toEqual(Object.keys(p.liveExceptions).sort());
      expect(existsSync(join(repo, 'reports', 'junit.xml'))).toBe(true);
      // The run's reports (not the vendor's variables) hold no card data, nor does its output.
      expect(scanForCardData([join(repo, 'reports')], seededCards).leaks, 'card data in the reports').toEqual([]);
      for (const c of seededCards) expect(r.out.includes(c.pan), 'a seeded PAN in the output').toBe(false);
    } finally {
      await mock.stop();
    }
  }
});

/** The variables a recipe names, from a sandbox's (what a vendor keeps in the CI's secret store). */
const store = (env: Record<string, string>) => ({
  EXA_BASE_URL: env.EXA_BASE_URL!,
  EXA_PUBLIC_KEY: env.EXA_PUBLIC_KEY!,
  EXA_TOKEN: env.EXA_TOKEN!,
});

test("README's GitHub Actions job, run as written, passes a correct sandbox and publishes JUnit and Allure", async () => {
  test.setTimeout(8 * 60_000);
  rmSync(join(repo, 'reports'), { recursive: true, force: true });
  const mock = await startSandbox('exa', join(dir, 'exa.github.env.json'));
  try {
    const job = await runGithubJob(recipe(readme, '**GitHub Actions**'), repo, store(mock.env));
    expect(job.failed, printed(job)).toBe(false);
    expect(stepCode(job, 'Conformance')).toBe(0);
    expect(job.steps.find((s) => s.name.startsWith('Conformance'))!.output).toContain('VERDICT: conformant');
    expect(missingPublished(job, repo), 'published paths that the job did not write').toEqual([]);
    expect(readFileSync(join(repo, 'reports/junit.xml'), 'utf8')).toMatch(/<testsuites[^>]* failures="0"/);
    expect(existsSync(join(repo, 'reports/allure-report/index.html'))).toBe(true);
  } finally {
    await mock.stop();
  }
});

test("README's GitLab CI job, run as written, fails a sandbox with a defect: exit 1, the failure in JUnit, no card data", async () => {
  test.setTimeout(8 * 60_000);
  rmSync(join(repo, 'reports'), { recursive: true, force: true });
  // GitLab restores the job's cache (.npm/ in the project): here, the npm cache this machine has.
  const cache = spawnSync('npm', ['config', 'get', 'cache'], { encoding: 'utf8' }).stdout.trim();
  rmSync(join(repo, '.npm'), { recursive: true, force: true });
  symlinkSync(cache, join(repo, '.npm'));
  const mock = await startSandbox('exa', join(dir, 'exa.gitlab.env.json'), ['--defect', 'cvc-in-clear']);
  try {
    const job = await runGitlabJob(recipe(readme, '**GitLab CI**'), repo, store(mock.env));
    expect(job.failed, printed(job)).toBe(true);
    expect(stepCode(job, 'script'), printed(job)).toBe(1);
    expect(job.steps[0]!.output).toContain('VERDICT: NOT conformant');
    expect(stepCode(job, 'after_script'), printed(job)).toBe(0);
    expect(missingPublished(job, repo), 'published paths that the job did not write').toEqual([]);
    expect(readFileSync(join(repo, 'reports/junit.xml'), 'utf8')).toMatch(/EXA-NO-CLEAR-CARD-DATA/);
    expect(readFileSync(join(repo, 'reports/conformance.md'), 'utf8')).toMatch(/EXA-NO-CLEAR-CARD-DATA[^\n]*FAIL/);
    expect(scanForCardData([join(repo, 'reports')], seededCards).leaks).toEqual([]);
  } finally {
    await mock.stop();
  }
});

// The harness as a team adds it to its own pipeline: `npm pack` of this checkout, `npm i -D` of the
// tarball in a fresh repository, then `npx card-reveal-harness run --provider <p> --target <url>`
// from that repository against each provider's mock started as a sandbox. Each run must be judged
// as from the checkout (test/live.test.ts: conformant, every requirement fully checked but the
// declared live exceptions), with its reports in that repository's ./reports. The package holds only
// what runs, and nothing in it points to files outside it.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { catalogue } from '../src/catalogue.ts';
import type { Matrix } from '../src/core/matrix.ts';
import { startSandbox } from '../src/core/mock-process.ts';
import { root, runProcess } from './helpers.ts';

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

test('installed from its tarball in another repository, the harness judges every provider as from the checkout', async () => {
  test.setTimeout(12 * 60_000);
  const dir = join(root, 'reports/selftest/package');
  rmSync(dir, { recursive: true, force: true });
  const repo = join(dir, 'team-service');
  mkdirSync(repo, { recursive: true });
  const packed = await sh('npm', ['pack', '--pack-destination', dir, '--loglevel=error'], root, {}, 180_000);
  expect(packed.code, packed.out.slice(-2000)).toBe(0);
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  expect(tarball, packed.out.slice(-1000)).toBeDefined();
  writeFileSync(join(repo, 'package.json'), `${JSON.stringify({ name: 'team-service', private: true, version: '1.0.0' }, null, 2)}\n`);
  const installed = await sh('npm', ['i', '-D', join(dir, tarball!), '--no-audit', '--no-fund', '--loglevel=error'], repo, {}, 300_000);
  expect(installed.code, installed.out.slice(-2000)).toBe(0);

  // Only what runs, and no path outside the package.
  const pkg = join(repo, 'node_modules', 'card-reveal-harness');
  for (const absent of ['test', 'docs', 'scripts', '.ci']) expect(existsSync(join(pkg, absent)), `${absent}/ in the package`).toBe(false);
  const pointing = filesBelow(pkg).filter((f) => statSync(f).size < 2_000_000 && readFileSync(f, 'utf8').includes('shared/'));
  expect(pointing.map((f) => f.slice(pkg.length + 1)), 'files that name shared/').toEqual([]);

  for (const p of catalogue) {
    const mock = await startSandbox(p.id, join(dir, `${p.id}.vendor-env.json`));
    try {
      const { [p.env.baseUrl]: url, ...vendor } = mock.env;
      const r = await sh('npx', ['card-reveal-harness', 'run', '--provider', p.id, '--target', url!], repo, vendor, 6 * 60_000);
      expect(r.code, `${p.id}: ${r.out.slice(-2500)}`).toBe(0);
      expect(r.out).toContain('VERDICT: conformant');
      expect(r.out, 'no tool prose by default').not.toMatch(/has status code/);
      // The reports are the calling repository's.
      const m = JSON.parse(readFileSync(join(repo, 'reports', 'conformance.json'), 'utf8')) as Matrix;
      expect(m.providers.map((x) => x.id)).toEqual([p.id]);
      const notFull = m.providers[0]!.requirements.filter((x) => !(x.verdict === 'pass' || x.verdict === 'warn') || x.partial).map((x) => x.id);
      expect(notFull.sort(), `${p.id}: requirements not fully checked, as from the checkout`).toEqual(Object.keys(p.liveExceptions).sort());
      expect(existsSync(join(repo, 'reports', 'junit.xml'))).toBe(true);
    } finally {
      await mock.stop();
    }
  }
});

// Shards of one run (--shard 1/2, 2/2 into one --output) merge into one JUnit file and one matrix
// that hold every test of the run, as if it had run unsharded.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Matrix } from '../src/core/matrix.ts';
import { cli, root } from './helpers.ts';

test('two shards merge into one JUnit file and one matrix', async () => {
  test.setTimeout(5 * 60_000);
  const out = join(root, 'reports/selftest/run-shards');
  const whole = join(root, 'reports/selftest/run-unsharded');
  const full = await cli(['run', '--provider', 'cardinal', '--output', whole, '--quiet']);
  expect(full.code, full.stdout.slice(-1500)).toBe(0);
  const counts: number[] = [];
  for (const shard of ['1/2', '2/2']) {
    const r = await cli(['run', '--provider', 'cardinal', '--shard', shard, '--output', out, '--quiet']);
    expect(r.code, r.stdout.slice(-1500)).toBe(0);
    const m = JSON.parse(
      readFileSync(join(out, 'shards', shard.replace('/', '-of-'), 'conformance.json'), 'utf8'),
    ) as Matrix;
    counts.push(m.tests.passed);
  }
  expect(
    counts.every((c) => c > 0),
    'both shards ran tests',
  ).toBe(true);
  const merged = await cli(['merge', '--output', out]);
  expect(merged.code, merged.stdout.slice(-1500)).toBe(0);
  expect(merged.stdout).toContain('VERDICT: conformant');

  const m = JSON.parse(readFileSync(join(out, 'conformance.json'), 'utf8')) as Matrix;
  const unsharded = JSON.parse(readFileSync(join(whole, 'conformance.json'), 'utf8')) as Matrix;
  expect(m.tests.passed, 'tests in the merged matrix').toBe(counts[0]! + counts[1]!);
  expect(m.tests.passed, 'the same tests as an unsharded run').toBe(unsharded.tests.passed);
  const verdicts = (x: Matrix) => x.providers.flatMap((p) => p.requirements.map((r) => `${r.id}=${r.verdict}`));
  expect(verdicts(m)).toEqual(verdicts(unsharded));
  expect(readFileSync(join(out, 'junit.xml'), 'utf8')).toMatch(new RegExp(`<testsuites[^>]*tests="${m.tests.passed}"`));
});

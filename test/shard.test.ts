// Shards of one run (--shard 1/2, 2/2 into one --output) merge into one JUnit file and one matrix
// that hold every test of the run, as if it had run unsharded: against a sandbox, with a profile,
// a departed default, an accepted risk and a failure, merged by a job that has none of the
// sandbox's variables (as a pipeline's merge job), the merged reports name the same target and give
// the same verdicts, counts and exit code as the unsharded run.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Matrix } from '../src/core/matrix.ts';
import { cli, storySandbox } from './helpers.ts';

test('two shards against a sandbox merge, without its variables, into the reports of the unsharded run', async () => {
  test.setTimeout(5 * 60_000);
  const { dir, mock } = await storySandbox('run-shards');
  const out = join(dir, 'sharded');
  const whole = join(dir, 'unsharded');
  try {
    const profile = join(dir, 'exa.profile.json');
    writeFileSync(profile, JSON.stringify({ acceptedRisks: { 'EXA-FRESH-IV': 'sandbox only' } }));
    const env = { ...mock.env, EXA_PROFILE: profile };
    const full = await cli(['run', '--provider', 'exa', '--output', whole, '--quiet'], env);
    expect(full.code, full.stdout.slice(-1500)).toBe(1);
    const counts: number[] = [];
    for (const shard of ['1/2', '2/2']) {
      const r = await cli(['run', '--provider', 'exa', '--shard', shard, '--output', out, '--quiet'], env);
      expect([0, 1], r.stdout.slice(-1500)).toContain(r.code);
      const m = JSON.parse(
        readFileSync(join(out, 'shards', shard.replace('/', '-of-'), 'conformance.json'), 'utf8'),
      ) as Matrix;
      counts.push(m.tests.passed + m.tests.failed);
    }
    expect(
      counts.every((c) => c > 0),
      'both shards ran tests',
    ).toBe(true);
    // The merge job: no EXA_BASE_URL, no EXA_PROFILE.
    const merged = await cli(['merge', '--output', out], { EXA_BASE_URL: '', EXA_PROFILE: '' });
    expect(merged.code, merged.stdout.slice(-1500)).toBe(full.code);

    const m = JSON.parse(readFileSync(join(out, 'conformance.json'), 'utf8')) as Matrix;
    const unsharded = JSON.parse(readFileSync(join(whole, 'conformance.json'), 'utf8')) as Matrix;
    expect(m.tests.passed + m.tests.failed, 'tests in the merged matrix').toBe(counts[0]! + counts[1]!);
    expect(m.tests, 'the same tests as an unsharded run').toEqual(unsharded.tests);
    const p = m.providers[0]!;
    const u = unsharded.providers[0]!;
    expect(p.target, 'the target the shards ran against').toBe(mock.env.EXA_BASE_URL);
    expect(p.target).toBe(u.target);
    expect(p.profile).toEqual(u.profile);
    expect(p.acceptedRisks).toEqual({ 'EXA-FRESH-IV': 'sandbox only' });
    expect(p.counts).toEqual(u.counts);
    const verdicts = (x: Matrix) => x.providers.flatMap((q) => q.requirements.map((r) => `${r.id}=${r.verdict}`));
    expect(verdicts(m)).toEqual(verdicts(unsharded));
    expect(verdicts(m)).toEqual(
      expect.arrayContaining(['EXA-ERRORS=fail', 'EXA-FRESH-IV=accepted', 'EXA-PROFILE=warn']),
    );
    // The closing lines say it too.
    expect(merged.stdout).toContain(`(target: ${mock.env.EXA_BASE_URL})`);
    const verdictLine = (s: string) => /VERDICT: .*/.exec(s)?.[0];
    expect(verdictLine(merged.stdout)).toBe(verdictLine(full.stdout));
    expect(readFileSync(join(out, 'junit.xml'), 'utf8')).toMatch(
      new RegExp(`<testsuites[^>]*tests="${m.tests.passed + m.tests.failed + m.tests.skipped}"`),
    );
    expect(readFileSync(join(out, 'junit-requirements.xml'), 'utf8')).toContain(
      `exa requirements (target: ${mock.env.EXA_BASE_URL})`,
    );
  } finally {
    await mock.stop();
  }
});

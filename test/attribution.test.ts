// Findings land on their own rule, with their own level: a mock that departs from a default on one
// rule (Exa's limit.frequency, EXA-PROFILE: a warning) and breaks a standard's rule on another (IVs
// reused under one key, EXA-FRESH-IV, NIST SP 800-38D: a failure) gives one finding to each, and
// nothing to any other rule. The same run with the risk accepted by name reads ACCEPTED RISK with
// its reason in every report and passes; --strict fails it again.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFailure, findingNote } from '../src/core/findings.ts';
import { expect, test } from '@playwright/test';
import type { Matrix } from '../src/core/matrix.ts';
import { cli, storySandbox } from './helpers.ts';

test('a default departed from and a defect on another rule: each lands on its own rule; an accepted risk reads so everywhere', async () => {
  test.setTimeout(8 * 60_000);
  const { dir, mock } = await storySandbox('attribution', 'only warning and failure');
  try {
    const run = async (name: string, profile?: object, extra: string[] = []) => {
      const env: NodeJS.ProcessEnv = { ...mock.env };
      if (profile) {
        env.EXA_PROFILE = join(dir, `${name}.profile.json`);
        writeFileSync(env.EXA_PROFILE, JSON.stringify(profile));
      }
      const output = join(dir, name);
      const r = await cli(['run', '--provider', 'exa', '--quiet', '--output', output, ...extra], env, 6 * 60_000);
      const m = JSON.parse(readFileSync(join(output, 'conformance.json'), 'utf8')) as Matrix;
      const rows = Object.fromEntries(m.providers[0]!.requirements.map((x) => [x.id, x]));
      return { r, rows, junit: readFileSync(join(output, 'junit-requirements.xml'), 'utf8') };
    };

    const plain = await run('plain');
    expect(plain.r.code, plain.r.stdout.slice(-2000)).toBe(1);
    expect(plain.rows['EXA-FRESH-IV']!.verdict).toBe('fail');
    expect(checkFailure(plain.rows['EXA-FRESH-IV']!.tests.find((t) => t.status === 'fail')!)).toContain(
      '[EXA-FRESH-IV] distinct IVs',
    );
    expect(plain.rows['EXA-PROFILE']!.verdict).toBe('warn');
    expect(plain.rows['EXA-PROFILE']!.warnings.map(findingNote).join(' ')).toMatch(
      /limit\.frequency.*perMonth.*limitFrequencies/,
    );
    const others = Object.values(plain.rows).filter((x) => x.id !== 'EXA-FRESH-IV' && x.id !== 'EXA-PROFILE');
    expect(others.filter((x) => x.verdict !== 'pass').map((x) => `${x.id}: ${x.verdict}`)).toEqual([]);
    expect(plain.r.stdout).toMatch(/FAIL EXA-FRESH-IV: \[EXA-FRESH-IV\] distinct IVs/);
    expect(plain.r.stdout).toMatch(/WARN EXA-PROFILE: .*limitFrequencies/);
    expect(plain.r.stdout).toContain('VERDICT: NOT conformant (1 requirement(s) failing)');

    const reason = 'every IV is 16 random bytes from our HSM; replay accepted in the sandbox only';
    const accepted = await run('accepted', { acceptedRisks: { 'EXA-FRESH-IV': reason } });
    expect(accepted.r.code, accepted.r.stdout.slice(-2000)).toBe(0);
    expect(accepted.rows['EXA-FRESH-IV']!.verdict).toBe('accepted');
    expect(accepted.rows['EXA-FRESH-IV']!.accepted[0]!.reason).toBe(reason);
    expect(accepted.rows['EXA-PROFILE']!.verdict).toBe('warn');
    expect(accepted.r.stdout).toContain(`ACCEPTED RISK EXA-FRESH-IV: distinct IVs`);
    expect(accepted.r.stdout).toContain(
      `VERDICT: conformant with 1 warning (defaults of the harness the target departs from; --strict fails them) (ACCEPTED RISK by the profile: EXA-FRESH-IV (${reason}); --strict fails it)`,
    );
    expect(accepted.junit).toContain('name="accepted-risk"');
    expect(accepted.junit).toContain(`ACCEPTED RISK: distinct IVs`);
    expect(readFileSync(join(dir, 'accepted/conformance.md'), 'utf8')).toMatch(
      /\| EXA-FRESH-IV \| ACCEPTED RISK \| standard \(NIST SP 800-38D/,
    );

    // Only the check of EXA-FRESH-IV, which meets the departure too: under --strict each of the 14
    // checks that meet it fails, and Playwright replaces its worker after each (48 CPU-s in all).
    const strict = await run('strict', { acceptedRisks: { 'EXA-FRESH-IV': reason } }, [
      '--strict',
      '--grep',
      '@EXA-FRESH-IV',
    ]);
    expect(strict.r.code).toBe(1);
    expect(strict.rows['EXA-FRESH-IV']!.verdict).toBe('fail');
    expect(strict.rows['EXA-PROFILE']!.verdict).toBe('fail');

    // A document rule cannot be accepted: refused before any check, exit 2.
    const bad = join(dir, 'bad.profile.json');
    writeFileSync(bad, JSON.stringify({ acceptedRisks: { 'EXA-SESSIONID-RSA-OAEP-SHA1': 'we use SHA-256' } }));
    const refused = await cli(
      ['run', '--provider', 'exa', '--profile', bad, '--output', join(dir, 'bad')],
      mock.env,
      60_000,
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr + refused.stdout).toMatch(
      /EXA-SESSIONID-RSA-OAEP-SHA1, a document rule: only a rule a standard decides can be accepted/,
    );
  } finally {
    await mock.stop();
  }
});

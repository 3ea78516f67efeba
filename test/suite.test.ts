// The whole conformance suite, as a user runs it: green against the embedded mocks, red against
// a mock started with a defect, every report written, and no card data in any artifact.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { scanForCardData } from '../src/core/leak-scan.ts';
import type { Matrix } from '../src/core/matrix.ts';
import { cli, root, seededCards, startMockProcess } from './helpers.ts';
import { providers } from '../src/providers.ts';

test.describe.configure({ timeout: 600_000 });

function expectNoLeaks(dirs: string[]) {
  const scan = scanForCardData(dirs, seededCards);
  expect(scan.filesScanned, 'files scanned').toBeGreaterThan(10);
  expect(scan.leaks, 'card data found in artifacts').toEqual([]);
  expect(scan.opaque, 'artifacts the scan cannot read (traces, screenshots, videos)').toEqual([]);
}

test('against the embedded mocks: conformant, all reports written, no card data anywhere', async () => {
  const out = join(root, 'reports/selftest/run-mocks');
  const r = await cli(['run', '--output', out]);
  expect(r.code, r.stdout.slice(-3000)).toBe(0);
  expect(r.stdout).toContain('VERDICT: conformant');
  expect(r.stdout).toMatch(
    /^requirements: \d+ pass, 0 warn, 0 fail, 0 n\/a, 0 not run · checks: \d+ passed, 0 failed, \d+ skipped$/m,
  );

  const matrix = JSON.parse(readFileSync(join(out, 'conformance.json'), 'utf8')) as Matrix;
  expect(matrix.unmapped, 'tests without a known requirement').toEqual([]);
  for (const p of matrix.providers) {
    for (const req of p.requirements) expect(req.verdict, `${p.id} ${req.id}`).toBe('pass');
  }
  expect(readFileSync(join(out, 'conformance.md'), 'utf8')).toContain('| ENF-TOKEN-TTL-30S | pass |');
  const junit = readFileSync(join(out, 'junit.xml'), 'utf8');
  expect(junit).toMatch(/<testsuites[^>]*failures="0"/);
  // One Allure result per requirement, holding its checks.
  expect(readdirSync(join(out, 'allure-results')).filter((f) => f.endsWith('-result.json')).length).toBe(
    providers.reduce((n, p) => n + Object.keys(p.requirements).length, 0),
  );
  expect(readdirSync(join(out, 'pacts'))).toContain('card-reveal-app-enfuce.json');

  const report = await cli(['report', '--output', out], {}, 300_000);
  expect(report.code, report.stderr).toBe(0);
  expect(existsSync(join(out, 'allure-report', 'index.html'))).toBe(true);
  const gate = await cli(['gate', '--output', out, '--min-tests', '70'], {}, 120_000);
  expect(gate.code, gate.stdout.slice(-800)).toBe(0);

  // stdout of the run counts as an artifact too.
  const { writeFileSync } = await import('node:fs');
  writeFileSync(join(out, 'stdout.txt'), r.stdout + r.stderr);
  expectNoLeaks([out]);
});

const urlTargetEnv = (url: string) => ({
  ENFUCE_BASE_URL: url,
  ENFUCE_USERNAME: 'harness',
  ENFUCE_PASSWORD: 'harness-sandbox-password',
  ENFUCE_CARD_ID: 'enf-card-active-1',
});

test('against a mock at a URL: conformant when it is clean, not when it has a defect', async () => {
  const clean = await startMockProcess('enfuce');
  // A documented rule broken ("the request will fail if cardId is not valid"): NOT conformant.
  const broken = await startMockProcess('enfuce', ['--defect', 'unknown-card-201']);
  // A default of the harness departed from (the JSON error body: no document says which): a warning naming its option.
  const departs = await startMockProcess('enfuce', ['--variant', 'error-code-message']);
  try {
    const outClean = join(root, 'reports/selftest/run-url-clean');
    const outBroken = join(root, 'reports/selftest/run-url-defect');
    const outWarn = join(root, 'reports/selftest/run-url-warning');
    // Side by side: each run spends most of its time in the real-time token check's 31-s wait.
    const runAt = (out: string, url: string) =>
      cli(['run', '--provider', 'enfuce', '--output', out, '--quiet'], urlTargetEnv(url));
    const [ok, bad, warned] = await Promise.all([
      runAt(outClean, clean.url),
      runAt(outBroken, broken.url),
      runAt(outWarn, departs.url),
    ]);
    expect(ok.code, ok.stdout.slice(-3000)).toBe(0);

    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('VERDICT: NOT conformant');
    const matrix = JSON.parse(readFileSync(join(outBroken, 'conformance.json'), 'utf8')) as Matrix;
    const failing = matrix.providers[0]!.requirements.filter((r) => r.verdict === 'fail').map((r) => r.id);
    expect(failing).toContain('ENF-UNKNOWN-CARD-404');
    expect(readFileSync(join(outBroken, 'junit.xml'), 'utf8')).toMatch(/<failure/);

    expect(warned.code, warned.stdout.slice(-3000)).toBe(0);
    expect(warned.stdout).toMatch(/VERDICT: conformant with \d+ warnings?/);
    expect(warned.stdout).toMatch(/WARN ENF-ERROR-SHAPE: .*state "errorBody" in ENFUCE_PROFILE/);
    const w = JSON.parse(readFileSync(join(outWarn, 'conformance.json'), 'utf8')) as Matrix;
    expect(w.providers[0]!.requirements.find((r) => r.id === 'ENF-ERROR-SHAPE')!.verdict).toBe('warn');
    // JUnit: the check passes, and carries the warning as a property CI systems show.
    const junit = readFileSync(join(outWarn, 'junit.xml'), 'utf8');
    expect(junit).toMatch(/<testsuites[^>]*failures="0"/);
    expect(junit).toMatch(/<property name="warning" value="ENF-ERROR-SHAPE: /);
    expectNoLeaks([outClean, outBroken, outWarn]);
  } finally {
    clean.child.kill('SIGTERM');
    broken.child.kill('SIGTERM');
    departs.child.kill('SIGTERM');
  }
});

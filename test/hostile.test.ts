// Against a target that answers malformed JSON, the wrong content type, 10 MB, a redirect to another
// host, a reset connection or nothing at all, the affected checks fail with a message that says
// so, the run neither crashes nor hangs (exit 1), and every report is written.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Matrix } from '../src/core/matrix.ts';
import { cli, root } from './helpers.ts';
import { startHostileTarget, type HostileBehaviour } from './hostile-target.ts';

const expectedMessage: Record<HostileBehaviour, RegExp> = {
  'malformed-json': /the body is not JSON \(\d+ bytes\)/,
  'wrong-content-type': /content type[\s\S]*text\/html/,
  'huge-body': /response body over \d+ bytes/,
  redirect: /redirected \(HTTP 302\) to another host elsewhere\.invalid; redirects are not followed/,
  reset: /connection failed \(/,
  silent: /no complete answer within 2000 ms/,
};

test.describe.configure({ mode: 'parallel' });

for (const [behaviour, message] of Object.entries(expectedMessage) as [HostileBehaviour, RegExp][]) {
  test(`a target that answers with ${behaviour}: clear failures, the run ends, every report is written`, async () => {
    test.setTimeout(3 * 60_000);
    const hostile = await startHostileTarget(behaviour);
    const out = join(root, `reports/selftest/run-hostile-${behaviour}`);
    try {
      const r = await cli(
        ['run', '--provider', 'plumery', '--grep', 'PIN envelope', '--output', out, '--quiet'],
        { PLUMERY_BASE_URL: hostile.url, PLUMERY_CARD_TOKEN: 'hostile-card', CRH_HTTP_TIMEOUT_MS: '2000' },
        150_000,
      );
      expect(r.code, `exit code (a crash is 2 or a signal)\n${r.stdout.slice(-1500)}\n${r.stderr.slice(-1500)}`).toBe(
        1,
      );
      expect(r.stdout).toContain('VERDICT: NOT conformant');
      expect(hostile.requests(), 'requests the target saw').toBeGreaterThan(0);
      for (const f of ['junit.xml', 'conformance.json', 'conformance.md'])
        expect(existsSync(join(out, f)), f).toBe(true);
      expect(
        readdirSync(join(out, 'allure-results')).some((f) => f.endsWith('-result.json')),
        'Allure results',
      ).toBe(true);
      const matrix = JSON.parse(readFileSync(join(out, 'conformance.json'), 'utf8')) as Matrix;
      const ran = matrix.providers.flatMap((p) => p.requirements).filter((x) => x.verdict !== 'not-run');
      expect(ran.length, 'requirements checked').toBeGreaterThan(0);
      expect(
        ran.filter((x) => x.verdict === 'pass').map((x) => x.id),
        'requirements passed against a hostile target',
      ).toEqual([]);
      const errors = ran.flatMap((x) => x.tests.map((t) => t.error ?? '')).join('\n');
      expect(errors, 'the failure says what the target did').toMatch(message);
      expect(errors, 'no stack traces in the matrix').not.toMatch(/\n\s+at \S+ \(/);
    } finally {
      await hostile.close();
    }
  });
}

test('a target that cannot be reached: one finding, "target unreachable", the requirements not run', async () => {
  test.setTimeout(3 * 60_000);
  // A port nothing listens on: taken, then given back.
  const port = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
  const out = join(root, 'reports/selftest/run-unreachable');
  const r = await cli(
    ['run', '--provider', 'plumery', '--output', out, '--quiet'],
    { PLUMERY_BASE_URL: `http://127.0.0.1:${port}`, PLUMERY_CARD_TOKEN: 'nowhere' },
    150_000,
  );
  expect(r.code, r.stdout.slice(-1500)).toBe(1);
  expect(r.stdout).toMatch(
    /VERDICT: NOT conformant \(target unreachable \(plumery: target unreachable \(ECONNREFUSED\)/,
  );
  const matrix = JSON.parse(readFileSync(join(out, 'conformance.json'), 'utf8')) as Matrix;
  const rows = matrix.providers[0]!.requirements;
  expect(
    rows.filter((x) => x.verdict === 'fail' || x.verdict === 'pass').map((x) => x.id),
    'no requirement judged against nothing',
  ).toEqual([]);
  expect(rows.filter((x) => x.reasons.includes('target unreachable')).length).toBeGreaterThan(5);
});

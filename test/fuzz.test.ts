// Property-based bad input against every mock: a few thousand generated malformed requests per
// provider (the proof run, `npm run fuzz`, sends 10,000 each), and proof that the fuzzer finds a
// mock that answers 5xx, shrinks it, prints it as curl and replays it from the seed.
import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { scanForCardData } from '../src/core/leak-scan.ts';
import { startSandbox } from '../src/core/mock-process.ts';
import { cli, root, seededCards } from './helpers.ts';

// A new seed each run (printed, and set by CRH_FUZZ_SEED to replay); not in a title: every worker must see the same titles.
const seed = Number(process.env.CRH_FUZZ_SEED ?? randomInt(2 ** 31 - 1));
test.beforeEach(() => test.info().annotations.push({ type: 'fuzz seed', description: String(seed) }));

test('no mock answers 5xx, hangs, crashes or leaves its error schema', async () => {
  test.setTimeout(10 * 60_000);
  const out = join(root, 'reports/selftest/fuzz/fuzz.json');
  const r = await cli(['fuzz', '--runs', '2000', '--seed', String(seed), '--output', out]);
  expect(r.stdout, `seed ${seed}\n${r.stdout}${r.stderr}`).toContain(
    'fuzz: 10000 malformed requests, 0 provider(s) failed',
  );
  expect(r.code).toBe(0);
  expect(scanForCardData([out], seededCards).leaks).toEqual([]);
  expect(
    seededCards.filter((c) => (r.stdout + r.stderr).includes(c.pan)).map((c) => c.id),
    'card numbers in the output',
  ).toEqual([]);
});

for (const [provider, defect] of [
  ['enfuce', 'crash-on-bad-input'],
  ['exa', 'crash-on-bad-sessionid'],
  ['plumery', 'missing-header-500'],
  ['solaris', 'bad-enum-500'],
] as const) {
  test(`the fuzzer finds ${provider} --defect ${defect}, shrinks it to curl and replays it`, async () => {
    // 3,000 requests, a shrink and a replay: about 45 s alone, more beside the suite runs of npm test.
    test.setTimeout(4 * 60_000);
    const out = join(root, `reports/selftest/fuzz/${provider}-${defect}.json`);
    const r = await cli([
      'fuzz',
      provider,
      '--defect',
      defect,
      '--runs',
      '3000',
      '--seed',
      String(seed),
      '--output',
      out,
    ]);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toContain('5xx: answered HTTP 500');
    expect(r.stdout).toMatch(/^ {5}curl -sS -i -X [A-Z]+ 'http:\/\/127\.0\.0\.1:\d+\//m);
    expect(scanForCardData([out], seededCards).leaks).toEqual([]);
    expect(
      seededCards.filter((c) => (r.stdout + r.stderr).includes(c.pan)).map((c) => c.id),
      'card numbers in the output',
    ).toEqual([]);
    const replay = /replay: card-reveal-harness (fuzz .+)$/m.exec(r.stdout)![1]!.split(' ');
    const again = await cli([...replay, '--output', out.replace(/\.json$/, '.replay.json')]);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('1 malformed requests');
    expect(again.stdout.match(/mutations: .*/)?.[0]).toBe(r.stdout.match(/mutations: .*/)?.[0]);
  });
}

test('fuzz --target finds a 500 planted in a sandbox, prints it as curl against that sandbox with its secrets masked', async () => {
  test.setTimeout(3 * 60_000);
  const mock = await startSandbox('plumery', join(root, 'reports/selftest/fuzz/plumery.sandbox.env.json'), [
    '--defect',
    'missing-header-500',
  ]);
  try {
    const secret = 'Bearer fuzz-target-secret-1234567890';
    const out = join(root, 'reports/selftest/fuzz/plumery-target.json');
    const r = await cli(
      [
        'fuzz',
        'plumery',
        '--target',
        mock.env.PLUMERY_BASE_URL!,
        '--runs',
        '300',
        '--rate',
        '200',
        '--seed',
        String(seed),
        '--output',
        out,
      ],
      { ...mock.env, PLUMERY_AUTHORIZATION: secret },
    );
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toContain('5xx: answered HTTP 500');
    expect(r.stdout).toContain(`curl -sS -i -X GET '${mock.env.PLUMERY_BASE_URL}/`);
    expect(r.stdout).toContain(`replay: card-reveal-harness fuzz plumery --target ${mock.env.PLUMERY_BASE_URL} --seed`);
    expect(r.stdout + r.stderr + readFileSync(out, 'utf8')).not.toContain('fuzz-target-secret');
    expect(r.stdout).toContain("'authorization: (secret)'");
    expect(scanForCardData([out], seededCards).leaks).toEqual([]);
  } finally {
    await mock.stop();
  }
});

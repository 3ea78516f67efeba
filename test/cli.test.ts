// Bad usage and bad settings stop the CLI with exit code 2 and one clear line, before any test.
import { expect, test } from '@playwright/test';
import { cli, startMockProcess } from './helpers.ts';
import { hasAnsi, stripAnsi } from '../src/core/ansi.ts';

const cases: [string, string[], NodeJS.ProcessEnv, RegExp][] = [
  ['an unknown command', ['frobnicate'], {}, /unknown command "frobnicate"/],
  ['an unknown provider', ['run', '--provider', 'nope'], {}, /unknown provider "nope"/],
  ['an unknown option', ['run', '--bogus'], {}, /bogus/],
  [
    'a malformed base URL',
    ['run', '--provider', 'enfuce'],
    { ENFUCE_BASE_URL: 'not a url' },
    /ENFUCE_BASE_URL is not a valid URL/,
  ],
  [
    'credentials in the URL',
    ['run', '--provider', 'enfuce'],
    { ENFUCE_BASE_URL: 'https://u:p@sandbox.example' },
    /must not carry credentials/,
  ],
  [
    'missing credentials',
    ['run', '--provider', 'enfuce'],
    { ENFUCE_BASE_URL: 'https://sandbox.example' },
    /ENFUCE_USERNAME, ENFUCE_PASSWORD, ENFUCE_CARD_ID must be set/,
  ],
  ['a bad shard', ['run', '--shard', 'two'], {}, /--shard takes/],
  ['a mock of an unknown defect', ['mock', 'enfuce', '--defect', 'nope'], {}, /unknown defect "nope"/],
  [
    'a malformed --target',
    ['run', '--provider', 'exa', '--target', 'ftp://x'],
    { EXA_TOKEN: 't', EXA_PUBLIC_KEY: 'k' },
    /EXA_BASE_URL must be an http or https URL/,
  ],
  ['--target without one provider', ['run', '--target', 'http://127.0.0.1:1'], {}, /apply to one provider/],
  ['a missing profile file', ['run', '--provider', 'plumery', '--profile', '/nonexistent.json'], {}, /does not exist/],
  ['a profile that is not JSON', ['run', '--provider', 'plumery', '--profile', 'README.md'], {}, /not readable JSON/],
  [
    'a profile with an unknown option',
    ['run', '--provider', 'plumery'],
    { PLUMERY_PROFILE: 'package.json' },
    /profile .* is not valid/,
  ],
  [
    'broker without PACT_BROKER_BASE_URL',
    ['broker', 'publish', '--version', '1'],
    { PACT_BROKER_BASE_URL: '' },
    /set PACT_BROKER_BASE_URL/,
  ],
  ['broker without a step', ['broker'], {}, /publish or can-i-deploy/],
  [
    'a mock whose --write-env cannot be written',
    ['mock', 'enfuce', '--write-env', '/nonexistent/dir/env.json'],
    {},
    /--write-env: ENOENT/,
  ],
  ['a malformed draw seed', ['mock', 'enfuce', '--choices', 'a seed!'], {}, /--choices takes a seed/],
  [
    'a mock whose --write-profile cannot be written',
    ['mock', 'enfuce', '--choices', 'reference', '--write-profile', '/nonexistent/dir/p.json'],
    {},
    /--write-profile: ENOENT/,
  ],
  ['no draw count', ['variants', '--generated', '0'], {}, /--generated wants a whole number/],
  ['a run seed without draws', ['variants', '--seed', 'abc'], {}, /--seed goes with --generated/],
  ['a malformed draw to replay', ['variants', 'exa', '--draw', '../x'], {}, /--draw takes a seed of 1-64 letters/],
  [
    'a malformed run seed',
    ['variants', '--generated', '1', '--seed', 'a b'],
    {},
    /--seed takes a seed of 1-64 letters/,
  ],
  ['defects in a malformed draw', ['defects', 'exa', '--choices', 'x y'], {}, /--choices takes a seed/],
  [
    'a bound of re-runs that is no whole number',
    ['run', '--provider', 'exa', '--transport-retries', 'two'],
    {},
    /--transport-retries wants a whole number from 0 to 10/,
  ],
  [
    'a profile with a wrong value',
    ['run', '--provider', 'exa'],
    { EXA_PROFILE: 'test/fixtures/bad-exa-profile.json' },
    /oaepHash/,
  ],
];

for (const [name, args, env, message] of cases) {
  test(`exit 2 for ${name}`, async () => {
    const r = await cli(args, env, 30_000);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
}

test('--help explains the commands', async () => {
  const r = await cli(['--help'], {}, 30_000);
  expect(r.code).toBe(0);
  for (const word of [
    'run',
    'mock',
    'defects',
    'report',
    'merge',
    '_BASE_URL',
    '--target',
    '--profile',
    '--grep',
    '--shard',
    'Exit 0',
    'solaris',
  ])
    expect(r.stdout).toContain(word);
});

test('"vectors" checks every vector file in every implementation and prints checks per second', async () => {
  const r = await cli(['vectors'], {}, 120_000);
  expect(r.code, r.stdout).toBe(0);
  // The closing row: all checks, seconds, checks/s, and checks/s of the in-process implementations.
  expect(r.stdout).toMatch(/^\| all \| \| \| \d+ \| [\d.]+ \| \*\*\d+\*\* \| \*\*\d+\*\* \|$/m);
  expect(r.stdout).toContain('every test passes in every implementation');
});

test('"mock enfuce" starts a mock that answers, and prints its URL and masked test cards', async () => {
  const { url, output, child } = await startMockProcess('enfuce');
  try {
    expect(output).toMatch(/\*\*\*\*\d{4}/);
    expect(output).not.toMatch(/\d{13,19}/);
    const state = await fetch(`${url}/__mock/state`);
    expect(state.status).toBe(200);
  } finally {
    child.kill('SIGTERM');
  }
});

test('--profile switches a default and the matrix says which profile was in force', async () => {
  test.setTimeout(150_000); // a whole Playwright run inside, under the load of the other self-tests
  const { mkdtempSync, writeFileSync, readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'crh-profile-'));
  const profile = join(dir, 'plumery.json');
  // The mock answers CARD_NOT_FOUND with 400 (the document's status); a profile expecting 404 must fail.
  writeFileSync(profile, JSON.stringify({ cardNotFoundStatus: 404 }));
  const out = join(dir, 'out');
  const r = await cli(
    ['run', '--provider', 'plumery', '--profile', profile, '--grep', '@PLM-CARD-NOT-FOUND', '--output', out, '--quiet'],
    {},
    120_000,
  );
  expect(r.code, r.stdout.slice(-1500)).toBe(1);
  const md = readFileSync(join(out, 'conformance.md'), 'utf8');
  expect(md).toContain('`cardNotFoundStatus`: `404`');
  expect(md).toMatch(/\| PLM-CARD-NOT-FOUND \| \*\*FAIL\*\* \|/);
});

test('a default run prints one line per check and the closing lines, no tool prose; --verbose adds the Pact verifier account', async () => {
  test.setTimeout(150_000);
  const { mkdtempSync, readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'crh-output-'));
  // NO_COLOR set and no terminal: plain text either way.
  const plain = await cli(
    ['run', '--provider', 'cardinal', '--output', join(dir, 'plain')],
    { NO_COLOR: '1' },
    120_000,
  );
  expect(plain.code, plain.stdout.slice(-1500)).toBe(0);
  const checks = plain.stdout.split('\n').filter((l) => /^(ok {2}|FAIL|skip) +\d+\/\d+ \[cardinal(-pact)?\] /.test(l));
  expect(checks.length, plain.stdout.slice(0, 1500)).toBeGreaterThanOrEqual(20);
  expect(plain.stdout).not.toMatch(/has status code|includes headers|has a matching body/);
  expect(hasAnsi(plain.stdout), 'colour codes without a terminal').toBe(false);
  expect(plain.stdout).toContain('VERDICT: conformant');
  // The verifier's account is kept in the reports.
  expect(readFileSync(join(dir, 'plain', 'junit.xml'), 'utf8')).toMatch(/has status code/);
  const verbose = await cli(
    ['run', '--provider', 'cardinal', '--verbose', '--output', join(dir, 'verbose')],
    {},
    120_000,
  );
  expect(verbose.code).toBe(0);
  expect(stripAnsi(verbose.stdout)).toMatch(/has status code \d+/);
});

test('a settings file in the calling repository: its values are used, command-line options win, a bad one is exit 2', async () => {
  test.setTimeout(150_000);
  const { mkdtempSync, writeFileSync, existsSync, readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'crh-settings-'));
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ providers: ['plumery'], token: 'secret' }));
  const refused = await cli(['run', '--settings', bad], {}, 30_000);
  expect(refused.code).toBe(2);
  expect(refused.stderr + refused.stdout).toMatch(/unknown key "token" .*credentials belong in the environment/);
  const typo = join(dir, 'typo.json');
  writeFileSync(typo, JSON.stringify({ providers: ['nope'] }));
  expect((await cli(['run', '--settings', typo], {}, 30_000)).code).toBe(2);
  // Paths are the settings file's own: the reports land beside it.
  const good = join(dir, 'card-reveal-harness.json');
  writeFileSync(good, JSON.stringify({ providers: ['plumery'], output: 'out', strict: true }));
  const r = await cli(['run', '--settings', good, '--grep', '@PLM-CARD-NOT-FOUND'], {}, 120_000);
  expect(r.code, r.stdout.slice(-1500)).toBe(0);
  const m = JSON.parse(readFileSync(join(dir, 'out', 'conformance.json'), 'utf8')) as { providers: { id: string }[] };
  expect(m.providers.map((p) => p.id)).toEqual(['plumery']);
  // The command line wins over the file.
  const other = join(dir, 'elsewhere');
  expect(
    (await cli(['run', '--settings', good, '--grep', '@PLM-CARD-NOT-FOUND', '--output', other], {}, 120_000)).code,
  ).toBe(0);
  expect(existsSync(join(other, 'conformance.json'))).toBe(true);
});

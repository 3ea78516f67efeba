// Bad usage and bad settings stop the CLI with exit code 2 and one clear line, before any test.
import { expect, test } from '@playwright/test';
import { cli, startMockProcess } from './helpers.ts';

const cases: [string, string[], NodeJS.ProcessEnv, RegExp][] = [
  ['an unknown command', ['frobnicate'], {}, /unknown command "frobnicate"/],
  ['an unknown provider', ['run', '--provider', 'nope'], {}, /unknown provider "nope"/],
  ['an unknown option', ['run', '--bogus'], {}, /bogus/],
  ['a malformed base URL', ['run', '--provider', 'enfuce'], { ENFUCE_BASE_URL: 'not a url' }, /ENFUCE_BASE_URL is not a valid URL/],
  ['credentials in the URL', ['run', '--provider', 'enfuce'], { ENFUCE_BASE_URL: 'https://u:p@sandbox.example' }, /must not carry credentials/],
  ['missing credentials', ['run', '--provider', 'enfuce'], { ENFUCE_BASE_URL: 'https://sandbox.example' }, /ENFUCE_USERNAME, ENFUCE_PASSWORD, ENFUCE_CARD_ID must be set/],
  ['a bad shard', ['run', '--shard', 'two'], {}, /--shard takes/],
  ['a mock of an unknown defect', ['mock', 'enfuce', '--defect', 'nope'], {}, /unknown defect "nope"/],
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
  for (const word of ['run', 'mock', 'defects', 'report', '_BASE_URL']) expect(r.stdout).toContain(word);
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

// `client`: an app's reveal code judged with honest and altered answers. The example clients in
// examples/clients/ prove it both ways: each correct one passes every case, each broken one fails
// exactly its own rule, in every report, with no card data in any of them.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { writeClientReports } from '../reporters/client-reports.ts';
import { clientMatrix } from '../src/client/matrix.ts';
import { ClientRunRecord } from '../src/client/record.ts';
import { runClientCases } from '../src/client/run.ts';
import type { ClientCase } from '../src/client/side.ts';
import { clientSides } from '../src/client/sides.ts';
import { conclude } from '../src/core/matrix.ts';
import type { Matrix } from '../src/core/matrix.ts';
import { cli, root, runProcess, seededCards } from './helpers.ts';

test.describe.configure({ mode: 'parallel' });

const example = (file: string) => ['node', join(root, 'examples/clients', file)];

/** The report files of a client run, read back: the records (validated), the matrix, and every text. */
function reports(dir: string) {
  const record = ClientRunRecord.parse(JSON.parse(readFileSync(join(dir, 'client.json'), 'utf8')));
  const matrix = JSON.parse(readFileSync(join(dir, 'conformance.json'), 'utf8')) as Matrix;
  const files = [
    ...['client.json', 'conformance.json', 'conformance.md', 'junit.xml', 'junit-requirements.xml'].map((f) =>
      join(dir, f),
    ),
    ...readdirSync(join(dir, 'allure-results')).map((f) => join(dir, 'allure-results', f)),
  ];
  const failing = matrix.providers.flatMap((p) => p.requirements.filter((r) => r.verdict === 'fail').map((r) => r.id));
  return { record, matrix, failing, texts: files.map((f) => [f, readFileSync(f, 'utf8')] as const) };
}

function expectNoCardData(texts: readonly (readonly [string, string])[]): void {
  for (const [file, text] of texts) {
    for (const card of seededCards) expect(text.includes(card.pan), `${file} holds a PAN`).toBe(false);
    // What an app printed is kept masked: its CVC and PIN as stars.
    expect(text, file).not.toMatch(/\\?"(cvc|pin)\\?":\s*\\?"\d+/);
  }
}

const correct: [string, string, number][] = [
  ['exa', 'exa/reveal-node.mjs', 4],
  ['exa', 'exa/reveal-webcrypto.mjs', 4],
  ['plumery', 'plumery/reveal-node.mjs', 5],
  ['plumery', 'plumery/details-node.mjs', 5],
  ['solaris', 'solaris/reveal-jose.mjs', 4],
  ['cardinal', 'cardinal/lookup.mjs', 4],
  ['enfuce', 'enfuce/mobile.mjs', 2],
];
for (const [provider, file, rules] of correct) {
  test(`a correct ${provider} app (${file}) passes every case, and every report says so`, async ({}, testInfo) => {
    const out = testInfo.outputPath('client');
    const r = await cli(['client', provider, '--output', out, '--', ...example(file)]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('VERDICT: conformant');
    const { record, matrix, failing, texts } = reports(out);
    expect(record.cases.map((c) => c.status)).toEqual(record.cases.map(() => 'pass'));
    expect(record.cases.length).toBeGreaterThanOrEqual(2);
    expect(failing).toEqual([]);
    expect(matrix.providers[0]!.requirements.map((q) => q.verdict)).toEqual(Array(rules).fill('pass'));
    expect(texts.filter(([f]) => f.endsWith('-result.json')).length).toBe(rules);
    expectNoCardData(texts);
  });
}

const broken: [string, string, string, string][] = [
  ['exa', 'exa/broken/update-without-final.mjs', 'EXA-CLIENT-ANSWER-AUTHENTIC', 'tag-altered'],
  ['exa', 'exa/broken/oaep-sha256.mjs', 'EXA-CLIENT-SESSIONID', 'honest'],
  ['exa', 'exa/broken/fixed-secret.mjs', 'EXA-CLIENT-FRESH-SECRET', 'fresh-secret'],
  ['plumery', 'plumery/broken/update-without-final.mjs', 'PLM-CLIENT-ANSWER-AUTHENTIC', 'ciphertext-flipped'],
  ['plumery', 'plumery/broken/key-as-hex.mjs', 'PLM-CLIENT-PUBLIC-KEY', 'honest'],
  ['solaris', 'solaris/broken/any-algorithm.mjs', 'SOL-CLIENT-ALGORITHMS-AS-ASKED', 'alg-rsa-oaep-sha1'],
  ['solaris', 'solaris/broken/unsorted-jwk-string.mjs', 'SOL-CLIENT-REQUEST', 'honest'],
  ['cardinal', 'cardinal/broken/ignores-error-number.mjs', 'CDX-CLIENT-ERROR-NUMBER', 'error-in-200'],
  ['cardinal', 'cardinal/broken/fixed-transaction-id.mjs', 'CDX-CLIENT-TRANSACTION-ID', 'fresh-transaction-id'],
  ['cardinal', 'cardinal/broken/signature-without-transaction-id.mjs', 'CDX-CLIENT-SIGNED', 'honest'],
  ['enfuce', 'enfuce/broken/hard-coded-path.mjs', 'ENF-CLIENT-RETURNED-URL', 'card-data-url-moved'],
  ['enfuce', 'enfuce/broken/json-body.mjs', 'ENF-CLIENT-MOBILE-POST', 'honest'],
];
for (const [provider, file, rule, caseName] of broken) {
  test(`a broken ${provider} app (${file}) fails ${rule} and nothing else, in every report`, async ({}, testInfo) => {
    const out = testInfo.outputPath('client');
    const r = await cli(['client', provider, '--output', out, '--', ...example(file)]);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toContain('VERDICT: NOT conformant (1 requirement(s) failing)');
    const { record, failing, texts } = reports(out);
    expect(failing).toEqual([rule]);
    const failed = record.cases.find((c) => c.case === caseName)!;
    expect(failed.status).toBe('fail');
    expect(failed.findings.map((f) => f.requirement)).toEqual([rule]);
    const junit = texts.find(([f]) => f.endsWith('junit-requirements.xml'))![1];
    expect(junit).toMatch(new RegExp(`<testcase name="${rule}[^"]*"[^>]*><properties>.*<failure `));
    expect(texts.find(([f]) => f.endsWith('/junit.xml'))![1]).toContain(`<testcase name="${caseName}: `);
    expectNoCardData(texts);
  });
}

test('a Plumery app that keeps one key: a warning on PLM-CLIENT-FRESH-KEY (exit 0), which --strict fails', async ({}, testInfo) => {
  const out = testInfo.outputPath('client');
  const app = example('plumery/broken/one-key.mjs');
  const r = await cli(['client', 'plumery', '--output', out, '--', ...app]);
  expect(r.code, r.stdout + r.stderr).toBe(0);
  expect(r.stdout).toContain('VERDICT: conformant with 1 warning');
  const { matrix, failing } = reports(out);
  expect(failing).toEqual([]);
  expect(matrix.providers[0]!.requirements.filter((q) => q.verdict === 'warn').map((q) => q.id)).toEqual([
    'PLM-CLIENT-FRESH-KEY',
  ]);
  const strict = await cli(['client', 'plumery', '--strict', '--case', 'fresh-key', '--output', out, '--', ...app]);
  expect(strict.code).toBe(1);
});

test('an app that shows a card from an altered answer: a FAIL naming the case and the standard, with masked evidence', async ({}, testInfo) => {
  const out = testInfo.outputPath('client');
  const r = await cli([
    'client',
    'exa',
    '--case',
    'honest',
    '--case',
    'tag-altered',
    '--output',
    out,
    '--',
    ...example('exa/broken/update-without-final.mjs'),
  ]);
  expect(r.code).toBe(1);
  expect(r.stdout).toMatch(/FAIL\s+tag-altered: an answer whose GCM tag has one bit flipped in each field/);
  expect(r.stdout).toMatch(
    /\[EXA-CLIENT-ANSWER-AUTHENTIC\] .*Received: exit code 0, and it showed pan "\*{4}\d{4}", cvc "\*+", pin "\*+"/,
  );
  const md = readFileSync(join(out, 'conformance.md'), 'utf8');
  expect(md).toContain('NIST SP 800-38D §7.2');
  expect(md).toContain('tag-altered');
  expect(reports(out).record.cases.map((c) => c.case)).toEqual(['honest', 'tag-altered']);
});

test('bad input to client: a clear line and exit 2, or a named finding; never a crash', async ({}, testInfo) => {
  const usage: [string[], RegExp][] = [
    [['client'], /name the provider whose app is judged: exa, plumery, solaris, cardinal, enfuce/],
    [
      ['client', 'nope', '--', 'true'],
      /no client checks for "nope" yet; known: exa, plumery, solaris, cardinal, enfuce/,
    ],
    [['client', 'exa'], /give the app's reveal command after --: it prints \{pan, cvc, pin\}/],
    [['client', 'exa', '--case', 'nope', '--', 'true'], /unknown case nope for exa; known: honest/],
    [['client', 'exa', '--timeout', '0', '--', 'true'], /--timeout takes seconds/],
    [['client', 'exa', '--case', 'honest', '--', '/nonexistent/app'], /the command could not be started: .*ENOENT/],
  ];
  for (const [args, message] of usage) {
    const r = await cli(args);
    expect(r.code, `${args.join(' ')}: ${r.stdout}${r.stderr}`).toBe(2);
    expect(r.stderr + r.stdout).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }
  const findings: [string, string[], RegExp][] = [
    [
      'a command that hangs',
      ['node', '-e', 'setInterval(() => {}, 1000)'],
      /Received: killed after 1 s without ending/,
    ],
    [
      'a command that prints no JSON',
      ['node', '-e', 'console.log("hello")'],
      /Received: no JSON object on stdout: hello/,
    ],
    [
      "a command that prints another provider's card",
      ['node', '-e', 'console.log(JSON.stringify({ pin: "1234" }))'],
      /Received: \{"pin":"\*{4}"\} \(pan: .*; cvc: /,
    ],
  ];
  for (const [what, command, finding] of findings) {
    const out = testInfo.outputPath(what.replace(/\W+/g, '-'));
    const r = await cli(['client', 'exa', '--case', 'honest', '--timeout', '1', '--output', out, '--', ...command]);
    expect(r.code, `${what}: ${r.stdout}${r.stderr}`).toBe(1);
    expect(r.stdout, what).toMatch(finding);
    expect(r.stderr, what).toBe('');
  }
});

test('a case the harness cannot serve is an error of the harness that fails the run, never a pass', async ({}, testInfo) => {
  const side = await clientSides.exa!();
  const [honest] = side.cases;
  const broken: ClientCase = {
    ...honest!,
    name: 'adversary-fails',
    adversary(vars, self) {
      const a = honest!.adversary(vars, self);
      return {
        ...a,
        interceptor: {
          answer() {
            throw new Error('the case could not be built');
          },
        },
      };
    },
  };
  const record = await runClientCases({
    side,
    command: example('exa/reveal-node.mjs'),
    cases: [broken],
    timeoutMs: 20_000,
    concurrency: 1,
  });
  expect(record.cases[0]!.status).toBe('error');
  expect(record.cases[0]!.notRunReason).toContain('the case could not be built');
  const matrix = clientMatrix(record, side);
  expect(matrix.providers[0]!.requirements.filter((r) => r.verdict === 'fail').map((r) => r.id)).toEqual(
    honest!.requirements,
  );
  expect(conclude(matrix).verdict).toBe('not-conformant');
  const out = testInfo.outputPath('client');
  writeClientReports(record, matrix, out);
  const junit = readFileSync(join(out, 'junit.xml'), 'utf8');
  expect(junit).toMatch(/<testsuites [^>]*errors="1">/);
  expect(junit).toMatch(/<error message="an error of the harness: [^"]*the case could not be built/);
});

/** A port nothing listens on now: the example page's backend takes it. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

interface PageExample {
  file: string;
  /** The page waits for a click on its "Show card details" button. */
  button?: boolean;
  /** The rule it fails, and the case that shows it; none: it passes every case. */
  fails?: [string, string];
  /** The recommendation it departs from: a warning, exit 0 (1 with --strict). */
  warns?: string;
}
const pages: PageExample[] = [
  { file: 'enfuce/page-server.mjs' },
  { file: 'enfuce/page-server.mjs', button: true },
  { file: 'enfuce/broken/star-origin.mjs', fails: ['ENF-CLIENT-TARGET-ORIGIN', 'frame-redirected'] },
  { file: 'enfuce/broken/before-load.mjs', fails: ['ENF-CLIENT-FRAME', 'honest'] },
  { file: 'enfuce/broken/token-in-storage.mjs', fails: ['ENF-CLIENT-NO-TRACE', 'honest'] },
  { file: 'enfuce/broken/token-at-load.mjs', button: true, fails: ['ENF-CLIENT-TOKEN-ON-REVEAL', 'slow-user'] },
  { file: 'enfuce/broken/view-stays-open.mjs', warns: 'ENF-CLIENT-CLOSES-VIEW' },
];
for (const p of pages) {
  const what = p.fails
    ? `fails ${p.fails[0]} and nothing else`
    : p.warns
      ? `warns on ${p.warns} only`
      : 'passes every case';
  test(`an Enfuce web page in Chromium (${p.file}${p.button ? ', behind a button' : ''}): ${what}`, async ({}, testInfo) => {
    const out = testInfo.outputPath('client');
    const port = await freePort();
    const args = ['client', 'enfuce', '--page', `http://127.0.0.1:${port}/`, '--timeout', '6', '--output', out];
    const reveal = p.button ? ['--reveal', '#show'] : [];
    const button = p.button ? ['--button'] : [];
    const r = await cli([...args, ...reveal, '--', ...example(p.file), String(port), ...button]);
    expect(r.code, r.stdout + r.stderr).toBe(p.fails ? 1 : 0);
    const { record, matrix, failing, texts } = reports(out);
    expect(failing).toEqual(p.fails ? [p.fails[0]] : []);
    const warned = matrix.providers[0]!.requirements.filter((q) => q.verdict === 'warn').map((q) => q.id);
    expect(warned).toEqual(p.warns ? [p.warns] : []);
    if (p.fails)
      expect(record.cases.find((c) => c.case === p.fails![1])!.findings.map((f) => f.requirement)).toEqual([
        p.fails[0],
      ]);
    // Without a button there is no user to wait for, and a card that never shows cannot close: those
    // cases prove nothing, and say so.
    const notRun = record.cases.filter((c) => c.status === 'not-run').map((c) => c.case);
    const neverShows = p.fails?.[0] === 'ENF-CLIENT-FRAME';
    expect(notRun).toEqual([...(p.button ? [] : ['slow-user']), ...(neverShows ? ['view-closes'] : [])]);
    if (p.warns) {
      expect(r.stdout).toContain('VERDICT: conformant with 1 warning');
      const strict = await cli([...args, '--strict', '--case', 'view-closes', '--', ...example(p.file), String(port)]);
      expect(strict.code).toBe(1);
    }
    expectNoCardData(texts);
  });
}

test("Enfuce's web page: a --page that is no URL is a clear line and exit 2", async () => {
  const r = await cli(['client', 'enfuce', '--page', 'card.html', '--', 'node', 'server.mjs']);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/enfuce's client is a web page: give its URL with --page <http\(s\) URL>/);
});

test("a repository's card-reveal-harness.json names the app: client runs it with no arguments", async ({}, testInfo) => {
  const dir = testInfo.outputPath('repo');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'card-reveal-harness.json'),
    JSON.stringify({
      client: {
        provider: 'exa',
        command: example('exa/reveal-node.mjs'),
        cases: ['honest', 'tag-altered'],
        output: 'out',
      },
    }),
  );
  const r = await runProcess(process.execPath, [join(root, 'bin/card-reveal-harness.js'), 'client'], { cwd: dir });
  expect(r.code, r.stdout + r.stderr).toBe(0);
  expect(reports(join(dir, 'out')).record.cases.map((c) => `${c.case} ${c.status}`)).toEqual([
    'honest pass',
    'tag-altered pass',
  ]);
});

// A client in another language is judged the same way; this one needs Python's `cryptography`.
const python = spawnSync('python3', ['-c', 'import cryptography'], { stdio: 'ignore' }).status === 0;
test('a correct Exa app in Python passes every case: client judges any language', async ({}, testInfo) => {
  test.skip(!python, 'not applicable here: python3 with the cryptography package is not installed');
  const out = testInfo.outputPath('client');
  const r = await cli([
    'client',
    'exa',
    '--output',
    out,
    '--',
    'python3',
    join(root, 'examples/clients/exa/reveal.py'),
  ]);
  expect(r.code, r.stdout + r.stderr).toBe(0);
  const { record, failing } = reports(out);
  expect(failing).toEqual([]);
  expect(record.cases.every((c) => c.status === 'pass')).toBe(true);
});

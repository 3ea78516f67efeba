// `npm run bench`: the figures behind docs/BENCHMARKS.md, printed and written in one run.
//  1. the whole conformance suite's wall time beside a bare Playwright run of one empty browser test;
//  2. the expiry checks' wall time;
//  3. each mock's throughput on its main endpoint (autocannon) beside its bound: a bare node:http
//     server answering a constant body, and the endpoint answered in process without HTTP; its p99
//     at a steady 500 req/s; and @stoplight/prism-cli mocking the emitted OpenAPI for comparison;
//  4. known-answer vectors checked per second;
//  5. the CLI's start: text commands, and each mock until it listens (median of 3);
//  6. each provider's run against its mock started as a sandbox (no /__mock/ control);
//  7. the defect proof (`defects --strict`): every defect of every mock, as CI runs it;
//  8. each provider over a slow link;
//  9. generated implementations (`variants --generated`): draws of the free choices, judged.
// BENCH_ONLY=7 (a comma list) runs those sections alone and replaces just them in docs/BENCHMARKS.md.
// Figures, never pass/fail: speed goals live here and not in a timed test.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { withSettings } from '../src/core/settings.ts';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent, createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startMock, type StartedMock } from '../src/core/mock-host.ts';
import { startMockProcess, startMockWithVars, startSandbox } from '../src/core/mock-process.ts';
import { startTerminator } from '../test/network-parts.ts';
import type { MockRequest } from '../mocks/core/server.ts';
import type { Seed } from '../src/fuzz/seed.ts';
import { providers } from '../src/providers.ts';
import type { Matrix } from '../src/core/matrix.ts';
import {
  perSecond as rate,
  slowestImplementations,
  timeVectorFiles,
  vectorTotals,
  type VectorTiming,
} from '../src/vectors/timing.ts';

const root = process.cwd();
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = 10;
const lines: string[] = [];
const say = (s = '') => {
  lines.push(s);
  console.log(s);
};

function timed(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): { seconds: number; status: number | null; stdout: string } {
  const started = performance.now();
  const r = spawnSync(args[0]!, args.slice(1), {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CI: '', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { seconds: (performance.now() - started) / 1000, status: r.status, stdout: r.stdout + r.stderr };
}

/** As timed, without blocking this process (which may serve the run: a forwarder of section 8). */
function timedAsync(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ seconds: number; status: number | null; stdout: string }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(args[0]!, args.slice(1), {
      cwd: root,
      env: { ...process.env, CI: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('close', (status) => resolve({ seconds: (performance.now() - started) / 1000, status, stdout: out }));
  });
}

// 1 and 2 ────────────────────────────────────────────────────────────────────────────
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

function suiteFigures(): void {
  // Inside the project, so that @playwright/test resolves from its node_modules.
  const bare = join(root, 'reports/bench/bare');
  mkdirSync(bare, { recursive: true });
  writeFileSync(
    join(bare, 'empty.spec.ts'),
    `import { test } from '@playwright/test';\ntest('empty browser test', async ({ page }) => { await page.goto('about:blank'); });\n`,
  );
  writeFileSync(
    join(bare, 'playwright.config.ts'),
    `import { defineConfig } from '@playwright/test';\nimport { chromiumLaunchOptions } from '../../../src/core/browser.ts';\nexport default defineConfig({ testDir: '.', outputDir: './test-results', reporter: 'dot', use: { launchOptions: chromiumLaunchOptions() } });\n`,
  );
  const pw = join(root, 'node_modules/@playwright/test/cli.js');
  // Alternated, so that a change of machine load falls on both alike.
  const empty: number[] = [];
  const whole: ReturnType<typeof timed>[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    empty.push(timed([process.execPath, pw, 'test', '-c', join(bare, 'playwright.config.ts')]).seconds);
    whole.push(
      timed([process.execPath, 'bin/card-reveal-harness.js', 'run', '--quiet', '--output', 'reports/bench/suite']),
    );
  }
  const suite = whole.at(-1)!;
  const counts = /checks: (\d+) passed, (\d+) failed, (\d+) skipped/.exec(suite.stdout);
  const bareS = median(empty);
  const suiteS = median(whole.map((w) => w.seconds));
  const expiry = timed([
    process.execPath,
    'bin/card-reveal-harness.js',
    'run',
    '--quiet',
    '--provider',
    'enfuce',
    '--grep',
    '@ENF-TOKEN-TTL-30S',
    '--output',
    'reports/bench/expiry',
  ]);
  const expiryCounts = /checks: (\d+) passed, (\d+) failed, (\d+) skipped/.exec(expiry.stdout);
  say('## 1. The whole suite beside a bare Playwright run (goal: 3.5×)');
  say();
  say(`Median of ${ROUNDS} runs each, alternated: one bare run, then one suite run.`);
  say();
  say('| run | tests | wall time (s), median | runs (s) | exit |');
  say('|---|---|---|---|---|');
  say(
    `| bare Playwright: one empty Chromium test | 1 | ${bareS.toFixed(1)} | ${empty.map((x) => x.toFixed(1)).join(', ')} | 0 |`,
  );
  say(
    `| \`card-reveal-harness run\`: every provider, API + browser + Pact | ${counts ? `${counts[1]} passed, ${counts[2]} failed, ${counts[3]} skipped` : '?'} | ${suiteS.toFixed(1)} | ${whole.map((x) => x.seconds.toFixed(1)).join(', ')} | ${suite.status} |`,
  );
  say();
  say(
    `Ratio: the whole suite takes **${(suiteS / bareS).toFixed(1)}×** the bare empty run (goal 3.5×: ${suiteS / bareS <= 3.5 ? 'met' : '**not met**'}).`,
  );
  say();
  // Where the time goes: the tests' own durations (JUnit) beside what two workers had in all.
  const junit = readFileSync(join(root, 'reports/bench/suite/junit.xml'), 'utf8');
  const perFile = new Map<string, { tests: number; seconds: number }>();
  for (const m of junit.matchAll(/<testcase name="[^"]*" classname="([^"]*)" time="([\d.]+)"/g)) {
    const f = perFile.get(m[1]!) ?? { tests: 0, seconds: 0 };
    perFile.set(m[1]!, { tests: f.tests + 1, seconds: f.seconds + Number(m[2]) });
  }
  const inTests = [...perFile.values()].reduce((n, f) => n + f.seconds, 0);
  say(
    `Where the last suite run's time went: 2 workers × ${suite.seconds.toFixed(1)} s = ${(2 * suite.seconds).toFixed(1)} worker-seconds, of which ${inTests.toFixed(1)} in the tests themselves (their fixtures' set-up included) and the rest in starting the CLI and Playwright (which loads every spec file to list the checks), the two workers (one runs the providers with browser checks, Chromium included, the other every other file) and in reporters. Test time per file:`,
  );
  say();
  say('| file | tests | seconds |');
  say('|---|---|---|');
  for (const [file, f] of [...perFile].sort((a, b) => b[1].seconds - a[1].seconds))
    say(`| ${file} | ${f.tests} | ${f.seconds.toFixed(1)} |`);
  say();
  // One more run, straight through Playwright with a timeline reporter: each worker's chain.
  const timelineFile = join(root, 'reports/bench/timeline.json');
  timed(
    [
      process.execPath,
      join(root, 'node_modules/@playwright/test/cli.js'),
      'test',
      '-c',
      'playwright.config.ts',
      '--reporter',
      './scripts/timeline-reporter.mjs',
    ],
    { ...withSettings({ outputDir: 'reports/bench/timeline' }), TIMELINE_OUT: timelineFile },
  );
  const tl = JSON.parse(readFileSync(timelineFile, 'utf8')) as {
    listedAfter: number;
    ranFor: number;
    workers: { worker: number; project: string; first: number; last: number; inTests: number; tests: number }[];
  };
  say(
    `Each worker of one more run (Playwright alone, no CLI): Playwright listed every check ${tl.listedAfter.toFixed(1)} s after it started (the bare run: about 1 s), then ran them for ${tl.ranFor.toFixed(1)} s:`,
  );
  say();
  say('| worker | project | first check starts (s) | last check ends (s) | in checks (s) | checks |');
  say('|---|---|---|---|---|---|');
  for (const w of tl.workers.sort((a, b) => a.worker - b.worker))
    say(
      `| ${w.worker} | ${w.project} | ${w.first.toFixed(1)} | ${w.last.toFixed(1)} | ${w.inTests.toFixed(1)} | ${w.tests} |`,
    );
  say();
  say('## 2. The expiry checks');
  say();
  say(
    `\`run --provider enfuce --grep @ENF-TOKEN-TTL-30S\` (API and browser checks of the 30-second token, server clock frozen and advanced, page clock installed): ${expiryCounts ? `${expiryCounts[1]} passed, ${expiryCounts[2]} failed` : '?'}, **${expiry.seconds.toFixed(1)} s** wall time including process and Chromium start; without a controlled clock the same checks would wait 30 s each.`,
  );
  say();
}

/** Each provider against its mock run as a sandbox (no /__mock/ control), as a vendor runs it. */
async function liveFigures(): Promise<void> {
  say('## 6. One provider against a URL target (goal: 45 s each)');
  say();
  say(
    'Each mock started as its own process with `--no-control` and pointed at with the variables a vendor would set (`mock --write-env`); whole-process wall time of `run --provider <id>`.',
  );
  say();
  say('| provider | wall time (s) | verdict | goal |');
  say('|---|---|---|---|');
  for (const p of providers) {
    const dir = join(root, `reports/bench/live/${p.id}`);
    mkdirSync(dir, { recursive: true });
    const mock = await startSandbox(p.id, join(dir, 'vendor-env.json'));
    try {
      const r = timed(
        [
          process.execPath,
          'bin/card-reveal-harness.js',
          'run',
          '--quiet',
          '--provider',
          p.id,
          '--output',
          join(dir, 'reports'),
        ],
        mock.env,
      );
      const verdict = /VERDICT: ([^\n(]*)/.exec(r.stdout)?.[1]?.trim() ?? `exit ${r.status}`;
      say(`| ${p.id} | ${r.seconds.toFixed(1)} | ${verdict} | ${r.seconds <= 45 ? 'met' : '**not met**'} |`);
    } finally {
      await mock.stop();
    }
  }
  say();
}

// 3 ──────────────────────────────────────────────────────────────────────────────────
interface Load {
  reqPerSec: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/** autocannon on one request, as fast as the connections go. */
async function load(url: string, r: Seed['request']): Promise<Load> {
  const result = await autocannon({
    url: `${url}${r.path}`,
    method: r.method as 'GET',
    headers: r.headers,
    ...(r.body ? { body: Buffer.from(r.body) } : {}),
    connections,
    duration: seconds,
  });
  return {
    reqPerSec: result.requests.average,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/**
 * Latency at a steady pace: one request every 1/rate s for `seconds`, each sent on time whether or
 * not the ones before have been answered (autocannon's rate limit sends a second's quota at once,
 * then waits: a burst at full speed, not a pace).
 */
async function paced(
  url: string,
  r: Seed['request'],
  perSecond: number,
): Promise<{ reqPerSec: number; p50: number; p99: number; failed: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const target = new URL(`${url}${r.path}`);
  const total = perSecond * seconds;
  const latencies: number[] = [];
  let failed = 0;
  const one = () =>
    new Promise<void>((done) => {
      const sent = performance.now();
      const req = httpRequest(target, { method: r.method, headers: r.headers, agent }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode! >= 200 && res.statusCode! < 300) latencies.push(performance.now() - sent);
          else failed++;
          done();
        });
      });
      req.on('error', () => {
        failed++;
        done();
      });
      req.end(r.body ? Buffer.from(r.body) : undefined);
    });
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const wait = started + (i * 1000) / perSecond - performance.now();
    if (wait > 0) await new Promise((w) => setTimeout(w, wait));
    inFlight.push(one());
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    Number((latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN).toFixed(1));
  return { reqPerSec: latencies.length / elapsed, p50: at(0.5), p99: at(0.99), failed };
}

function bareServer(body: string): Promise<{ url: string; close: () => void }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() }),
    ),
  );
}

async function prism(provider: string): Promise<{ url: string; child: ChildProcess } | undefined> {
  const port = 41000 + Math.floor(Math.random() * 2000);
  const child = spawn(
    join(root, 'node_modules/.bin/prism'),
    ['mock', '-h', '127.0.0.1', '-p', String(port), join(root, `schemas/openapi/${provider}.json`)],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SCARF_ANALYTICS: 'false' } },
  );
  let out = '';
  const ready = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), 30_000);
    const on = (c: Buffer) => {
      out += c.toString();
      if (/Prism is listening/.test(out)) {
        clearTimeout(timer);
        resolve(true);
      }
    };
    child.stdout!.on('data', on);
    child.stderr!.on('data', on);
    child.on('exit', () => resolve(false));
  });
  if (!ready) {
    child.kill();
    console.error(`prism did not start for ${provider}: ${out.slice(-500)}`);
    return undefined;
  }
  return { url: `http://127.0.0.1:${port}`, child };
}

/** The endpoint's own work without HTTP: the seed request answered in process, repeated for `seconds`/5 after a warm-up. */
async function endpointAlone(answer: StartedMock['answer'], baseUrl: string, r: Seed['request']): Promise<number> {
  const req = (): MockRequest => ({
    method: r.method,
    url: new URL(r.path, baseUrl),
    headers: Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k.toLowerCase(), v])),
    params: {},
    body: Buffer.from(r.body ?? []),
  });
  for (let i = 0; i < 200; i++) await answer(req());
  const until = performance.now() + (seconds * 1000) / 5;
  let n = 0;
  const started = performance.now();
  while (performance.now() < until) {
    await answer(req());
    n++;
  }
  return n / ((performance.now() - started) / 1000);
}

async function mockFigures(): Promise<void> {
  say(`## 3. Reference mocks on each main endpoint (goal: 50 % of their bound; p99 under 5 ms at 500 req/s)`);
  say();
  say(
    `Throughput: autocannon, ${connections} connections, ${seconds} s each, the same request every time. A mock's bound is the lower of what the HTTP layer serves alone (bare node:http answering a constant body) and what the endpoint's own work (its crypto, checks and store) allows alone: the request answered in process without HTTP, one at a time.`,
  );
  say();
  say(
    '| provider | main endpoint | reference mock (req/s) | bare node:http (req/s) | endpoint alone, no HTTP (req/s) | share of the bound | goal 50 % | prism mock (req/s) |',
  );
  say('|---|---|---|---|---|---|---|---|');
  const latency: string[] = [];
  for (const p of providers) {
    const alone = await startMock(p);
    const [aloneSeed] = await p.fuzz.seeds(alone.url, alone.vendorEnv(alone.url));
    const aloneRate = await endpointAlone(alone.answer, alone.url, aloneSeed!.request);
    await alone.close();
    const mock = await startMockWithVars(p.id);
    const [seed] = await p.fuzz.seeds(mock.url, mock.env);
    const served = await load(mock.url, seed!.request);
    const steady = await paced(mock.url, seed!.request, 500);
    await mock.stop();
    const bare = await bareServer(
      '{"constant":"body of about the same size as an answer","padding":"................................................................"}',
    );
    const bareLoad = await load(bare.url, seed!.request);
    const bareSteady = await paced(bare.url, seed!.request, 500);
    bare.close();
    const pr = await prism(p.id);
    const prismLoad = pr ? await load(pr.url, seed!.request) : undefined;
    pr?.child.kill();
    const bound = Math.min(bareLoad.reqPerSec, aloneRate);
    const share = served.reqPerSec / bound;
    const flag = (l: Load) => (l.non2xx || l.errors ? ` (${l.non2xx} non-2xx, ${l.errors} errors)` : '');
    say(
      `| ${p.id} | ${seed!.name} | ${Math.round(served.reqPerSec)}${flag(served)} | ${Math.round(bareLoad.reqPerSec)} | ${Math.round(aloneRate)} | ${Math.round(share * 100)} % of ${bound === aloneRate ? 'the endpoint alone' : 'bare node:http'} | ${share >= 0.5 ? 'met' : '**not met**'} | ${prismLoad ? `${Math.round(prismLoad.reqPerSec)}${flag(prismLoad)}` : 'did not start'} |`,
    );
    latency.push(
      `| ${p.id} | ${seed!.name} | ${Math.round(steady.reqPerSec)} | ${steady.p50} | ${steady.p99} | ${steady.p99 < 5 ? 'met' : '**not met**'} | ${steady.failed} | ${bareSteady.p99} |`,
    );
  }
  say();
  say(
    `Latency at a steady 500 req/s: a request every 2 ms for ${seconds} s, each sent on time whatever the answers before (up to ${connections} kept-alive connections); autocannon's rate limit would send each second's quota at once instead.`,
  );
  say();
  say(
    '| provider | main endpoint | req/s answered 2xx | p50 (ms) | p99 (ms) | goal p99 < 5 ms | not 2xx or failed | bare node:http, same pace: p99 (ms) |',
  );
  say('|---|---|---|---|---|---|---|---|');
  latency.forEach((l) => say(l));
  say();
  say(
    "The reference mocks do the real work per request (Basic auth and token store for Enfuce, RSA-OAEP session opening and AES-GCM for Exa, ECDH + HKDF + AES-GCM for Plumery, the SHA-256 signature and BIN tables for Cardinal, ECDSA verification and an RSA JWE for Solaris). Prism validates the request against the OpenAPI document and answers an example; its non-2xx answers are requests it judged invalid or an auth scheme it cannot satisfy. Every run repeats one request: Cardinal answers refusals in HTTP 200 too, so its figure counts whatever the replayed signed request gets. autocannon runs in the benchmark's own process, beside the mock on the same 2 cores.",
  );
  say();
}

// 4 ──────────────────────────────────────────────────────────────────────────────────
async function vectorFigures(): Promise<void> {
  say('## 4. Known-answer vectors checked per second (goal: 10,000 in process)');
  say();
  say(
    'A check is one test by one implementation; each implementation runs over the whole file on its own clock. "In process": node:crypto, WebCrypto, @noble, jose and the harness\'s own code; external: Java SunJCE, one JVM per file (its figure includes the start of the JVM; the OpenSSL CLI, a process per test, only where no JDK is installed). "Warm": the same files checked again in the same process, keys imported and code compiled (what a long run sees).',
  );
  say();
  say('| file | tests | checks | seconds | checks/s | in process: checks/s | warm, in process: checks/s |');
  say('|---|---|---|---|---|---|---|');
  const rows = await timeVectorFiles();
  const warm = new Map((await timeVectorFiles()).map((r) => [r.name, r] as const));
  const inProcessRate = (r: VectorTiming | undefined) => rate(r?.inProcess?.checks ?? 0, r?.inProcess?.seconds ?? 0);
  for (const r of rows)
    say(
      `| ${r.name} | ${r.tests ?? 'no checker'}${r.failures.length ? ` (${r.failures.length} FAILED)` : ''} | ${r.checks ?? ''} | ${(r.seconds ?? 0).toFixed(3)} | ${rate(r.checks ?? 0, r.seconds ?? 0)} | ${inProcessRate(r)} | ${inProcessRate(warm.get(r.name))} |`,
    );
  const all = vectorTotals(rows);
  const allWarm = vectorTotals([...warm.values()]);
  const inProcess = rate(all.inProcess.checks, all.inProcess.seconds);
  const inProcessWarm = rate(allWarm.inProcess.checks, allWarm.inProcess.seconds);
  say(
    `| all | ${all.tests} | ${all.checks} | ${all.seconds.toFixed(3)} | **${rate(all.checks, all.seconds)}** | **${inProcess}** | **${inProcessWarm}** |`,
  );
  say();
  say(
    `In process: ${inProcess} checks/s, warm ${inProcessWarm} (goal 10,000: ${Math.max(inProcess, inProcessWarm) >= 10_000 ? 'met' : '**not met**'}). The files of symmetric cryptography and hashes pass it warm; each file with a private-key operation (RSA-2048 decryption, P-256 ECDH, ECDSA verification in pure JavaScript) is bound by that operation itself, a few thousand a second on one core. The slowest implementations, per check (warm):`,
  );
  say();
  for (const t of slowestImplementations([...warm.values()], 8))
    say(`- ${rate(t.checks, t.seconds)} checks/s: ${t.file}, ${t.name}${t.external ? ' (external)' : ''}`);
  say();
}

// 5 ──────────────────────────────────────────────────────────────────────────────────
async function cliFigures(): Promise<void> {
  say('## 5. CLI start-up (goal: 0.3 s)');
  say();
  say(
    'Whole-process wall time, median of 3, from the compiled build (`npm run build`; bin/ falls back to tsx, about 0.4 s more, while a source is newer than the build).',
  );
  say();
  say('| command | seconds | goal |');
  say('|---|---|---|');
  for (const args of [['--help'], ['requirements', 'exa'], ['defects', '--list']]) {
    const s = median([1, 2, 3].map(() => timed([process.execPath, 'bin/card-reveal-harness.js', ...args]).seconds));
    say(`| \`${args.join(' ')}\` | ${s.toFixed(2)} | ${s <= 0.3 ? 'met' : '**not met**'} |`);
  }
  for (const p of providers) {
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const mock = await startMockProcess(p.id, ['--no-control']);
      runs.push((performance.now() - started) / 1000);
      await mock.stop();
    }
    const s = median(runs);
    say(`| \`mock ${p.id}\` until it listens | ${s.toFixed(2)} | ${s <= 0.3 ? 'met' : '**not met**'} |`);
  }
  say();
}

// 7 ──────────────────────────────────────────────────────────────────────────────────
function defectFigures(): void {
  say('## 7. The defect proof (goal: 6 min on 2 cores)');
  say();
  const r = timed([
    process.execPath,
    'bin/card-reveal-harness.js',
    'defects',
    '--strict',
    '--jobs',
    '2',
    '--output',
    'reports/bench/defects',
  ]);
  const line = (prefix: string) =>
    r.stdout.split('\n').find((l) => l.startsWith(prefix)) ?? `${prefix}: not printed (exit ${r.status})`;
  say(
    `\`defects --strict --jobs 2\`: a run writing each provider's pact, then one batch of every defect and of each provider without one (src/core/defect-batch.ts), exit ${r.status}: **${(r.seconds / 60).toFixed(1)} min** wall time (goal 6 min: ${r.seconds <= 360 ? 'met' : '**not met**'}).`,
  );
  say();
  for (const prefix of ['caught', 'matrix as declared']) say(`- ${line(prefix)}`);
  say();
}

// 9 ──────────────────────────────────────────────────────────────────────────────────
/**
 * `variants --generated N`: N drawn implementations per provider (free choices, src/core/choices.ts),
 * each a sandbox judged by the whole suite. BENCH_DRAWS sets N (default 20, the issue's hundred).
 */
function drawFigures(): void {
  const n = Number(process.env.BENCH_DRAWS ?? 20);
  const jobs = process.env.BENCH_DRAW_JOBS ?? '6';
  say(`## 9. Generated implementations: ${n} draws per provider`);
  say();
  const r = timed([
    process.execPath,
    'bin/card-reveal-harness.js',
    'variants',
    '--generated',
    String(n),
    '--seed',
    'bench',
    '--jobs',
    jobs,
    '--output',
    'reports/bench/draws',
  ]);
  const judged = r.stdout.split('\n').find((l) => l.startsWith('judged right')) ?? `not printed (exit ${r.status})`;
  say(
    `\`variants --generated ${n} --seed bench --jobs ${jobs}\` (${n * providers.length} draws, each a mock without /__mock/ control reached through a vendor's variables, with the profile that states it; all of them files of one Playwright run of ${jobs} workers), exit ${r.status}: **${(r.seconds / 60).toFixed(1)} min** wall time, ${judged}.`,
  );
  say();
  say("| provider | draws | judged right | mean time of a draw's checks (s) |");
  say('|---|---|---|---|');
  for (const p of providers) {
    const rows = r.stdout.split('\n').filter((l) => new RegExp(`^(RIGHT|WRONG) ${p.id}\\b`).test(l));
    const right = rows.filter((l) => l.startsWith('RIGHT')).length;
    say(`| ${p.id} | ${rows.length} | ${right} | ${drawSeconds(join(root, 'reports/bench/draws'), p.id)} |`);
  }
  say();
}

/** The mean time a provider's draw held a worker: its checks' durations, summed, read off each draw's matrix. */
function drawSeconds(dir: string, id: string): string {
  const times = readdirSync(dir)
    .filter((d) => d.startsWith(`${id}--draw-`))
    .flatMap((d) => {
      try {
        const m = JSON.parse(readFileSync(join(dir, d, 'conformance.json'), 'utf8')) as Matrix;
        const tests = new Map(
          m.providers.flatMap((p) => p.requirements.flatMap((r) => r.tests.map((t) => [t.title, t.duration ?? 0]))),
        );
        return [[...tests.values()].reduce((a, b) => a + b, 0) / 1000];
      } catch {
        return [];
      }
    });
  return times.length ? (times.reduce((a, b) => a + b, 0) / times.length).toFixed(1) : 'n/a';
}

// 10 ─────────────────────────────────────────────────────────────────────────────────
/**
 * Where the project's own tests (`npm test`, what CI runs) spend their time, read off the JUnit
 * file of the last self-test in this checkout: the file to look at before adding a self-test.
 */
function selftestFigures(): void {
  say("## 10. Where the self-test's time goes (CI's budget: 15 min)");
  say();
  let xml: string;
  try {
    xml = readFileSync(join(root, 'reports/selftest/junit.xml'), 'utf8');
  } catch {
    say(
      'No self-test has run in this checkout (reports/selftest/junit.xml): run `npm test`, then `BENCH_ONLY=10 npm run bench`.',
    );
    say();
    return;
  }
  const wall = Number(/<testsuites[^>]*\btime="([\d.]+)"/.exec(xml)?.[1] ?? NaN);
  const files = [...xml.matchAll(/<testsuite name="([^"]+)"[^>]*\btests="(\d+)"[^>]*\btime="([\d.]+)"/g)].map((m) => ({
    file: m[1]!,
    tests: Number(m[2]),
    seconds: Number(m[3]),
  }));
  const inTests = files.reduce((n, f) => n + f.seconds, 0);
  say(
    `The last self-test here: ${files.reduce((n, f) => n + f.tests, 0)} tests in ${(wall / 60).toFixed(1)} min wall time, ${(inTests / 60).toFixed(1)} min in tests over its 2 workers (the proofs run processes of their own beside them). Per file, longest first:`,
  );
  say();
  say('| file | tests | seconds in its tests | share |');
  say('|---|---|---|---|');
  for (const f of files.sort((a, b) => b.seconds - a.seconds))
    say(`| ${f.file} | ${f.tests} | ${f.seconds.toFixed(0)} | ${((100 * f.seconds) / inTests).toFixed(0)} % |`);
  say();
}

// 8 ──────────────────────────────────────────────────────────────────────────────────
/** Enfuce's one real-time check waits 31 s whatever the link: left out of its ratio. */
const REAL_TIME_WAIT_S: Record<string, number> = { enfuce: 31 };

/** Each provider's sandbox run on loopback beside the same run over a link that adds 80 ms to every round trip. */
async function latencyFigures(): Promise<void> {
  say(
    "## 8. A slow link: 80 ms added to every round trip (goal: at most 1.5× the loopback run, and at most 10 s more; Enfuce's 31-s real-time wait aside)",
  );
  say();
  say(
    "Each mock started as a sandbox (as in 6); the same `run --provider <id>` once against it on loopback and once through a local forwarder that holds every request and every answer 40 ms (test/network-parts.ts). A sandbox whose checks share nothing (`parallelOnSandbox`) gets its checks spread over both workers; connections to a target are kept alive; the Pact verifier goes through the harness's own client.",
  );
  say();
  say('| provider | loopback (s) | 80 ms round trip (s) | ratio | more (s) | goal |');
  say('|---|---|---|---|---|---|');
  for (const p of providers) {
    const dir = join(root, `reports/bench/latency/${p.id}`);
    mkdirSync(dir, { recursive: true });
    const mock = await startSandbox(p.id, join(dir, 'vendor-env.json'));
    const slow = await startTerminator({ upstream: mock.url, delayMs: 40 });
    try {
      const runAt = (url: string, out: string) =>
        timedAsync(
          [
            process.execPath,
            'bin/card-reveal-harness.js',
            'run',
            '--quiet',
            '--provider',
            p.id,
            '--output',
            join(dir, out),
          ],
          { ...mock.env, [p.env.baseUrl]: url },
        );
      const fast = await runAt(mock.url, 'loopback');
      const far = await runAt(slow.url, 'slow');
      const wait = REAL_TIME_WAIT_S[p.id] ?? 0;
      const ratio = (far.seconds - wait) / (fast.seconds - wait);
      const more = far.seconds - fast.seconds;
      const verdicts = [fast, far].map((r) => /VERDICT: ([^\n(]*)/.exec(r.stdout)?.[1]?.trim() ?? `exit ${r.status}`);
      const same = verdicts[0] === verdicts[1] ? '' : ` (verdicts differ: ${verdicts.join(' / ')})`;
      say(
        `| ${p.id} | ${fast.seconds.toFixed(1)} | ${far.seconds.toFixed(1)} | ${ratio.toFixed(2)}×${wait ? ` (without the ${wait}-s wait)` : ''} | ${more.toFixed(1)} | ${ratio <= 1.5 && more <= 10 && !same ? 'met' : '**not met**'}${same} |`,
      );
    } finally {
      await slow.close();
      await mock.stop();
    }
  }
  say();
}

const sections: Record<number, () => void | Promise<void>> = {
  1: suiteFigures,
  3: mockFigures,
  4: vectorFigures,
  5: cliFigures,
  6: liveFigures,
  7: defectFigures,
  8: latencyFigures,
  9: drawFigures,
  10: selftestFigures,
};
const only = process.env.BENCH_ONLY?.split(',').map(Number);
const file = join(root, 'docs/BENCHMARKS.md');
if (!only) {
  say('# Benchmarks');
  say();
  say(
    `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${process.platform} ${process.arch}, Node ${process.version}, Chromium from Debian. Figures move with machine load: run it on an idle machine.`,
  );
  say();
}
for (const [n, run] of Object.entries(sections)) if (!only || only.includes(Number(n))) await run();
mkdirSync(join(root, 'docs'), { recursive: true });
writeFileSync(file, only ? replaceSections(readFileSync(file, 'utf8'), lines.join('\n')) : `${lines.join('\n')}\n`);
console.log('written: docs/BENCHMARKS.md');

/** The document with each `## N.` section of `fresh` put in place of its namesake (or added at the end). */
function replaceSections(doc: string, fresh: string): string {
  const split = (text: string) => text.split(/^(?=## \d+\. )/m);
  const number = (part: string) => /^## (\d+)\. /.exec(part)?.[1];
  const parts = split(doc);
  for (const part of split(fresh).filter(number)) {
    const at = parts.findIndex((p) => number(p) === number(part));
    if (at < 0) parts.push(part.endsWith('\n') ? part : `${part}\n`);
    else parts[at] = part.endsWith('\n') ? part : `${part}\n`;
  }
  return parts.join('');
}

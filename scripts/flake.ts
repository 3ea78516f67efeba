// The flake check: the whole conformance suite against the embedded mocks, N rounds (default 25)
// of two suites at the same time (the load under which flakes showed), each run's artifacts and
// output leak-scanned. No retries anywhere (--transport-retries 0): every run must be green, with
// no test failed even once.
// The result is written to docs/FLAKE.md. Usage: npm run flake [-- <rounds> [<suites at a time>]]
import { spawn } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanForCardData } from '../src/core/leak-scan.ts';
import { providers } from '../src/providers.ts';

const rounds = Number(process.argv[2] ?? 25);
const parallel = Number(process.argv[3] ?? 2);
const runs = rounds * parallel;
const root = join(process.cwd(), 'reports/flake');
rmSync(root, { recursive: true, force: true });
mkdirSync(root, { recursive: true });
const cards = providers.flatMap((p) => p.testCards);
const rows: string[] = [];
let green = 0;
function suite(out: string): Promise<{ status: number | null; stdout: string; stderr: string; seconds: number }> {
  const started = performance.now();
  return new Promise((done) => {
    const child = spawn(
      process.execPath,
      ['bin/card-reveal-harness.js', 'run', '--quiet', '--transport-retries', '0', '--output', out],
      {
        env: { ...process.env, CI: '' },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (status) => done({ status, stdout, stderr, seconds: (performance.now() - started) / 1000 }));
  });
}

for (let round = 0; round < rounds; round++) {
  const ids = Array.from({ length: parallel }, (_, k) => round * parallel + k + 1);
  const results = await Promise.all(ids.map((i) => suite(join(root, `run-${String(i).padStart(2, '0')}`))));
  results.forEach((r, k) => {
    const i = ids[k]!;
    const out = join(root, `run-${String(i).padStart(2, '0')}`);
    writeFileSync(join(out, 'stdout.txt'), `${r.stdout}\n${r.stderr}`);
    const scan = scanForCardData([out], cards);
    const summary = /checks: (\d+) passed, (\d+) failed, (\d+) skipped/.exec(r.stdout);
    const flaky = /(\d+) flaky/.exec(r.stdout)?.[1] ?? '0';
    const ok =
      r.status === 0 && scan.leaks.length === 0 && scan.opaque.length === 0 && summary?.[2] === '0' && flaky === '0';
    if (ok) green++;
    const row = `| ${i} | ${round + 1} | ${ok ? 'green' : '**RED**'} | ${r.status} | ${summary ? `${summary[1]} / ${summary[2]} / ${summary[3]}` : 'no summary'} | ${flaky} | ${scan.leaks.length} | ${r.seconds.toFixed(1)} |`;
    rows.push(row);
    console.log(row);
    if (!ok)
      console.log(
        r.stdout
          .split('\n')
          .filter((l) => /FAIL|✘|failed|flaky/.test(l))
          .slice(0, 20)
          .join('\n'),
      );
  });
}
const doc = `# Flake check

\`npm run flake\` runs the whole conformance suite (every provider: API, browser and Pact checks)
against the embedded mocks ${runs} times: ${rounds} rounds of ${parallel} suites at the same time, on
${cpus().length} cores. No test is retried; a run is green when its exit code is 0, no test failed
(or was flaky), and its output and artifacts hold no card data.

Recorded ${new Date().toISOString()} on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}.

**${green} of ${runs} runs green.**

| run | round | result | exit | tests passed / failed / skipped | flaky | leaks | seconds |
|---|---|---|---|---|---|---|---|
${rows.join('\n')}
`;
writeFileSync(join(process.cwd(), 'docs/FLAKE.md'), doc);
console.log(`flake: ${green} of ${runs} runs green; docs/FLAKE.md`);
process.exit(green === runs ? 0 : 1);

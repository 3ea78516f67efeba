// The flake check: the whole conformance suite against the embedded mocks, N times in a row
// (default 20), each run's artifacts and output leak-scanned. Every run must be green; the result
// is written to docs/FLAKE.md. Usage: npm run flake [-- <runs>]
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanForCardData } from '../src/core/leak-scan.ts';
import { providers } from '../src/providers.ts';

const runs = Number(process.argv[2] ?? 20);
const root = join(process.cwd(), 'reports/flake');
rmSync(root, { recursive: true, force: true });
mkdirSync(root, { recursive: true });
const cards = providers.flatMap((p) => p.testCards);
const rows: string[] = [];
let green = 0;
for (let i = 1; i <= runs; i++) {
  const out = join(root, `run-${String(i).padStart(2, '0')}`);
  const started = performance.now();
  const r = spawnSync(process.execPath, ['bin/card-reveal-harness.js', 'run', '--quiet', '--output', out], { encoding: 'utf8', env: { ...process.env, CI: '' }, maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  writeFileSync(join(out, 'stdout.txt'), `${r.stdout}\n${r.stderr}`);
  const scan = scanForCardData([out], cards);
  const summary = /checks: (\d+) passed, (\d+) failed, (\d+) skipped/.exec(r.stdout);
  const ok = r.status === 0 && scan.leaks.length === 0 && scan.opaque.length === 0 && summary?.[2] === '0';
  if (ok) green++;
  const row = `| ${i} | ${ok ? 'green' : '**RED**'} | ${r.status} | ${summary ? `${summary[1]} / ${summary[2]} / ${summary[3]}` : 'no summary'} | ${scan.leaks.length} | ${seconds.toFixed(1)} |`;
  rows.push(row);
  console.log(row);
  if (!ok) console.log(r.stdout.split('\n').filter((l) => /FAIL|✘|failed/.test(l)).slice(0, 20).join('\n'));
}
const doc = `# Flake check

\`npm run flake\` runs the whole conformance suite (every provider: API, browser and Pact checks)
against the embedded mocks ${runs} times in a row, and leak-scans each run's output and artifacts.

Recorded ${new Date().toISOString()} on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}.

**${green} of ${runs} runs green.**

| run | result | exit | tests passed / failed / skipped | leaks | seconds |
|---|---|---|---|---|---|
${rows.join('\n')}
`;
writeFileSync(join(process.cwd(), 'docs/FLAKE.md'), doc);
console.log(`flake: ${green} of ${runs} runs green; docs/FLAKE.md`);
process.exit(green === runs ? 0 : 1);

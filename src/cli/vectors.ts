// `card-reveal-harness vectors`: checks every known-answer vector file (vectors/*.json) with every
// independent implementation its checker runs, and prints how long each took and checks per second
// (a check: one test by one implementation). Exit 1 when any test fails in any implementation.
import { parse } from './usage.ts';

export async function vectorsCommand(args: string[]): Promise<number> {
  const { positionals } = parse(args, {}, true);
  const { timeVectorFiles, vectorFileNames } = await import('../vectors/timing.ts');
  const names = vectorFileNames().filter((f) => positionals.length === 0 || positionals.some((p) => f.includes(p)));
  const rows = await timeVectorFiles(names);
  const rate = (checks: number, seconds: number) => (seconds > 0 ? Math.round(checks / seconds) : 0);
  console.log('| file | tests | implementations | checks | seconds | checks/s | in process: checks/s |\n|---|---|---|---|---|---|---|');
  for (const r of rows) {
    if (r.tests === undefined) console.log(`| ${r.name} | no checker | | | | | |`);
    else console.log(`| ${r.name} | ${r.tests}${r.failures.length ? ` (${r.failures.length} FAILED)` : ''} | ${r.implementations} | ${r.checks} | ${r.seconds!.toFixed(3)} | ${rate(r.checks!, r.seconds!)} | ${rate(r.inProcess!.checks, r.inProcess!.seconds)} |`);
    for (const f of r.failures.slice(0, 10)) console.log(`  FAILED tcId ${f.tcId} (${f.implementation}): ${f.problem}`);
  }
  const sum = (f: (r: (typeof rows)[number]) => number | undefined) => rows.reduce((n, r) => n + (f(r) ?? 0), 0);
  const failed = sum((r) => r.failures.length);
  console.log(`| all | | | ${sum((r) => r.checks)} | ${sum((r) => r.seconds).toFixed(3)} | **${rate(sum((r) => r.checks), sum((r) => r.seconds))}** | **${rate(sum((r) => r.inProcess?.checks), sum((r) => r.inProcess?.seconds))}** |`);
  console.log('\nEach implementation over a file, slowest first (external: another program per test):');
  const all = rows.flatMap((r) => (r.timings ?? []).map((t) => ({ file: r.name, ...t })));
  for (const t of all.sort((a, b) => b.seconds / b.checks - a.seconds / a.checks).slice(0, 12)) console.log(`  ${String(rate(t.checks, t.seconds)).padStart(7)} checks/s  ${t.file}  ${t.name}${t.external ? ' (external)' : ''}`);
  console.log(failed ? `vectors: ${failed} failure(s)` : `vectors: every test passes in every implementation`);
  return failed ? 1 : 0;
}

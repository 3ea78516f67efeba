// `card-reveal-harness vectors`: checks every known-answer vector file (vectors/*.json) with every
// independent implementation its checker runs, and prints how long each took and checks per second
// (a check: one test by one implementation). Exit 1 when any test fails in any implementation.
import { parse } from './usage.ts';

export async function vectorsCommand(args: string[]): Promise<number> {
  const { positionals } = parse(args, {}, true);
  const {
    perSecond: rate,
    slowestImplementations,
    timeVectorFiles,
    vectorFileNames,
    vectorTotals,
  } = await import('../vectors/timing.ts');
  const names = vectorFileNames().filter((f) => positionals.length === 0 || positionals.some((p) => f.includes(p)));
  const rows = await timeVectorFiles(names);
  console.log(
    '| file | tests | implementations | checks | seconds | checks/s | in process: checks/s |\n|---|---|---|---|---|---|---|',
  );
  for (const r of rows) {
    if (r.tests === undefined) console.log(`| ${r.name} | no checker | | | | | |`);
    else
      console.log(
        `| ${r.name} | ${r.tests}${r.failures.length ? ` (${r.failures.length} FAILED)` : ''} | ${r.implementations} | ${r.checks} | ${r.seconds!.toFixed(3)} | ${rate(r.checks!, r.seconds!)} | ${rate(r.inProcess!.checks, r.inProcess!.seconds)} |`,
      );
    for (const f of r.failures.slice(0, 10)) console.log(`  FAILED tcId ${f.tcId} (${f.implementation}): ${f.problem}`);
  }
  const all = vectorTotals(rows);
  const failed = all.failures;
  console.log(
    `| all | | | ${all.checks} | ${all.seconds.toFixed(3)} | **${rate(all.checks, all.seconds)}** | **${rate(all.inProcess.checks, all.inProcess.seconds)}** |`,
  );
  console.log('\nEach implementation over a file, slowest first (external: another program, one per file):');
  for (const t of slowestImplementations(rows, 12))
    console.log(
      `  ${String(rate(t.checks, t.seconds)).padStart(7)} checks/s  ${t.file}  ${t.name}${t.external ? ' (external)' : ''}`,
    );
  console.log(failed ? `vectors: ${failed} failure(s)` : `vectors: every test passes in every implementation`);
  return failed ? 1 : 0;
}

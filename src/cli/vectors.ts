// `card-reveal-harness vectors`: checks every known-answer vector file (vectors/*.json) with every
// independent implementation its checker runs, and prints how long each took and checks per second
// (a check: one test by one implementation). Exit 1 when any test fails in any implementation.
import { parse } from './usage.ts';

export async function vectorsCommand(args: string[]): Promise<number> {
  const { positionals } = parse(args, {}, true);
  const { timeVectorFiles, vectorFileNames } = await import('../vectors/timing.ts');
  const names = vectorFileNames().filter((f) => positionals.length === 0 || positionals.some((p) => f.includes(p)));
  const rows = await timeVectorFiles(names);
  console.log('| file | tests | implementations | checks | seconds | checks/s |\n|---|---|---|---|---|---|');
  for (const r of rows) {
    if (r.tests === undefined) console.log(`| ${r.name} | no checker | | | | |`);
    else console.log(`| ${r.name} | ${r.tests}${r.failures.length ? ` (${r.failures.length} FAILED)` : ''} | ${r.implementations} | ${r.checks} | ${r.seconds!.toFixed(3)} | ${Math.round(r.checks! / r.seconds!)} |`);
    for (const f of r.failures.slice(0, 10)) console.log(`  FAILED tcId ${f.tcId} (${f.implementation}): ${f.problem}`);
  }
  const checks = rows.reduce((n, r) => n + (r.checks ?? 0), 0);
  const seconds = rows.reduce((n, r) => n + (r.seconds ?? 0), 0);
  const failed = rows.reduce((n, r) => n + r.failures.length, 0);
  console.log(`| all | | | ${checks} | ${seconds.toFixed(3)} | **${Math.round(checks / seconds)}** |`);
  console.log(failed ? `vectors: ${failed} failure(s)` : `vectors: every test passes in every implementation`);
  return failed ? 1 : 0;
}

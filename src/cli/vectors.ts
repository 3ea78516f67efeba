// `card-reveal-harness vectors`: checks every known-answer vector file (vectors/*.json) with every
// independent implementation its checker runs, and prints how long each took and checks per second
// (a check: one test by one implementation). Exit 1 when any test fails in any implementation.
import { readdirSync } from 'node:fs';
import { loadVectorFile } from '../core/vectors.ts';
import { fromRoot } from '../core/root.ts';
import { parse } from './usage.ts';

export async function vectorsCommand(args: string[]): Promise<number> {
  const { positionals } = parse(args, {}, true);
  const { vectorCheckers } = await import('../vectors/index.ts');
  const names = readdirSync(fromRoot('vectors'))
    .filter((f) => f.endsWith('.json') && f !== 'schema.json' && (positionals.length === 0 || positionals.some((p) => f.includes(p))))
    .sort();
  let failed = 0;
  let checks = 0;
  let seconds = 0;
  console.log('| file | tests | implementations | checks | seconds | checks/s |\n|---|---|---|---|---|---|');
  for (const name of names) {
    const checker = vectorCheckers[name];
    if (!checker) {
      console.log(`| ${name} | no checker | | | | |`);
      failed++;
      continue;
    }
    const file = loadVectorFile(fromRoot('vectors', name));
    const started = performance.now();
    const { checked, failures } = await checker(file);
    const s = (performance.now() - started) / 1000;
    const n = checked * file.source.independentChecks.length;
    checks += n;
    seconds += s;
    failed += failures.length;
    console.log(`| ${name} | ${checked}${failures.length ? ` (${failures.length} FAILED)` : ''} | ${file.source.independentChecks.length} | ${n} | ${s.toFixed(3)} | ${Math.round(n / s)} |`);
    for (const f of failures.slice(0, 10)) console.log(`  FAILED tcId ${f.tcId} (${f.implementation}): ${f.problem}`);
  }
  console.log(`| all | | | ${checks} | ${seconds.toFixed(3)} | **${Math.round(checks / seconds)}** |`);
  console.log(failed ? `vectors: ${failed} failure(s)` : `vectors: every test passes in every implementation`);
  return failed ? 1 : 0;
}

// Runs a provider's suite against its mock once per defect and reports who caught what.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Matrix } from '../core/matrix.ts';
import { projectArgs, providers } from '../providers.ts';
import { runPlaywright } from './playwright.ts';
import { parse, providerOrUsageError } from './usage.ts';

export interface DefectOutcome {
  provider: string;
  defect: string;
  breaks: string;
  caught: boolean;
  /** Did a check of the very requirement the defect breaks fail? */
  ruleCheckFailed: boolean;
  caughtBy: string[];
}

export async function defectsCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { output: { type: 'string' }, list: { type: 'boolean' } }, true);
  positionals.forEach(providerOrUsageError);
  const selected = providers.filter((p) => positionals.length === 0 || positionals.includes(p.id));
  if (values.list) {
    for (const p of selected) for (const d of p.defects) console.log(`${p.id}\t${d.name}\t${d.breaks}\t${d.description}`);
    return 0;
  }
  const root = resolve(values.output ?? 'reports/defects');
  rmSync(root, { recursive: true, force: true });
  const outcomes: DefectOutcome[] = [];
  for (const p of selected) {
    for (const d of p.defects) {
      const output = resolve(root, `${p.id}--${d.name}`);
      await runPlaywright({
        args: projectArgs([p.id]),
        env: { CRH_OUTPUT_DIR: output, CRH_MOCK_DEFECTS: `${p.id}:${d.name}`, CRH_QUIET: '1' },
        inherit: false,
      });
      const file = resolve(output, 'conformance.json');
      const matrix = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Matrix) : undefined;
      const rows = matrix?.providers.find((x) => x.id === p.id)?.requirements ?? [];
      const failedTests = [...new Set(rows.flatMap((r) => r.tests.filter((t) => t.status === 'fail').map((t) => `[${t.project}] ${t.title}`)))];
      const outcome: DefectOutcome = {
        provider: p.id,
        defect: d.name,
        breaks: d.breaks,
        caught: failedTests.length > 0,
        ruleCheckFailed: rows.some((r) => r.id === d.breaks && r.verdict === 'fail'),
        caughtBy: failedTests,
      };
      outcomes.push(outcome);
      console.log(
        `${outcome.caught ? 'CAUGHT ' : 'ESCAPED'} ${p.id.padEnd(8)} ${d.name.padEnd(30)} breaks ${d.breaks}${outcome.ruleCheckFailed ? '' : ' (its own check did not fail)'}\n` +
          (outcome.caught ? outcome.caughtBy.map((t) => `          by ${t}`).join('\n') : `          no test failed: ${d.description}`),
      );
    }
  }
  const caught = outcomes.filter((o) => o.caught).length;
  console.log(`\n| provider | defect | rule broken | caught by |\n|---|---|---|---|`);
  for (const o of outcomes) console.log(`| ${o.provider} | ${o.defect} | ${o.breaks} | ${o.caught ? `${o.caughtBy.length} test(s), first: ${o.caughtBy[0]}` : '**not caught**'} |`);
  console.log(`\ncaught ${caught} of ${outcomes.length} defects`);
  return caught === outcomes.length ? 0 : 1;
}

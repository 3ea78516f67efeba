// Allure 3 (pure Node): allure-results → allure-report, optionally served over HTTP (the report
// does not render from file://), and Allure's quality gate as a CI gate. The report keeps Allure's
// history (trends, "new failure", "fixed") in a folder outside the run's output, which a run empties.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { allureConfig } from '../../reporters/allure-config.ts';
import { codeFile } from '../core/root.ts';
import { packageDir, runChild } from './playwright.ts';
import { parse, UsageError } from './usage.ts';

// allure's package exports no subpath to its CLI, which sits at the package root.
const allureCli = resolve(packageDir('allure'), 'cli.js');
const iteratorPolyfill = codeFile('src/cli/iterator-to-array.mjs');

const allure = (args: string[]) => runChild(process.execPath, ['--import', iteratorPolyfill, allureCli, ...args]);

function resultsDir(output: string | undefined): { dir: string; results: string } {
  const dir = resolve(output ?? 'reports');
  const results = resolve(dir, 'allure-results');
  if (!existsSync(results))
    throw new UsageError(`no Allure results in ${results}: run "card-reveal-harness run" first`);
  return { dir, results };
}

/** Where the report's history lives unless --history names a folder: beside the output, not in it. */
export const defaultHistoryDir = (output: string): string => `${output}-history`;

export async function reportCommand(args: string[]): Promise<number> {
  const { values } = parse(args, {
    output: { type: 'string' },
    serve: { type: 'boolean' },
    history: { type: 'string' },
  });
  const { dir, results } = resultsDir(values.output);
  const history = resolve(values.history ?? defaultHistoryDir(dir));
  mkdirSync(history, { recursive: true });
  const config = resolve(dir, 'allurerc.json');
  writeFileSync(config, `${JSON.stringify(allureConfig(resolve(history, 'history.jsonl')), null, 2)}\n`);
  const code = await allure(['generate', results, '-o', resolve(dir, 'allure-report'), '--config', config]);
  if (code !== 0 || !values.serve) return code;
  return allure(['open', resolve(dir, 'allure-report')]);
}

/** Allure's quality gate over a run's results: exit 1 above --max-failures or below --min-tests. */
export async function gateCommand(args: string[]): Promise<number> {
  const { values } = parse(args, {
    output: { type: 'string' },
    'max-failures': { type: 'string', default: '0' },
    'min-tests': { type: 'string', default: '1' },
  });
  const maxFailures = Number(values['max-failures']);
  const minTests = Number(values['min-tests']);
  if (!Number.isInteger(maxFailures) || maxFailures < 0 || !Number.isInteger(minTests) || minTests < 0)
    throw new UsageError('--max-failures and --min-tests take whole numbers ≥ 0');
  const { results } = resultsDir(values.output);
  const code = await allure([
    'quality-gate',
    results,
    '--max-failures',
    String(maxFailures),
    '--min-tests-count',
    String(minTests),
  ]);
  console.log(code === 0 ? 'QUALITY GATE: passed' : 'QUALITY GATE: failed');
  return code === 0 ? 0 : 1;
}

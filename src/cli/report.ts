// Allure 3 (pure Node): allure-results → allure-report, optionally served over HTTP (the report
// does not render from file://).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { projectRoot } from './playwright.ts';
import { parse, UsageError } from './usage.ts';

// allure's package exports no subpaths; its CLI file sits at the package root.
const allureCli = resolve(projectRoot, 'node_modules/allure/cli.js');

function allure(args: string[]): Promise<number> {
  return new Promise((r) => spawn(process.execPath, [allureCli, ...args], { stdio: 'inherit' }).on('close', (c) => r(c ?? 1)));
}

export async function reportCommand(args: string[]): Promise<number> {
  const { values } = parse(args, { output: { type: 'string' }, serve: { type: 'boolean' } });
  const dir = resolve(values.output ?? 'reports');
  const results = resolve(dir, 'allure-results');
  if (!existsSync(results)) throw new UsageError(`no Allure results in ${results}: run "card-reveal-harness run" first`);
  const code = await allure(['generate', results, '-o', resolve(dir, 'allure-report')]);
  if (code !== 0 || !values.serve) return code;
  return allure(['open', resolve(dir, 'allure-report')]);
}

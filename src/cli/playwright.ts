// Child processes of the CLI: Playwright's own CLI on the harness's config, and the other tools
// (Allure, the Pact Broker CLI) that a command hands over to.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { codeFile, projectRoot } from '../core/root.ts';

export { projectRoot };
/** Playwright's CLI script, run with this Node. */
export const playwrightCli = createRequire(import.meta.url).resolve('@playwright/test/cli');

/**
 * The folder of an installed package, found as Node finds packages (inside the harness's own
 * node_modules in a checkout, beside it when a team installed the harness): for a package whose
 * `exports` do not reach the file wanted (a CLI script).
 */
export function packageDir(name: string): string {
  const dir = (createRequire(import.meta.url).resolve.paths(name) ?? [])
    .map((p) => join(p, name))
    .find((d) => existsSync(join(d, 'package.json')));
  if (!dir) throw new Error(`${name} is not installed`);
  return dir;
}

/** The suite's Playwright config: the TypeScript one in a checkout (Playwright transforms it), the compiled one in a package. */
export const playwrightConfig = codeFile('playwright.config.ts');

/** Runs a command with the terminal as its output and resolves its exit code (1 when killed). */
export function runChild(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<number> {
  return new Promise((r) =>
    spawn(command, args, { cwd: options.cwd, stdio: 'inherit', env: { ...process.env, ...options.env } }).on(
      'close',
      (c) => r(c ?? 1),
    ),
  );
}

export interface PlaywrightRun {
  args: string[];
  env?: NodeJS.ProcessEnv;
  /** false: collect output instead of printing it. */
  inherit?: boolean;
}

export function runPlaywright(run: PlaywrightRun): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [playwrightCli, 'test', '-c', playwrightConfig, ...run.args], {
      cwd: projectRoot,
      env: { ...process.env, ...run.env },
      stdio: run.inherit === false ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    let output = '';
    child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

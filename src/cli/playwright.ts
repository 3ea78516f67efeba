// Child processes of the CLI: Playwright's own CLI on the harness's config, and the other tools
// (Allure, the Pact Broker CLI) that a command hands over to.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { projectRoot } from '../core/root.ts';

export { projectRoot };
/** Playwright's CLI script, run with this Node. */
export const playwrightCli = createRequire(import.meta.url).resolve('@playwright/test/cli');

/**
 * Node's arguments before Playwright's CLI. Installed as a package (inside node_modules), the
 * harness's specs, fixtures and config are TypeScript that Playwright does not transform there:
 * tsx's loader does, in the runner and in each worker (which inherit these arguments). In a
 * checkout Playwright transforms them itself, and nothing is added.
 */
export const playwrightNodeArgs = (root = projectRoot): string[] => (/[\\/]node_modules[\\/]/.test(root) ? ['--import', 'tsx'] : []);

/** Runs a command with the terminal as its output and resolves its exit code (1 when killed). */
export function runChild(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<number> {
  return new Promise((r) => spawn(command, args, { cwd: options.cwd, stdio: 'inherit', env: { ...process.env, ...options.env } }).on('close', (c) => r(c ?? 1)));
}

export interface PlaywrightRun {
  args: string[];
  env?: NodeJS.ProcessEnv;
  /** false: collect output instead of printing it. */
  inherit?: boolean;
}

export function runPlaywright(run: PlaywrightRun): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...playwrightNodeArgs(), playwrightCli, 'test', '-c', join(projectRoot, 'playwright.config.ts'), ...run.args], {
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

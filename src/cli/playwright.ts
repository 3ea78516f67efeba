// Runs Playwright's own CLI on the harness's config, as a child process.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const playwrightCli = createRequire(import.meta.url).resolve('@playwright/test/cli');

export interface PlaywrightRun {
  args: string[];
  env?: NodeJS.ProcessEnv;
  /** false: collect output instead of printing it. */
  inherit?: boolean;
}

export function runPlaywright(run: PlaywrightRun): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [playwrightCli, 'test', '-c', `${projectRoot}playwright.config.ts`, ...run.args], {
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

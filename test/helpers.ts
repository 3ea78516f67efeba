import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSandbox } from '../src/core/mock-process.ts';
import { providers } from '../src/providers.ts';
import type { Matrix } from '../src/core/matrix.ts';

export const root = fileURLToPath(new URL('../', import.meta.url));
const bin = fileURLToPath(new URL('../bin/card-reveal-harness.js', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the harness's CLI as a user would, with the given extra environment. */
export function cli(args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 600_000): Promise<CliResult> {
  return runProcess(process.execPath, [bin, ...args], { cwd: root, env, timeoutMs });
}

/** Runs a command in `cwd` with the given extra environment (CI unset, as on a person's machine); killed after `timeoutMs`. */
export function runProcess(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<CliResult> {
  const timeoutMs = options.timeoutMs ?? 600_000;
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, CI: '', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
}

export { startMockProcess } from '../src/core/mock-process.ts';

/**
 * A fresh folder under reports/selftest, and in it an Exa sandbox whose verdict has one of each
 * kind: a departure from a default (a warning), a broken rule (iv-reused: a failure) and, unless
 * told `only warning and failure`, a refusal in another shape (no-card-as-no-panda). The report
 * self-tests tell its story.
 */
export async function storySandbox(name: string, kinds: 'all' | 'only warning and failure' = 'all') {
  const dir = join(root, 'reports/selftest', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const mock = await startSandbox('exa', join(dir, 'vendor-env.json'), [
    '--variant',
    'other-limit-frequency',
    '--defect',
    'iv-reused',
    ...(kinds === 'all' ? ['--defect', 'no-card-as-no-panda'] : []),
  ]);
  return { dir, mock };
}

/** Every seeded card of every mock: what the leak scans look for. */
export const seededCards = providers.flatMap((p) => p.testCards);

/** The requirements of a one-provider run that did not pass (or warn) with every check run, sorted. */
export const notFullyChecked = (m: Matrix): string[] =>
  m.providers[0]!.requirements.filter((x) => !(x.verdict === 'pass' || x.verdict === 'warn') || x.partial)
    .map((x) => x.id)
    .sort();

// Starts `card-reveal-harness mock <provider>` as its own process, as a person would: what it
// serves is then what the CLI serves, and a crash of the mock cannot take the caller down with it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromRoot } from './root.ts';

const bin = fromRoot('bin/card-reveal-harness.js');

export interface MockProcess {
  url: string;
  /** The mock's second origin, where a variant serves some paths (Enfuce's card-data pages on another origin). */
  secondUrl?: string;
  output: string;
  child: ChildProcess;
  /** Set once the process has ended: its exit code or signal. */
  exited(): string | undefined;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 90_000;

/** Resolves once the mock has printed its notes (it is listening). */
export function startMockProcess(provider: string, args: string[] = []): Promise<MockProcess> {
  const child = spawn(process.execPath, [bin, 'mock', provider, '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let exit: string | undefined;
  const closed = new Promise<void>((r) =>
    child.on('exit', (code, signal) => ((exit = signal ?? `exit code ${code}`), r())),
  );
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((resolve, reject) => {
    // Loading the CLI takes seconds on a loaded machine: a slow start is not a failed one.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `the mock did not start within ${START_TIMEOUT_MS / 1000} s: ${output.trim() || 'it printed nothing'}`,
        ),
      );
    }, START_TIMEOUT_MS);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(
        new Error(
          `the mock exited before it listened (${signal ?? `exit code ${code}`}): ${output.trim() || 'it printed nothing'}`,
        ),
      );
    });
    child.stdout!.on('data', (c: Buffer) => {
      output += c.toString();
      const m = /listening on (http:\/\/\S+)/.exec(output);
      if (m && output.includes('point the harness')) {
        clearTimeout(timer);
        const second = /second origin \(where a variant serves some paths\): (http:\/\/[^\s,]+)/.exec(output);
        resolve({
          url: m[1]!,
          ...(second ? { secondUrl: second[1]! } : {}),
          output,
          child,
          exited: () => exit,
          stop: async () => {
            if (exit === undefined) child.kill('SIGTERM');
            await closed;
          },
        });
      }
    });
  });
}

/**
 * A mock as its own process with the variables a vendor would set for it (`mock --write-env`,
 * written to `envFile`, or to a file of its own that is removed once read, and read back).
 */
export async function startMockWithVars(
  provider: string,
  args: string[] = [],
  envFile?: string,
): Promise<MockProcess & { env: Record<string, string> }> {
  const dir = envFile ? undefined : mkdtempSync(join(tmpdir(), 'crh-mock-env-'));
  const file = envFile ?? join(dir!, 'env.json');
  const mock = await startMockProcess(provider, [...args, '--write-env', file]);
  try {
    return Object.assign(mock, { env: JSON.parse(readFileSync(file, 'utf8')) as Record<string, string> });
  } catch (e) {
    await mock.stop();
    throw e;
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

/** A mock run as a vendor's sandbox is: its own process without /__mock/ control, with a vendor's variables. */
export function startSandbox(
  provider: string,
  envFile: string,
  args: string[] = [],
): Promise<MockProcess & { env: Record<string, string> }> {
  return startMockWithVars(provider, ['--no-control', ...args], envFile);
}

// Runs the app's reveal command once: with the provider's variables in its environment, a time
// limit, and its output kept (bounded). Masking is the caller's: it knows the card served.
import { spawn } from 'node:child_process';

/** More than any reveal prints; a command that floods stdout is cut here, not held in memory. */
const MAX_OUTPUT = 256 * 1024;

export interface RawRun {
  ended: string;
  ok: boolean;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  durationMs: number;
}

/** The command could not be started at all (not found, not executable): the user's input, exit 2. */
export class CommandNotStarted extends Error {}

export function runCommand(argv: readonly string[], env: Record<string, string>, timeoutMs: number): Promise<RawRun> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    // Its own process group, so that a shell script's children end with it on a timeout.
    const child = spawn(argv[0]!, argv.slice(1), {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const keep = (s: string, c: Buffer) => (s.length < MAX_OUTPUT ? s + c.toString() : s);
    child.stdout.on('data', (c: Buffer) => (stdout = keep(stdout, c)));
    child.stderr.on('data', (c: Buffer) => (stderr = keep(stderr, c)));
    const kill = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new CommandNotStarted(`the command could not be started: ${e.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        ended: timedOut
          ? `killed after ${Math.round(timeoutMs / 1000)} s without ending`
          : signal
            ? `ended by ${signal}`
            : `exit code ${code}`,
        ok: !timedOut && code === 0,
        timedOut,
        stdout: stdout.slice(0, MAX_OUTPUT),
        stderr: stderr.slice(0, MAX_OUTPUT),
        durationMs: Date.now() - started,
      });
    });
  });
}

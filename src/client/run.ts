// Runs an app's reveal command against a provider's cases: the reference mock as a sandbox (its
// own process), one adversary per case in front of it, the command run with the variables the
// case gives, and one masked record per case.
import { startMockWithVars } from '../core/mock-process.ts';
import { maskPan, Redactor } from '../core/mask.ts';
import { startAdversary } from './adversary.ts';
import { runCommand, type RawRun } from './command.ts';
import type { ClientCaseRecord, ClientRunRecord } from './record.ts';
import type { ClientCase, ClientSide } from './side.ts';

export interface ClientRunOptions {
  side: ClientSide;
  command: readonly string[];
  cases: readonly ClientCase[];
  timeoutMs: number;
  /** Cases run side by side, each on its own adversary. */
  concurrency: number;
}

async function runCase(
  o: ClientRunOptions,
  c: ClientCase,
  vars: Record<string, string>,
  mockUrl: string,
): Promise<ClientCaseRecord> {
  const start = Date.now();
  const adversary = c.adversary(vars);
  const server = await startAdversary(mockUrl, adversary.interceptor);
  const runs: RawRun[] = [];
  try {
    for (let i = 0; i < (c.runs ?? 1); i++)
      runs.push(await runCommand(o.command, adversary.env(vars, server.url), o.timeoutMs));
  } finally {
    await server.close();
  }
  const harnessErrors = server.errors();
  const verdict = harnessErrors.length
    ? { notRun: `an error of the harness: it could not serve the case (${harnessErrors[0]})` }
    : adversary.judge(runs);
  // Every text of the record is masked: the card served, and any card the case forged.
  const redactor = new Redactor([o.side.card(vars), ...(adversary.forged?.() ?? [])]);
  // What the app printed is masked whatever it is: any long digit run (an altered PAN no redactor
  // knows), and the values of card fields in its JSON.
  const mask = (s: string) =>
    redactor
      .redact(s)
      .replace(/\d{12,19}/g, (run) => maskPan(run))
      .replace(
        /("(?:pan|cvc|cvv|cvv2|pin)"\s*:\s*")([^"]*)"/gi,
        (_, key: string, v: string) => `${key}${'*'.repeat(v.length)}"`,
      );
  const findings = 'findings' in verdict ? verdict.findings : [];
  return {
    provider: o.side.provider,
    case: c.name,
    title: c.title,
    requirements: [...c.requirements],
    status: harnessErrors.length ? 'error' : 'notRun' in verdict ? 'not-run' : findings.length ? 'fail' : 'pass',
    served: c.served,
    findings: findings.map((f) => ({ ...f, expected: mask(f.expected), received: mask(f.received) })),
    ...('notRun' in verdict ? { notRunReason: verdict.notRun } : {}),
    ...('findings' in verdict && verdict.unjudged ? { unjudged: verdict.unjudged } : {}),
    runs: runs.map((r) => ({
      ended: r.ended,
      ok: r.ok,
      stdout: mask(r.stdout),
      stderr: mask(r.stderr),
      durationMs: r.durationMs,
    })),
    start,
    durationMs: Date.now() - start,
  };
}

export async function runClientCases(o: ClientRunOptions): Promise<ClientRunRecord> {
  const mock = await startMockWithVars(o.side.provider, ['--no-control']);
  try {
    const queue = [...o.cases];
    const records: ClientCaseRecord[] = [];
    const worker = async () => {
      for (let c = queue.shift(); c; c = queue.shift()) records.push(await runCase(o, c, mock.env, mock.url));
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(o.concurrency, o.cases.length)) }, worker));
    const order = o.cases.map((c) => c.name);
    records.sort((a, b) => order.indexOf(a.case) - order.indexOf(b.case));
    return {
      generatedAt: new Date().toISOString(),
      provider: o.side.provider,
      command: o.command.join(' '),
      cases: records,
    };
  } finally {
    await mock.stop();
  }
}

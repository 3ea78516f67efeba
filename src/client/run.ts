// Runs an app's reveal command against a provider's cases: the reference mock as a sandbox (its
// own process), one adversary per case in front of it, the command run with the variables the
// case gives, and one masked record per case.
import { startMockWithVars } from '../core/mock-process.ts';
import { listenFor } from './adversary.ts';
import { appMasker, caseRecord } from './case-record.ts';
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
  const { adversary, server } = await listenFor(mockUrl, (self) => c.adversary(vars, self));
  const runs: RawRun[] = [];
  try {
    for (let i = 0; i < (c.runs ?? 1); i++)
      runs.push(await runCommand(o.command, adversary.env(server.url), o.timeoutMs));
  } finally {
    await server.close();
  }
  return caseRecord({
    provider: o.side.provider,
    c,
    harnessErrors: server.errors(),
    judge: () => adversary.judge(runs),
    runs: runs.map((r) => ({ ended: r.ended, ok: r.ok, stdout: r.stdout, stderr: r.stderr, durationMs: r.durationMs })),
    mask: appMasker([o.side.card(vars)]),
    start,
  });
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

// One provider's fuzz run: start its mock as a process (or take a vendor's sandbox, --target), make
// seeds from the vendor variables (the mock's own, as `mock --write-env` writes them), send
// generated malformed requests, judge every answer. fast-check shrinks a failure to its smallest
// form; the seed (and path) replay a run exactly. A sandbox's 429 is waited out, not judged.
import fc from 'fast-check';
import { startMockWithVars, type MockProcess } from '../core/mock-process.ts';
import { paced, RATE_LIMIT_BOUND, RateLimitWaits, retryAfterMs } from '../core/network.ts';
import type { VendorVars } from './seed.ts';
import type { ProviderDefinition } from '../providers/types.ts';
import { Judge, type Problem } from './judge.ts';
import { applyMutations, malformedRequest, type Mutation, type Seed } from './mutations.ts';
import { sendRaw, toCurl, type RawRequest } from './request.ts';

export interface FuzzOptions {
  runs: number;
  seed: number;
  /** Replays one case of a failed run: fast-check's counterexample path. */
  path?: string | undefined;
  defects?: readonly string[];
  timeoutMs?: number;
  /** Masks card data and secrets in what is printed (a seeded PAN in a request body, a credential in a header). */
  redact: (text: string) => string;
  /** A vendor's sandbox instead of the mock: its base URL and the provider's variables. */
  target?: { url: string; vars: VendorVars } | undefined;
  /** Requests per second to the target. */
  rate?: number | undefined;
  /** Stop generating after this long (the cases sent so far are judged). */
  maxSeconds?: number | undefined;
}

export interface FuzzFailure {
  problem: Problem;
  seedRequest: string;
  mutations: Mutation[];
  /** The mutations, masked and abbreviated, for a person. */
  mutationsText: string;
  curl: string;
  path: string;
  shrinks: number;
}

export interface FuzzResult {
  provider: string;
  seed: number;
  defects: readonly string[];
  runs: number;
  sent: number;
  /** Where the requests went: "embedded mock" or the sandbox's URL. */
  target: string;
  /** Set when the time bound stopped the run before its count. */
  interrupted?: boolean;
  /** How many answers had each status. */
  statuses: Record<string, number>;
  failure?: FuzzFailure;
}

class Rejected extends Error {
  constructor(readonly problem: Problem) {
    super(`${problem.kind}: ${problem.message}`);
  }
}

export async function fuzzProvider(provider: ProviderDefinition, o: FuzzOptions): Promise<FuzzResult> {
  const defectArgs = (o.defects ?? []).flatMap((d) => ['--defect', d]);
  const started = o.target ? undefined : await startMockWithVars(provider.id, defectArgs);
  let mock: MockProcess | undefined = started;
  const baseUrl = o.target?.url.replace(/\/+$/, '') ?? started!.url;
  const origin = new URL(baseUrl).origin;
  // A seed sent to the target's own origin follows the base URL (a restarted mock's too); one sent
  // where the target's answer pointed keeps that origin.
  const seeds: Seed[] = (await provider.fuzz.seeds(baseUrl, o.target?.vars ?? started!.env)).map((s) =>
    s.request.origin === origin ? { ...s, request: { ...s.request, origin: undefined } } : s,
  );
  const judge = new Judge(provider);
  const timeoutMs = o.timeoutMs ?? 5_000;
  const statuses: Record<string, number> = {};
  let sent = 0;

  // A sandbox's rate limit over the whole run: ten times a request's bound, then it counts as not letting requests through.
  const waits = new RateLimitWaits(RATE_LIMIT_BOUND.totalMs * 10);
  const sendPaced = async (request: RawRequest) => {
    for (;;) {
      await paced(origin, o.rate);
      const res = await sendRaw(baseUrl, request, timeoutMs);
      if ('kind' in res || !o.target) return res;
      const wait = retryAfterMs(res.status, res.headers['retry-after']);
      if (wait === undefined) return res;
      if (!(await waits.wait(wait)))
        return {
          kind: 'connection' as const,
          message: `the sandbox kept answering ${res.status} (rate limited) after ${(waits.waitedMs / 1000).toFixed(0)} s of waiting`,
        };
    }
  };
  const check = async (request: RawRequest): Promise<void> => {
    const res = await sendPaced(request);
    sent++;
    if ('kind' in res) {
      const crashed = mock?.exited();
      if (crashed) {
        // A new mock for the next case (and for shrinking); this one is the failure.
        mock = await startMockWithVars(provider.id, defectArgs);
        throw new Rejected({ kind: 'crash', message: `the mock process ended (${crashed}): ${res.message}` });
      }
      throw new Rejected({ kind: res.kind, message: res.message });
    }
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    const problem = judge.judge(request, res);
    if (problem) throw new Rejected(problem);
  };

  try {
    const details = await fc.check(
      fc.asyncProperty(malformedRequest(seeds), async ({ seed, mutations }) => check(applyMutations(seed, mutations))),
      {
        numRuns: o.runs,
        seed: o.seed,
        ...(o.path ? { path: o.path } : {}),
        interruptAfterTimeLimit: (o.maxSeconds ?? 3600) * 1000,
        markInterruptAsFailure: false,
      },
    );
    const result: FuzzResult = {
      provider: provider.id,
      seed: o.seed,
      defects: o.defects ?? [],
      runs: details.numRuns,
      sent,
      statuses,
      target: o.target ? o.target.url : 'embedded mock',
      ...(details.interrupted ? { interrupted: true } : {}),
    };
    if (details.failed && details.counterexample) {
      const [{ seed, mutations }] = details.counterexample;
      const error = details.errorInstance;
      const problem: Problem =
        error instanceof Rejected
          ? error.problem
          : {
              kind: 'fuzzer',
              message: `the fuzzer itself failed: ${String((error as Error | undefined)?.message ?? error)}`,
            };
      result.failure = {
        problem,
        seedRequest: seed.name,
        mutations,
        curl: o.redact(toCurl(baseUrl, applyMutations(seed, mutations))),
        path: details.counterexamplePath ?? '',
        shrinks: details.numShrinks,
        mutationsText: o.redact(describeMutations(mutations)),
      };
    }
    return result;
  } finally {
    await mock?.stop();
  }
}

/** The lines a person reads about one provider's run. */
export function describeResult(r: FuzzResult): string[] {
  const statuses = Object.entries(r.statuses)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([s, n]) => `${s}×${n}`)
    .join(' ');
  const where = r.target === 'embedded mock' ? '' : ` to ${r.target}`;
  const head = `${r.failure ? 'FAIL' : 'ok  '} ${r.provider.padEnd(9)} ${r.runs} malformed requests${where} (seed ${r.seed}${r.interrupted ? '; stopped by --max-seconds' : ''}); answers: ${statuses || 'none'}`;
  if (!r.failure) return [head];
  const f = r.failure;
  return [
    head,
    `     ${f.problem.kind}: ${f.problem.message}`,
    `     smallest case (after ${f.shrinks} shrinks), from the seed request ${f.seedRequest}, mutations: ${f.mutationsText}`,
    `     ${f.curl}`,
    `     replay: card-reveal-harness fuzz ${r.provider}${r.target === 'embedded mock' ? '' : ` --target ${r.target}`}${r.defects.map((d) => ` --defect ${d}`).join('')} --seed ${r.seed} --path ${f.path}`,
  ];
}

/** Mutations as one line of JSON: bytes in hex, long strings abbreviated. */
function describeMutations(mutations: readonly Mutation[]): string {
  const plain = mutations.map((m) =>
    m.kind === 'body'
      ? {
          kind: m.kind,
          bytes: `hex:${Buffer.from(m.bytes).toString('hex').slice(0, 400)}${m.bytes.byteLength > 200 ? `… (${m.bytes.byteLength} bytes)` : ''}`,
        }
      : m,
  );
  return JSON.stringify(plain, (_k, v: unknown) =>
    typeof v === 'string' && v.length > 200 ? `${v.slice(0, 20)}… (${v.length} chars)` : v,
  );
}

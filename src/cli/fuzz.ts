// `card-reveal-harness fuzz`: property-based bad input against every reference mock, or against a
// vendor's sandbox (--target, with the provider's variables), bounded in count and time and paced.
import { randomInt } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Redactor, SECRET_HEADERS } from '../core/mask.ts';
import { describeResult, fuzzProvider, type FuzzResult } from '../fuzz/run.ts';
import { providers } from '../providers.ts';
import { networkFromFlags, NETWORK_FLAGS, useNetwork } from './network-flags.ts';
import { checkTargetSettings } from './run.ts';
import { parse, providerOrUsageError, UsageError } from './usage.ts';

/**
 * Masks what a vendor's variables hold that is secret (the ones their description calls so) and
 * every credential header, in a curl command or a message a person reads.
 */
function secretMask(env: NodeJS.ProcessEnv): (text: string) => string {
  const secrets = providers
    .flatMap((p) =>
      Object.entries(p.env.vars)
        .filter(([name, what]) => /secret/i.test(what) || /_(PAN|CVC|CVV2?|PIN)$/.test(name))
        .map(([k]) => env[k]),
    )
    .filter((v): v is string => !!v && v.length >= 6)
    .sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text.replace(new RegExp(`('(?:${SECRET_HEADERS.join('|')}): )[^']*'`, 'gi'), "$1(secret)'");
    for (const s of secrets) out = out.split(s).join('(secret)');
    return out;
  };
}

const wholeNumber = (name: string, v: string | undefined, fallback: number, min: number): number => {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < min)
    throw new UsageError(`${name} wants a whole number of ${min} or more, not "${v}"`);
  return n;
};

export async function fuzzCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      runs: { type: 'string' },
      seed: { type: 'string' },
      path: { type: 'string' },
      defect: { type: 'string', multiple: true },
      output: { type: 'string' },
      record: { type: 'string' },
      target: { type: 'string' },
      'max-seconds': { type: 'string' },
      ...NETWORK_FLAGS,
    },
    true,
  );
  positionals.forEach(providerOrUsageError);
  const selected = providers.filter((p) => positionals.length === 0 || positionals.includes(p.id));
  if (values.defect?.length && selected.length !== 1) throw new UsageError('--defect needs exactly one provider');
  if (values.path && selected.length !== 1) throw new UsageError('--path replays one provider: name it');
  if (values.target !== undefined && selected.length !== 1)
    throw new UsageError("--target fuzzes one provider's sandbox: name the provider");
  if (values.target !== undefined && values.defect?.length)
    throw new UsageError('--defect is for the embedded mock, not a --target');
  const network = networkFromFlags(values);
  useNetwork(network);
  let target: { url: string; vars: Record<string, string | undefined> } | undefined;
  if (values.target !== undefined) {
    const p = selected[0]!;
    const env = { ...process.env, [p.env.baseUrl]: values.target };
    checkTargetSettings(p, env);
    target = { url: values.target, vars: Object.fromEntries(Object.keys(p.env.vars).map((k) => [k, env[k]])) };
  }
  const runs = wholeNumber('--runs', values.runs, values.target ? 200 : 1_000, 1);
  const maxSeconds =
    values['max-seconds'] === undefined ? undefined : wholeNumber('--max-seconds', values['max-seconds'], 0, 1);
  const seed = wholeNumber('--seed', values.seed, randomInt(2 ** 31 - 1), 0);
  const redactor = new Redactor(providers.flatMap((p) => p.testCards));
  const masked = secretMask(process.env);
  console.log(`fuzz: ${runs} malformed requests per provider, seed ${seed} (replay with --seed ${seed})`);
  const results: FuzzResult[] = [];
  for (const p of selected) {
    const started = performance.now();
    const r = await fuzzProvider(p, {
      runs,
      seed,
      path: values.path,
      defects: values.defect ?? [],
      redact: (s) => masked(redactor.redact(s)),
      target,
      rate: network.rate,
      maxSeconds,
    });
    results.push(r);
    const [head, ...rest] = describeResult(r);
    console.log([`${head}  (${((performance.now() - started) / 1000).toFixed(1)} s)`, ...rest].join('\n'));
  }
  const failed = results.filter((r) => r.failure).length;
  const sent = results.reduce((n, r) => n + r.runs, 0);
  const file = resolve(values.output ?? 'reports/fuzz/fuzz.json');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(
    file,
    `${JSON.stringify({ seed, runs, results }, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v), 2)}\n`,
  );
  console.log(`fuzz: ${sent} malformed requests, ${failed} provider(s) failed; ${file}`);
  if (values.record) writeFileSync(resolve(values.record), recordOf(results, seed, runs));
  return failed ? 1 : 0;
}

/** The run as a Markdown record (docs/FUZZ.md): what was sent, how each mock answered, any failure. */
function recordOf(results: FuzzResult[], seed: number, runs: number): string {
  const rows = results.map((r) => {
    const answers = Object.entries(r.statuses)
      .map(([s, n]) => `${s}×${n}`)
      .join(' ');
    return `| ${r.provider} | ${r.runs} | ${answers} | ${r.failure ? `**${r.failure.problem.kind}**: ${r.failure.problem.message}` : 'none'} |`;
  });
  return `# Fuzz proof run

\`card-reveal-harness fuzz --runs ${runs} --seed ${seed} --record docs/FUZZ.md\` (${new Date().toISOString()}, Node ${process.version}).
Each mock ran as its own process; every answer had to be below 500, arrive within 5 s, and fit the
documented schema of its status (or the provider's error schema). Replay with the same seed.

| provider | malformed requests | answers (status×count) | failure |
|---|---|---|---|
${rows.join('\n')}

**${results.filter((r) => r.failure).length} failures in ${results.reduce((n, r) => n + r.runs, 0)} requests.**
`;
}

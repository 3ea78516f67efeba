import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadProfile, profileEnvVar } from '../core/profile.ts';
import { conclude, readMatrix } from '../core/matrix.ts';
import { catalogue, loadProvider, providerIds } from '../catalogue.ts';
import type { ProviderCatalogue } from '../providers/types.ts';
import { RunSettings, withSettings } from '../core/settings.ts';
import { beforeChecks } from '../core/transport.ts';
import { networkForRun, networkFromFlags, NETWORK_FLAGS, useNetwork } from './network-flags.ts';
import { runPlaywright } from './playwright.ts';
import { readSettings } from './settings.ts';
import { chromiumOrUsageError } from './chromium.ts';
import { parse, providerOrUsageError, UsageError } from './usage.ts';

/** Checks a target's settings before any test starts: a bad one is exit code 2, not 40 failures. */
export function checkTargetSettings(p: ProviderCatalogue, env: NodeJS.ProcessEnv): void {
  const base = env[p.env.baseUrl];
  if (base !== undefined) {
    let url: URL;
    try {
      url = new URL(base);
    } catch {
      throw new UsageError(`${p.env.baseUrl} is not a valid URL`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new UsageError(`${p.env.baseUrl} must be an http or https URL`);
    if (url.username || url.password)
      throw new UsageError(`${p.env.baseUrl} must not carry credentials; use ${p.env.required.join(', ')}`);
    const missing = p.env.required.filter((k) => !env[k]);
    if (missing.length)
      throw new UsageError(
        `${p.id}: ${p.env.baseUrl} is set, so ${missing.join(', ')} must be set too (${missing.map((k) => p.env.vars[k]).join('; ')})`,
      );
  }
  try {
    loadProfile(p, env);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export async function runCommand(args: string[]): Promise<number> {
  const dashdash = args.indexOf('--');
  const own = dashdash >= 0 ? args.slice(0, dashdash) : args;
  const passThrough = dashdash >= 0 ? args.slice(dashdash + 1) : [];
  const { values } = parse(own, {
    provider: { type: 'string', multiple: true },
    grep: { type: 'string' },
    shard: { type: 'string' },
    output: { type: 'string' },
    quiet: { type: 'boolean' },
    verbose: { type: 'boolean' },
    target: { type: 'string' },
    profile: { type: 'string' },
    strict: { type: 'boolean' },
    settings: { type: 'string' },
    ...NETWORK_FLAGS,
  });
  // The calling repository's settings file, under what the command line says.
  const settings = readSettings(values.settings);
  values.provider = values.provider?.length ? values.provider : settings.providers;
  values.target ??= settings.target;
  values.profile ??= settings.profile;
  values.strict ??= settings.strict;
  values.output ??= settings.output;
  const selected = values.provider?.length ? values.provider : providerIds();
  selected.forEach(providerOrUsageError);
  // --target and --profile name one provider's settings: the same as <ID>_BASE_URL / <ID>_PROFILE.
  if ((values.target !== undefined || values.profile !== undefined) && selected.length !== 1) {
    throw new UsageError('--target and --profile apply to one provider: add --provider <id>');
  }
  const only = catalogue.find((p) => p.id === selected[0])!;
  if (values.target !== undefined && values.target !== 'mock') process.env[only.env.baseUrl] = values.target;
  if (values.target === 'mock') delete process.env[only.env.baseUrl];
  if (values.profile !== undefined) {
    if (!existsSync(values.profile)) throw new UsageError(`profile file ${values.profile} does not exist`);
    process.env[profileEnvVar(only)] = resolve(values.profile);
  }
  if (values.shard !== undefined && !RunSettings.shape.shard.safeParse(values.shard).success)
    throw new UsageError('--shard takes <index>/<total>, for example 1/2');
  for (const p of catalogue.filter((p) => selected.includes(p.id))) checkTargetSettings(p, process.env);
  const network = networkFromFlags(values);
  useNetwork(network);
  chromiumOrUsageError();

  const output = resolve(values.output ?? 'reports');
  // A fresh run starts from empty results; shards of one run share the directory.
  if (values.shard === undefined) rmSync(output, { recursive: true, force: true });
  // An embedded mock is private to a worker; a target at a URL is shared, and its server state
  // and clock (where it has /__mock/) must not be moved by two tests at once. A provider whose
  // checks touch nothing another reads runs on two workers against a sandbox without control.
  const shared = (catalogue as readonly ProviderCatalogue[]).filter(
    (p) => selected.includes(p.id) && process.env[p.env.baseUrl],
  );
  const { offersControl } = await import('../core/target.ts');
  const oneAtATime = await Promise.all(
    shared.map(
      async (p) => !p.parallelOnSandbox || (await offersControl(process.env[p.env.baseUrl]!.replace(/\/+$/, ''))),
    ),
  );
  const sharedTarget = oneAtATime.some(Boolean);
  // One provider without browser checks against its embedded mock: a few seconds of checks with no
  // waits to overlap, so a second worker would only load the same modules again (about 2 of such
  // a run's 10 CPU-seconds; wall time is no longer either way).
  const small = !shared.length && selected.length === 1 && !(only as ProviderCatalogue).browserChecks;
  // Every URL the checks will open: the base URLs, any URL a provider's variables name (a frame's),
  // and the URLs a browser provider's target returns (asked of it now: they may be on other origins).
  const targets = shared.flatMap((p) =>
    [p.env.baseUrl, ...Object.keys(p.env.vars)]
      .map((k) => process.env[k])
      .filter((v): v is string => !!v && /^https?:\/\//.test(v)),
  );
  for (const p of shared.filter((x) => x.browserChecks)) targets.push(...(await returnedUrls(p)));
  const net = await networkForRun(network, targets, sharedTarget ? 1 : 2, output);
  const { code } = await runPlaywright({
    // Sandboxes whose checks share nothing: their checks spread over both workers, test by test, so a
    // slow link's round trips are waited side by side (docs/BENCHMARKS.md, latency).
    args: [
      ...(sharedTarget || small ? ['--workers', '1'] : shared.length ? ['--fully-parallel'] : []),
      ...(values.grep ? ['--grep', values.grep] : []),
      ...(values.shard ? ['--shard', values.shard] : []),
      ...passThrough,
    ],
    env: {
      ...net.env,
      ...withSettings({
        outputDir: output,
        providers: selected,
        console: values.quiet ? 'dot' : values.verbose ? 'list' : 'checks',
        ...(values.shard ? { shard: values.shard } : {}),
        strict: !!values.strict,
        network: net.network,
      }),
    },
  });
  if (values.shard) {
    const failing = printVerdict(
      resolve(output, 'shards', values.shard.replace('/', '-of-')),
      code,
      `shard ${values.shard}`,
    );
    console.log(`when every shard has run: card-reveal-harness merge --output ${output}`);
    return failing === 0 ? 0 : 1;
  }
  return printVerdict(output, code) === 0 ? 0 : 1;
}

/**
 * The closing line of a run, from the matrix the reporter wrote: conformant, conformant with N
 * warnings (exit 0), or NOT conformant (exit 1). Returns the number of failing findings.
 */
export function printVerdict(dir: string, code: number, scope = ''): number {
  const m = readMatrix(resolve(dir, 'conformance.json'));
  if (!m) return code === 0 ? 0 : 1;
  // The reporter concluded the verdict (a failure of a default-only check is a warning; a run that
  // failed with no failed test is NOT conformant). Playwright failing after its reporter had
  // everything pass is a failed run too.
  const c = code !== 0 && m.status === 'passed' && m.tests.failed === 0 ? conclude(m, true) : m.conclusion;
  console.log(`${scope ? `VERDICT (${scope})` : 'VERDICT'}: ${c.text}`);
  return c.verdict === 'not-conformant' ? Math.max(1, c.failing) : 0;
}

/** The URLs a provider's target returns for a browser (ProviderDefinition.returnedUrls); none when it cannot be asked (the checks say why). */
async function returnedUrls(p: ProviderCatalogue): Promise<string[]> {
  const definition = await loadProvider(p.id);
  if (!definition.returnedUrls) return [];
  const vars = Object.fromEntries(Object.keys(p.env.vars).map((k) => [k, process.env[k]]));
  const baseUrl = process.env[p.env.baseUrl]!.replace(/\/+$/, '');
  return beforeChecks(() => definition.returnedUrls!(baseUrl, vars)).catch(() => []);
}

// A run's settings in one typed object, carried from the CLI to what it starts (the Playwright
// config, its workers' fixtures, the reporters) in one variable of JSON, CRH_SETTINGS. Read once per
// value. The two variables README documents for a user (CRH_MOCK_DEFECTS, CRH_HTTP_TIMEOUT_MS) are
// read here too, so no other module reads a CRH_ variable of its own.
import { z } from 'zod';

export const SETTINGS_ENV = 'CRH_SETTINGS';

export const NetworkSettings = z.object({
  /** PEM files of CAs to trust beside the system's (--ca; NODE_EXTRA_CA_CERTS and SSL_CERT_FILE are added). */
  caFiles: z.array(z.string()).optional(),
  /** Mutual TLS: the client certificate and key (PEM files) shown to a target that asks. */
  clientCert: z.string().optional(),
  clientKey: z.string().optional(),
  /** Requests per second to one target, for this process (the CLI divides --rate among workers). */
  rate: z.number().positive().optional(),
  /** SHA-256 of the public keys (base64) Chromium may trust: the targets' certificates, verified against the CAs by the CLI. */
  browserSpki: z.array(z.string()).optional(),
  /** The targets' origins, to which a browser shows the client certificate. */
  browserOrigins: z.array(z.string()).optional(),
  /** How often a check a transport fault interrupted runs again (--transport-retries; transport.ts). */
  transportRetries: z.number().int().min(0).max(10).optional(),
});
export type NetworkSettings = z.infer<typeof NetworkSettings>;

const Defects = z.record(z.string(), z.array(z.string()));

export const RunSettings = z.object({
  /** Where the reports go (JUnit, matrix, Allure results, pacts). */
  outputDir: z.string().default('reports'),
  /** The providers whose checks and contracts run, by id; absent, every provider. */
  providers: z.array(z.string()).optional(),
  /** What the console shows: a line per check, Playwright's list (--verbose), or dots (--quiet). */
  console: z.enum(['checks', 'list', 'dot']).default('checks'),
  /** `1/2`: this run is that shard of a run (`merge` joins them). */
  shard: z
    .string()
    .regex(/^\d+\/\d+$/)
    .optional(),
  /** --strict: a warning or an accepted risk fails the run too. */
  strict: z.boolean().default(false),
  /** The embedded mocks' defects, per provider id (`*`: every provider's mock). */
  mockDefects: Defects.default({}),
  /** The embedded mocks' variants, per provider id: a draw of the free choices (`defects --choices`). */
  mockVariants: Defects.default({}),
  /** A batch (src/core/defect-batch.ts): per provider, the defects (or the variants) its project runs. */
  defectBatch: Defects.default({}),
  /** The batch's files are implementations of the free choices (`variants`), each a mock without control reached as a sandbox is. */
  variantBatch: z.boolean().default(false),
  /** Which half of a contract runs: the consumer's pact alone, or the verification of one written before; absent, both. */
  pactPart: z.enum(['consumer', 'provider']).optional(),
  /** A request's time limit, in ms (a run against a silent target, say). */
  httpTimeoutMs: z.number().int().min(100).max(600_000).optional(),
  network: NetworkSettings.default({}),
});
export type RunSettings = z.infer<typeof RunSettings>;
export type RunSettingsInput = z.input<typeof RunSettings>;

/** The variables the settings are read from: every request and rule check asks, so a read is kept per value. */
const SOURCES = [SETTINGS_ENV, 'CRH_MOCK_DEFECTS', 'CRH_HTTP_TIMEOUT_MS'] as const;
let read: { values: (string | undefined)[]; settings: RunSettings } | undefined;

/** This process's settings. A malformed CRH_SETTINGS is an error of the caller, said at once. */
export function runSettings(env: NodeJS.ProcessEnv = process.env): RunSettings {
  const values = SOURCES.map((k) => env[k]);
  if (read && read.values.every((v, i) => v === values[i])) return read.settings;
  let given: unknown = {};
  try {
    given = env[SETTINGS_ENV] ? JSON.parse(env[SETTINGS_ENV]) : {};
  } catch {
    throw new Error(`${SETTINGS_ENV} is not JSON`);
  }
  const parsed = RunSettings.safeParse({ ...documentedVariables(env), ...(given as object) });
  if (!parsed.success)
    throw new Error(
      `${SETTINGS_ENV}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  read = { values, settings: parsed.data };
  return read.settings;
}

/** The environment that hands `settings` to a process the CLI starts. */
export function settingsEnv(settings: RunSettingsInput): Record<string, string> {
  return { [SETTINGS_ENV]: JSON.stringify(RunSettings.parse(settings)) };
}

/** The same settings with some changed: for a process that runs part of this one's work. */
export function withSettings(change: RunSettingsInput, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return settingsEnv({ ...runSettings(env), ...change });
}

/** `CRH_MOCK_DEFECTS=enfuce:token-reusable,exa:iv-reused` and `CRH_HTTP_TIMEOUT_MS=2000`, as README gives them. */
function documentedVariables(env: NodeJS.ProcessEnv): RunSettingsInput {
  const mockDefects: Record<string, string[]> = {};
  for (const item of (env.CRH_MOCK_DEFECTS ?? '').split(',').map((s) => s.trim())) {
    const [provider, name] = item.includes(':') ? item.split(':', 2) : ['*', item];
    if (provider && name) (mockDefects[provider] ??= []).push(name);
  }
  // Out of the schema's range, the variable is ignored (the default stays), as it always was.
  const timeout = RunSettings.shape.httpTimeoutMs.safeParse(Number(env.CRH_HTTP_TIMEOUT_MS));
  return { mockDefects, ...(timeout.success && timeout.data !== undefined ? { httpTimeoutMs: timeout.data } : {}) };
}

/** The defects a provider's embedded mock starts with. */
export const mockDefectsOf = (s: RunSettings, provider: string): string[] => [
  ...(s.mockDefects['*'] ?? []),
  ...(s.mockDefects[provider] ?? []),
];

/** The variants a provider's embedded mock starts with. */
export const mockVariantsOf = (s: RunSettings, provider: string): string[] => s.mockVariants[provider] ?? [];

// run's network flags (--ca, --client-cert, --client-key, --rate, --transport-retries), checked before any test starts,
// turned into the one variable the Playwright processes read (network.ts), with Chromium's trust of
// the targets' verified keys (tls-probe.ts) and Node's own trust for Playwright's client-certificate
// path (NODE_EXTRA_CA_CERTS).
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { networkSettings, type NetworkSettings } from '../core/network.ts';
import { settingsEnv } from '../core/settings.ts';
import { verifiedSpki } from '../core/tls-probe.ts';
import { UsageError } from './usage.ts';

export const NETWORK_FLAGS = {
  ca: { type: 'string', multiple: true },
  'client-cert': { type: 'string' },
  'client-key': { type: 'string' },
  rate: { type: 'string' },
  'transport-retries': { type: 'string' },
} as const;

export interface NetworkFlags {
  ca?: string[] | undefined;
  'client-cert'?: string | undefined;
  'client-key'?: string | undefined;
  rate?: string | undefined;
  'transport-retries'?: string | undefined;
}

function pemFile(flag: string, file: string, check: (text: string) => unknown): string {
  const path = resolve(file);
  if (!existsSync(path)) throw new UsageError(`${flag} ${file}: no such file`);
  try {
    check(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UsageError(
      `${flag} ${file}: not a PEM ${flag === '--client-key' ? 'private key' : 'certificate'} (${(e as Error).message})`,
    );
  }
  return path;
}

/** The settings the flags (and the variables CI sets) give; a bad file or value is a usage error. */
export function networkFromFlags(flags: NetworkFlags, env: NodeJS.ProcessEnv = process.env): NetworkSettings {
  const caFiles = (flags.ca ?? []).map((f) => pemFile('--ca', f, (t) => new X509Certificate(t)));
  const cert = flags['client-cert'] ?? env.CRH_CLIENT_CERT;
  const key = flags['client-key'] ?? env.CRH_CLIENT_KEY;
  if (!!cert !== !!key) throw new UsageError('--client-cert and --client-key go together');
  const rate = flags.rate === undefined ? undefined : Number(flags.rate);
  if (rate !== undefined && !(Number.isFinite(rate) && rate > 0))
    throw new UsageError(`--rate wants a number of requests per second above 0, not "${flags.rate}"`);
  const retries = flags['transport-retries'] === undefined ? undefined : Number(flags['transport-retries']);
  if (retries !== undefined && !(Number.isInteger(retries) && retries >= 0 && retries <= 10))
    throw new UsageError(
      `--transport-retries wants a whole number from 0 to 10 (re-runs of a check a dropped connection interrupted), not "${flags['transport-retries']}"`,
    );
  return {
    ...(caFiles.length ? { caFiles } : {}),
    ...(cert && key
      ? {
          clientCert: pemFile('--client-cert', cert, (t) => new X509Certificate(t)),
          clientKey: pemFile('--client-key', key, (t) => createPrivateKey(t)),
        }
      : {}),
    ...(rate ? { rate } : {}),
    ...(retries !== undefined ? { transportRetries: retries } : {}),
  };
}

/** Hands the network flags to this process's own requests (the CLI probes targets too): with the same trust. */
export function useNetwork(flags: NetworkSettings): void {
  Object.assign(process.env, settingsEnv({ network: flags }));
}

/**
 * The network settings of the Playwright processes for these flags and targets (the rate divided
 * among `workers`, Chromium's pins), and the variables their Node TLS needs (the CAs).
 */
export async function networkForRun(
  flags: NetworkSettings,
  targets: string[],
  workers: number,
  output: string,
): Promise<{ network: NetworkSettings; env: NodeJS.ProcessEnv }> {
  const origins = [...new Set(targets.map((t) => new URL(t).origin))];
  // The flags' CAs with those of NODE_EXTRA_CA_CERTS and SSL_CERT_FILE.
  const all = networkSettings({ ...process.env, ...settingsEnv({ network: flags }) });
  const pins = all.caFiles?.length
    ? (await Promise.all(origins.map((o) => verifiedSpki(new URL(o), all)))).filter((p): p is string => !!p)
    : [];
  const settings: NetworkSettings = {
    ...flags,
    ...(flags.rate ? { rate: flags.rate / Math.max(1, workers) } : {}),
    ...(pins.length ? { browserSpki: pins } : {}),
    ...(origins.length ? { browserOrigins: origins } : {}),
  };
  const env: NodeJS.ProcessEnv = {};
  // Playwright's client-certificate path speaks TLS from Node: it trusts Node's default store, which
  // holds NODE_EXTRA_CA_CERTS alone; any other CA (--ca, SSL_CERT_FILE) goes in with it, as one file.
  if (all.caFiles?.some((f) => f !== process.env.NODE_EXTRA_CA_CERTS)) {
    const bundle = join(output, '.network', 'ca-bundle.pem');
    mkdirSync(join(output, '.network'), { recursive: true });
    writeFileSync(bundle, all.caFiles.map((f) => readFileSync(f, 'utf8')).join('\n'));
    env.NODE_EXTRA_CA_CERTS = bundle;
  }
  return { network: settings, env };
}

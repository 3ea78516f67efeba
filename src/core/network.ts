// How the harness reaches a target over a real network: whom it trusts (a private CA), which
// client certificate it shows (mutual TLS), which proxy it goes through (HTTPS_PROXY, HTTP_PROXY,
// NO_PROXY, as CI systems set them), how fast it may send (--rate) and how it meets a rate limit
// (429, or 503 with Retry-After: waited out, within a bound, and counted). One setting reaches
// every client: Node's requests (http.ts), the Pact verifier (through pact-forwarder.ts, which
// sends with http.ts) and Chromium (browser.ts). None of it changes a verdict.
import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import { runSettings, type NetworkSettings } from './settings.ts';

export type { NetworkSettings };

let read: { base: NetworkSettings; extra: (string | undefined)[]; settings: NetworkSettings } | undefined;

/** The network part of the run's settings (src/core/settings.ts), with the CAs Node's variables name. */
export function networkSettings(env: NodeJS.ProcessEnv = process.env): NetworkSettings {
  // Every request asks: the answer is kept while the settings object and Node's two CA variables stay.
  const s = runSettings(env).network;
  const extra = [env.NODE_EXTRA_CA_CERTS, env.SSL_CERT_FILE];
  if (read?.base === s && read.extra.every((v, i) => v === extra[i])) return read.settings;
  const files = extra.filter((f): f is string => !!f);
  read = { base: s, extra, settings: { ...s, caFiles: [...new Set([...(s.caFiles ?? []), ...files])] } };
  return read.settings;
}

/** TLS options for a connection to a target: the system's roots plus the CAs named, and the client certificate. */
export function tlsOptions(s: NetworkSettings = networkSettings()): { ca?: string[]; cert?: string; key?: string } {
  const cas = (s.caFiles ?? []).map((f) => readFileSync(f, 'utf8'));
  return {
    ...(cas.length ? { ca: [...rootCertificates, ...cas] } : {}),
    ...(s.clientCert && s.clientKey
      ? { cert: readFileSync(s.clientCert, 'utf8'), key: readFileSync(s.clientKey, 'utf8') }
      : {}),
  };
}

/** The proxy CI names for a scheme: HTTPS_PROXY (else HTTP_PROXY) for https, HTTP_PROXY for http; either spelling. */
export function proxyOf(protocol: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const http = env.http_proxy ?? env.HTTP_PROXY;
  return protocol === 'https:' ? (env.https_proxy ?? env.HTTPS_PROXY ?? http) : http;
}

/** NO_PROXY as CI sets it (either spelling): hosts reached without the proxy. */
export const noProxyOf = (env: NodeJS.ProcessEnv = process.env): string | undefined => env.no_proxy ?? env.NO_PROXY;

/** The proxy for a URL from HTTPS_PROXY / HTTP_PROXY, unless NO_PROXY names its host; undefined for none. */
export function proxyFor(url: URL, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const proxy = proxyOf(url.protocol, env);
  if (!proxy) return undefined;
  const noProxy = (noProxyOf(env) ?? '').split(/[\s,]+/).filter(Boolean);
  const host = url.hostname.toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  const bypass = noProxy.some((entry) => {
    if (entry === '*') return true;
    const [h, p] = entry.toLowerCase().split(/:(?=\d+$)/) as [string, string | undefined];
    if (p && p !== port) return false;
    const bare = h.replace(/^\*?\./, '');
    return host === bare || host.endsWith(`.${bare}`);
  });
  return bypass ? undefined : proxy;
}

// ---------------------------------------------------------------------------------------------
// Rate limits: pacing (--rate) and the target's own 429 / 503 + Retry-After, waited out and counted.

/** How long one wait may be, and how long a request may wait in all, before the target counts as not letting it through. */
export const RATE_LIMIT_BOUND = { oneWaitMs: 10_000, totalMs: 60_000 } as const;

/** What this process waited for rate limits: read by the fixtures into each test's annotations. */
export const rateLimitTally = { count: 0, waitedMs: 0 };

/** The wait a 429 (or a 503 with Retry-After) asks for, in ms: Retry-After in seconds or as a date; 1 s when a 429 names none. */
export function retryAfterMs(status: number, retryAfter: string | undefined, now = Date.now()): number | undefined {
  if (status !== 429 && status !== 503) return undefined;
  if (retryAfter === undefined || retryAfter.trim() === '') return status === 429 ? 1_000 : undefined;
  const seconds = Number(retryAfter.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000);
  const at = Date.parse(retryAfter);
  return Number.isNaN(at) ? (status === 429 ? 1_000 : undefined) : Math.max(0, at - now);
}

/**
 * The rate-limit waits of one request (or of one fuzz run): each as long as the target asked, and
 * counted in this process's tally, until one would pass a bound.
 */
export class RateLimitWaits {
  private waited = 0;
  constructor(private readonly totalMs: number = RATE_LIMIT_BOUND.totalMs) {}

  get waitedMs(): number {
    return this.waited;
  }

  /** Waits `ms` and counts it; false, without waiting, when that wait would pass a bound. */
  async wait(ms: number): Promise<boolean> {
    if (ms > RATE_LIMIT_BOUND.oneWaitMs || this.waited + ms > this.totalMs) return false;
    rateLimitTally.count++;
    rateLimitTally.waitedMs += ms;
    this.waited += ms;
    await new Promise((r) => setTimeout(r, ms));
    return true;
  }
}

const nextSlot = new Map<string, number>();

/** Waits for this process's next slot to send to `origin` at `rate` requests per second (none without a rate). */
export async function paced(origin: string, rate: number | undefined): Promise<void> {
  if (!rate || rate <= 0) return;
  const now = performance.now();
  const slot = Math.max(now, nextSlot.get(origin) ?? 0);
  nextSlot.set(origin, slot + 1000 / rate);
  if (slot > now) await new Promise((r) => setTimeout(r, slot - now));
}

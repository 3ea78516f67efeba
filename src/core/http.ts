// The one HTTP client of the harness. A target may be hostile or broken: every call has a
// timeout, a body size cap and no automatic redirects, and fails with a typed TargetError. Trust,
// client certificates, proxies and rate limits come from network.ts.
import { networkSettings, paced, proxyFor, RateLimitWaits, retryAfterMs, tlsOptions } from './network.ts';
import { runSettings } from './settings.ts';
import { noteTransportFault, TRANSPORT_RETRIES_DEFAULT } from './transport.ts';
import type { Unreachable } from './check-record.ts';

/**
 * undici, loaded on the first request (a process that only lists the checks needs none), and its
 * dispatchers, one per proxy (none, or the one HTTPS_PROXY/HTTP_PROXY names for the URL), each
 * with the TLS settings of network.ts. To a target named by URL, connections are kept alive (on a
 * slow link a connection costs round trips); to anything else (a Pact mock server of one test,
 * whose port the system hands out again to the next) one connection per request: a kept-alive
 * socket to a server that has gone fails the next request before it is sent.
 */
const load = () => import('undici');
let loaded: ReturnType<typeof load> | undefined;
const undici = () => (loaded ??= load());
const dispatchers = new Map<string, import('undici').Dispatcher>();
const keptAlive = new Set<string>();

/** Connections to this origin (a target's base URL) are kept alive. */
export function keepAliveTo(origin: string): void {
  keptAlive.add(origin);
}

async function dispatcherFor(url: URL): Promise<import('undici').Dispatcher> {
  const proxy = proxyFor(url);
  const keepAlive = keptAlive.has(url.origin);
  const key = `${proxy ?? ''} ${keepAlive}`;
  const known = dispatchers.get(key);
  if (known) return known;
  const { Agent, ProxyAgent } = await undici();
  const tls = tlsOptions();
  const made = proxy
    ? new ProxyAgent({ uri: proxy, requestTls: tls, proxyTls: tls, ...(keepAlive ? {} : { pipelining: 0 }) })
    : new Agent({ connect: tls, ...(keepAlive ? {} : { pipelining: 0 }) });
  dispatchers.set(key, made);
  return made;
}

export interface HttpRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface HttpExchange {
  request: HttpRequest;
  response: HttpResponse;
  durationMs: number;
}

export type TargetErrorKind = 'timeout' | 'network' | 'unreachable' | 'tls' | 'too-large' | 'bad-url' | 'redirect';

/**
 * A target that could not be reached at all (nothing listens, no such host) is one finding,
 * "target unreachable", not a list of contract failures: the error is recorded as such
 * (`unreachableError`). A connection that is reset or an answer that never comes is a transport
 * fault (transport.ts): the check that met it runs again, and fails on it only when it meets it
 * every time.
 */
const NOT_REACHED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/**
 * A certificate problem is its own finding (recorded like an unreachable target, so that every
 * check is then not run), never a contract failure: the harness could not talk to the target safely.
 */
export const TLS_PROBLEM = 'TLS:';

/** How often this process could not reach a target (or not safely), and the last time: read by the fixtures into each check's records. */
export const unreachableTally: { count: number; last?: Unreachable } = { count: 0 };

/** The error of a target not reached, recorded as such (`unreachableTally`). */
export function unreachableError(kind: 'unreachable' | 'tls', message: string): TargetError {
  unreachableTally.count++;
  unreachableTally.last = { message, tls: kind === 'tls' };
  return new TargetError(kind, message);
}
const CERT_NOT_TRUSTED = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);
const CLIENT_CERT_WANTED =
  /CERTIFICATE_REQUIRED|ALERT_HANDSHAKE_FAILURE|ALERT_BAD_CERTIFICATE|ALERT_UNKNOWN_CA|ALERT_CERTIFICATE_UNKNOWN/;

/** The finding for a TLS failure of `code`, or undefined when it is not one. */
export function tlsProblem(code: string | undefined, host: string): string | undefined {
  if (!code) return undefined;
  if (CERT_NOT_TRUSTED.has(code))
    return `${TLS_PROBLEM} certificate not trusted (${code}) at ${host}: set --ca <file.pem> (or NODE_EXTRA_CA_CERTS) to the CA that signed it`;
  if (CLIENT_CERT_WANTED.test(code))
    return `${TLS_PROBLEM} the target refused the TLS handshake (${code}) at ${host}: it wants a client certificate it trusts; set --client-cert <cert.pem> and --client-key <key.pem>`;
  return undefined;
}

export class TargetError extends Error {
  override readonly name = 'TargetError';
  constructor(
    readonly kind: TargetErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** Methods a client may send again after a communication failure (RFC 9110 §9.2.2). */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/** Origins whose last request got no answer on any send or in its whole time limit, and none since. */
const silent = new Set<string>();

/** Origins that answered this process: refused by one of them later is a transport fault, not "unreachable" alone. */
const answered = new Set<string>();

/**
 * An exchange that got no complete answer: reset, closed mid-body, no answer in time, or refused
 * by an origin that answered before. Not a bad URL, a redirect, a body over the cap or a
 * certificate: those are the same every time.
 */
function isTransportFault(e: unknown, origin: string): e is TargetError {
  if (!(e instanceof TargetError)) return false;
  return e.kind === 'network' || e.kind === 'timeout' || (e.kind === 'unreachable' && answered.has(origin));
}

export interface SendOptions {
  timeoutMs?: number;
  maxBytes?: number;
  /** false: an idempotent request that got no answer is not sent again (a probe that only looks for a refusal). */
  resend?: boolean;
  /** Called with every completed exchange (for masked report attachments). */
  onExchange?: (exchange: HttpExchange) => void;
}

/** Per-request limit; RunSettings.httpTimeoutMs (CRH_HTTP_TIMEOUT_MS) changes it (a run against a silent target, say). */
const defaultTimeoutMs = (): number => runSettings().httpTimeoutMs ?? 10_000;
const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

export async function send(req: HttpRequest, options: SendOptions = {}): Promise<HttpExchange> {
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs();
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const where = `${req.method} ${safeUrl(req.url)}`;
  let url: URL;
  try {
    url = new URL(req.url);
  } catch {
    throw new TargetError('bad-url', `not a valid URL: ${where}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TargetError('bad-url', `only http and https targets are supported: ${where}`);
  }
  const settings = networkSettings();
  const waits = new RateLimitWaits();
  // Not sent again to a silent origin: a silent target is not waited for thrice per request.
  const resends =
    options.resend !== false && IDEMPOTENT.has(req.method.toUpperCase()) && !silent.has(url.origin)
      ? (settings.transportRetries ?? TRANSPORT_RETRIES_DEFAULT)
      : 0;
  for (let attempt = 0; ;) {
    await paced(url.origin, settings.rate);
    let exchange: HttpExchange;
    try {
      exchange = await sendOnce(req, url, where, timeoutMs, maxBytes);
    } catch (e) {
      if (!isTransportFault(e, url.origin)) throw e;
      // An idempotent request that got no answer is sent again, as RFC 9110 §9.2.2 lets a client;
      // any other stays lost, and the check that sent it runs again from its start (transport.ts).
      // Lost on every send, or at a silent origin, it is what the target does every time.
      const again = attempt < resends;
      const wasSilent = silent.has(url.origin);
      noteTransportFault(e.message, again ? 'resent' : attempt || wasSilent ? 'persistent' : 'lost');
      if (again) {
        await new Promise((r) => setTimeout(r, 100 * ++attempt));
        continue;
      }
      // A request unanswered on every send, or one that waited out its whole time limit, makes the
      // origin silent until it answers again: its next requests are sent once.
      if (attempt || e.kind === 'timeout') silent.add(url.origin);
      if (!attempt) throw e;
      throw new TargetError(e.kind, `${e.message} (no complete answer on any of ${attempt + 1} attempts)`);
    }
    answered.add(url.origin);
    silent.delete(url.origin);
    const wait = retryAfterMs(exchange.response.status, exchange.response.headers['retry-after']);
    if (wait === undefined) {
      options.onExchange?.(exchange);
      return exchange;
    }
    // A rate limit is not a finding: wait as asked, within a bound, and count it.
    if (!(await waits.wait(wait))) {
      throw unreachableError(
        'unreachable',
        `target unreachable (rate limited: HTTP ${exchange.response.status}, Retry-After ${exchange.response.headers['retry-after'] ?? 'none'}, after ${(waits.waitedMs / 1000).toFixed(1)} s of waiting): ${where}`,
      );
    }
  }
}

async function sendOnce(
  req: HttpRequest,
  url: URL,
  where: string,
  timeoutMs: number,
  maxBytes: number,
): Promise<HttpExchange> {
  const started = performance.now();
  const signal = AbortSignal.timeout(timeoutMs);
  const { fetch } = await undici();
  const dispatcher = await dispatcherFor(url);
  try {
    const res = await fetch(url, {
      method: req.method,
      headers: req.headers ?? {},
      ...(req.body !== undefined ? { body: req.body } : {}),
      redirect: 'manual',
      signal,
      dispatcher,
    });
    // A redirect is never followed; one to another host is named as such (credentials or card data
    // sent on would leave the target).
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      let to: URL | undefined;
      try {
        to = new URL(location, url);
      } catch {
        to = undefined;
      }
      if (!to || to.origin !== url.origin) {
        await res.body?.cancel();
        throw new TargetError(
          'redirect',
          `the target redirected (HTTP ${res.status}) to another host ${to ? to.host : '(malformed Location)'}; redirects are not followed: ${where}`,
        );
      }
    }
    const body = await readCapped(res, maxBytes, where);
    const headers: Record<string, string> = {};
    res.headers.forEach((value, key) => {
      headers[key] = value;
    });
    return { request: req, response: { status: res.status, headers, body }, durationMs: performance.now() - started };
  } catch (err) {
    if (err instanceof TargetError) throw err;
    if (signal.aborted) throw new TargetError('timeout', `no complete answer within ${timeoutMs} ms: ${where}`);
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    // A connection closed after the handshake may be a TLS alert undici does not pass on: ask once.
    const alert =
      url.protocol === 'https:' && (cause?.code === 'UND_ERR_SOCKET' || cause?.code === 'ECONNRESET')
        ? await (await import('./tls-probe.ts')).tlsAlert(url, networkSettings())
        : undefined;
    const tls = tlsProblem(alert ?? cause?.code, url.host);
    if (tls) throw unreachableError('tls', `${tls}: ${where}`);
    if (cause?.code && NOT_REACHED.has(cause.code))
      throw unreachableError('unreachable', `target unreachable (${cause.code}): ${where}`);
    throw new TargetError('network', `connection failed (${cause?.code ?? cause?.message ?? String(err)}): ${where}`);
  }
}

async function readCapped(res: import('undici').Response, maxBytes: number, where: string): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new TargetError('too-large', `response body over ${maxBytes} bytes: ${where}`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A URL for messages: no credentials, no query (a query may carry a token or a key). */
export function safeUrl(raw: string): string {
  try {
    const u = new URL(raw);
    return `${u.origin}${u.pathname}${u.search ? '?…' : ''}`;
  } catch {
    return '(malformed URL)';
  }
}

export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}

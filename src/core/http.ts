// The one HTTP client of the harness. A target may be hostile or broken: every call has a
// timeout, a body size cap and no automatic redirects, and fails with a typed TargetError.

/**
 * undici, loaded on the first request (a process that only lists the checks needs none), and its
 * dispatcher: one connection per request. A kept-alive socket to a server that has gone (a Pact
 * mock server of the previous test, whose port the system hands out again) fails the next request
 * before it is sent; with many short-lived servers on loopback that happened under load.
 */
let client: Promise<{ fetch: typeof import('undici').fetch; dispatcher: import('undici').Agent }> | undefined;
const undici = () => (client ??= import('undici').then(({ Agent, fetch }) => ({ fetch, dispatcher: new Agent({ pipelining: 0 }) })));

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

export type TargetErrorKind = 'timeout' | 'network' | 'unreachable' | 'too-large' | 'bad-url' | 'redirect';

/**
 * The message prefix of a target that could not be reached at all (nothing listens, no such
 * host): one finding, "target unreachable", not a list of contract failures. A connection that
 * is reset or an answer that never comes is the target's fault and fails the check that met it.
 */
export const UNREACHABLE = '[unreachable]';
const NOT_REACHED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

export class TargetError extends Error {
  override readonly name = 'TargetError';
  constructor(
    readonly kind: TargetErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export interface SendOptions {
  timeoutMs?: number;
  maxBytes?: number;
  /** Called with every completed exchange (for masked report attachments). */
  onExchange?: (exchange: HttpExchange) => void;
}

/** Per-request limit; CRH_HTTP_TIMEOUT_MS shortens it (a run against a silent target, say). */
function defaultTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const v = Number(env.CRH_HTTP_TIMEOUT_MS);
  return Number.isInteger(v) && v >= 100 && v <= 600_000 ? v : 10_000;
}
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
  const started = performance.now();
  const signal = AbortSignal.timeout(timeoutMs);
  const { fetch, dispatcher } = await undici();
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
        throw new TargetError('redirect', `the target redirected (HTTP ${res.status}) to another host ${to ? to.host : '(malformed Location)'}; redirects are not followed: ${where}`);
      }
    }
    const body = await readCapped(res, maxBytes, where);
    const headers: Record<string, string> = {};
    res.headers.forEach((value, key) => {
      headers[key] = value;
    });
    const exchange = { request: req, response: { status: res.status, headers, body }, durationMs: performance.now() - started };
    options.onExchange?.(exchange);
    return exchange;
  } catch (err) {
    if (err instanceof TargetError) throw err;
    if (signal.aborted) throw new TargetError('timeout', `no complete answer within ${timeoutMs} ms: ${where}`);
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    if (cause?.code && NOT_REACHED.has(cause.code)) throw new TargetError('unreachable', `${UNREACHABLE} target unreachable (${cause.code}): ${where}`);
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

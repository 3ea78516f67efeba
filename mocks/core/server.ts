// A small HTTP server shared by every reference mock: routing, body limits, the test-only
// /__mock/ control routes, and the rule that bad input never becomes a crash or a 5xx without
// the provider's documented error shape.
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { MockClock } from './clock.ts';

export interface MockRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  params: Record<string, string>;
  body: Buffer;
}

export interface MockReply {
  status: number;
  headers?: Record<string, string>;
  /** A string or Buffer is sent as is; anything else as JSON. */
  body?: unknown;
}

export interface Route {
  method: string;
  /** A path template, `:name` marks a parameter: `/v4/card/:cardId/controlToken`. */
  path: string;
  handle(request: MockRequest): MockReply | Promise<MockReply>;
}

/** Why the server itself refused a request before any provider route ran. */
export type FrameworkRefusal = 'not-found' | 'method-not-allowed' | 'too-large' | 'bad-path' | 'internal';

/** A provider's mock: its routes over a state it owns; `S` is what GET /__mock/state answers (the fixtures read it as that type). */
export interface MockApp<S extends object = object> {
  provider: string;
  routes: Route[];
  /** Extra test-only routes, mounted under /__mock/ next to state, clock and reset. */
  controlRoutes?: Route[];
  /** The provider part of GET /__mock/state. */
  state(): S;
  /** The variables a vendor would set for this mock run as a sandbox at `url` (`mock --write-env`). */
  vendorEnv(url: string): Record<string, string>;
  reset(): void;
  /**
   * Paths served on a second origin of the mock (another port), where a variant puts them: a
   * document that says "the URL returned" lets an implementer serve them anywhere. Each origin
   * refuses the other's paths as unknown.
   */
  secondOrigin?: (pathname: string) => boolean;
  /** The provider's documented error shape for refusals made by this server. */
  refuse(request: MockRequest, status: number, reason: FrameworkRefusal): MockReply;
}

export interface ServeOptions {
  port?: number;
  host?: string;
  /** false: no /__mock/ routes (what a production-like sandbox would look like). */
  control?: boolean;
  maxBodyBytes?: number;
  /** Variants of the HTTP layer (src/core/variants.ts httpVariants); others are the app's. */
  variants?: readonly string[];
}

export interface RunningMock {
  url: string;
  port: number;
  /** The second origin's URL, when the app serves paths there (MockApp.secondOrigin). */
  secondUrl?: string;
  close(): Promise<void>;
}

interface CompiledRoute {
  route: Route;
  method: string;
  regex: RegExp;
  names: string[];
}

function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  const pattern = route.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, (_m, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { route, method: route.method.toUpperCase(), regex: new RegExp(`^${pattern}$`), names };
}

const ClockBody = z
  .strictObject({
    advanceMs: z
      .number()
      .finite()
      .min(0)
      .max(366 * 24 * 3600 * 1000)
      .optional(),
    freeze: z.literal(true).optional(),
  })
  .refine((b) => b.advanceMs !== undefined || b.freeze, 'advanceMs or freeze');

/** How much later the slow-answers variant answers. */
const SLOW_ANSWER_MS = 40;

/** The same JSON value with the names of every object in reverse order (a choice RFC 8259 leaves open). */
function reversedKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reversedKeys);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(
    Object.entries(v)
      .reverse()
      .map(([k, x]) => [k, reversedKeys(x)]),
  );
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): MockReply {
  return { status, body, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } };
}

/** The JSON body parsed by a Zod schema, or undefined when it is not JSON or does not fit. */
export function jsonBodyAs<T>(request: MockRequest, schema: z.ZodType<T>): T | undefined {
  let value: unknown;
  try {
    value = JSON.parse(request.body.toString('utf8') || 'null');
  } catch {
    return undefined;
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** Test-only control routes common to every mock; the app adds its own. */
function controlRoutes(app: MockApp, clock: MockClock, defects: readonly string[]): Route[] {
  return [
    {
      method: 'GET',
      path: '/__mock/state',
      handle: () =>
        json(200, {
          provider: app.provider,
          now: clock.now(),
          clockOffsetMs: clock.offset,
          frozen: clock.frozen,
          defects,
          ...app.state(),
        }),
    },
    {
      method: 'POST',
      path: '/__mock/clock',
      handle: (request) => {
        const body = jsonBodyAs(request, ClockBody);
        if (!body) return json(400, { error: 'expected {"advanceMs": n} with 0 <= n, and/or {"freeze": true}' });
        if (body.freeze) clock.freeze();
        if (body.advanceMs !== undefined) clock.advance(body.advanceMs);
        return json(200, { now: clock.now(), clockOffsetMs: clock.offset, frozen: clock.frozen });
      },
    },
    {
      method: 'POST',
      path: '/__mock/reset',
      handle: () => {
        clock.reset();
        app.reset();
        return json(200, { reset: true });
      },
    },
    ...(app.controlRoutes ?? []),
  ];
}

/**
 * The app's answer to a parsed request, without HTTP: the route whose path and method match, or the
 * app's refusal. `npm run bench` times it alone, as the bound of what the mock can serve.
 */
export function dispatcher(
  app: MockApp,
  routes: readonly Route[] = app.routes,
): (request: MockRequest) => Promise<MockReply> {
  const compiled = routes.map(compile);
  return async (request) => {
    let pathMatched = false;
    for (const c of compiled) {
      const m = c.regex.exec(request.url.pathname);
      if (!m) continue;
      pathMatched = true;
      if (c.method !== request.method && !(c.method === 'GET' && request.method === 'HEAD')) continue;
      const params: Record<string, string> = {};
      try {
        c.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1] ?? '')));
      } catch {
        return app.refuse(request, 400, 'bad-path');
      }
      return await c.route.handle({ ...request, params });
    }
    return app.refuse(request, pathMatched ? 405 : 404, pathMatched ? 'method-not-allowed' : 'not-found');
  };
}

export async function serve(
  app: MockApp,
  clock: MockClock,
  defects: readonly string[],
  options: ServeOptions = {},
): Promise<RunningMock> {
  const maxBody = options.maxBodyBytes ?? 64 * 1024;
  const dispatch = dispatcher(app, [
    ...app.routes,
    ...(options.control === false ? [] : controlRoutes(app, clock, defects)),
  ]);

  const host = options.host ?? '127.0.0.1';
  const handler = (onSecond: boolean) => (request: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    let url: URL;
    try {
      url = new URL(request.url ?? '/', `http://${host}`);
    } catch {
      url = new URL('http://invalid/');
    }
    const base: MockRequest = {
      method: (request.method ?? 'GET').toUpperCase(),
      url,
      headers: request.headers,
      params: {},
      body: Buffer.alloc(0),
    };

    const variants = options.variants ?? [];
    const send = (r: MockReply) => {
      if (res.headersSent) return;
      let payload: string | Buffer = '';
      const headers = { ...(r.headers ?? {}) };
      if (typeof r.body === 'string' || Buffer.isBuffer(r.body)) payload = r.body;
      else if (r.body !== undefined) {
        payload = JSON.stringify(variants.includes('json-keys-reversed') ? reversedKeys(r.body) : r.body);
        headers['content-type'] ??= 'application/json; charset=utf-8';
      }
      if (variants.includes('json-no-charset') && /^application\/json\s*;/i.test(headers['content-type'] ?? ''))
        headers['content-type'] = 'application/json';
      if (variants.includes('no-keep-alive')) headers.connection = 'close';
      const named = variants.includes('header-case')
        ? Object.fromEntries(
            Object.entries(headers).map(([k, v]) => [
              k.replace(/(^|-)([a-z])/g, (_m, d: string, c: string) => d + c.toUpperCase()),
              v,
            ]),
          )
        : headers;
      if (variants.includes('chunked') && base.method !== 'HEAD') {
        // No Content-Length: Node sends the body chunked, in two writes.
        res.writeHead(r.status, named);
        const buf = Buffer.from(payload);
        res.write(buf.subarray(0, buf.length >> 1));
        res.end(buf.subarray(buf.length >> 1));
        return;
      }
      named[variants.includes('header-case') ? 'Content-Length' : 'content-length'] = String(
        Buffer.byteLength(payload),
      );
      res.writeHead(r.status, named);
      res.end(base.method === 'HEAD' ? undefined : payload);
    };
    const reply = variants.includes('slow-answers')
      ? (r: MockReply) => void setTimeout(() => send(r), SLOW_ANSWER_MS)
      : send;

    request.on('data', (c: Buffer) => {
      size += c.length;
      if (size > maxBody) {
        if (!tooLarge) {
          tooLarge = true;
          reply(app.refuse(base, 413, 'too-large'));
          // Stop reading; let the client see the answer, then drop the connection.
          request.pause();
          res.on('finish', () => request.socket.destroy());
        }
        return;
      }
      chunks.push(c);
    });
    request.on('error', () => res.destroy());
    request.on('end', () => {
      if (tooLarge) return;
      const request: MockRequest = { ...base, body: Buffer.concat(chunks) };
      const elsewhere = app.secondOrigin && app.secondOrigin(url.pathname) !== onSecond;
      if (elsewhere) return reply(app.refuse(request, 404, 'not-found'));
      void dispatch(request).then(reply, () => reply(app.refuse(request, 500, 'internal')));
    });
  };
  const hostForUrl = host.includes(':') ? `[${host}]` : host;
  const first = await listen(handler(false), options.port ?? 0, host);
  const second = app.secondOrigin ? await listen(handler(true), 0, host) : undefined;
  return {
    url: `http://${hostForUrl}:${first.port}`,
    port: first.port,
    ...(second ? { secondUrl: `http://${hostForUrl}:${second.port}` } : {}),
    close: async () => {
      await Promise.all([first.close(), second?.close()]);
    },
  };
}

async function listen(
  handler: (request: IncomingMessage, res: ServerResponse) => void,
  port: number,
  host: string,
): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer(handler);

  // A slow or silent client must not hold the mock forever.
  server.requestTimeout = 15_000;
  server.headersTimeout = 10_000;
  server.keepAliveTimeout = 2_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

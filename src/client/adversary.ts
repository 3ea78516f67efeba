// The harness as the app's server: an HTTP server on 127.0.0.1 in front of the provider's reference
// mock that hands the app's request on (rewritten where the case needs: a key swapped for the
// harness's own) and the mock's answer back (honest, or altered as the case says). The app cannot
// tell it from the provider: that is the point.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Exchange {
  method: string;
  /** Path and query, as the app sent them. */
  path: string;
  headers: Record<string, string>;
  body: Buffer;
}

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export interface Interceptor {
  /** An answer of the adversary's own, without the mock (a page of another origin, say); undefined: ask the mock. */
  own?(r: Exchange): Answer | undefined;
  /** The request the mock gets (the app's, by default). */
  request?(r: Exchange): Exchange;
  /** The answer the app gets (the mock's, by default); `r` is the app's request as it came. */
  answer?(r: Exchange, a: Answer): Answer | Promise<Answer>;
}

export interface Adversary {
  url: string;
  /** What the adversary itself could not do: the case proves nothing then (an error of the harness). */
  errors(): string[];
  close(): Promise<void>;
}

// Hop-by-hop and length headers: the adversary's own connection sets them.
const HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'host', 'content-encoding']);

const flat = (h: IncomingHttpHeaders | Headers): Record<string, string> => {
  const out: Record<string, string> = {};
  const entries = h instanceof Headers ? [...h.entries()] : Object.entries(h);
  for (const [k, v] of entries) if (v !== undefined && !HOP.has(k.toLowerCase())) out[k.toLowerCase()] = String(v);
  return out;
};

export async function startAdversary(upstream: string, interceptor: Interceptor): Promise<Adversary> {
  const errors: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const asSent: Exchange = {
          method: req.method ?? 'GET',
          path: req.url ?? '/',
          headers: flat(req.headers),
          body: Buffer.concat(chunks),
        };
        try {
          const mine = interceptor.own?.(asSent);
          if (mine) {
            res.writeHead(mine.status, { ...mine.headers, 'content-length': String(mine.body.length) });
            res.end(mine.body);
            return;
          }
          const out = interceptor.request?.(asSent) ?? asSent;
          const r = await fetch(`${upstream}${out.path}`, {
            method: out.method,
            headers: out.headers,
            ...(out.body.length && !['GET', 'HEAD'].includes(out.method) ? { body: new Uint8Array(out.body) } : {}),
            redirect: 'manual',
          });
          const honest: Answer = {
            status: r.status,
            headers: flat(r.headers),
            body: Buffer.from(await r.arrayBuffer()),
          };
          const a = (await interceptor.answer?.(asSent, honest)) ?? honest;
          res.writeHead(a.status, { ...a.headers, 'content-length': String(a.body.length) });
          res.end(a.body);
        } catch (e) {
          errors.push((e as Error).message);
          // The harness's own fault (the mock gone, a case's code): said as such, never a stack trace.
          res.writeHead(502, { 'content-type': 'text/plain' });
          res.end(`card-reveal-harness: the adversary could not answer: ${(e as Error).message}`);
        }
      })();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    errors: () => [...errors],
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/**
 * One case's adversary, listening: `make` builds it knowing the URL it will have (the URLs an
 * answer returns point there), which is set before any request arrives.
 */
export async function listenFor<A extends { interceptor: Interceptor }>(
  upstream: string,
  make: (self: { url: string }) => A,
): Promise<{ adversary: A; server: Adversary }> {
  const self = { url: '' };
  const adversary = make(self);
  const server = await startAdversary(upstream, adversary.interceptor);
  self.url = server.url;
  return { adversary, server };
}

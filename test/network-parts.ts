// The real parts a sandbox sits behind, built on 127.0.0.1 for the network self-test: a private CA
// (openssl), a TLS terminator in front of a mock (its certificate from that CA; optionally asking
// for a client certificate; an added delay each way; a rate limit answering 429 + Retry-After) and
// a CONNECT proxy as CI systems name with HTTPS_PROXY.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import {
  createServer as createHttpServer,
  request as httpRequest,
  type IncomingMessage,
  type RequestListener,
  type Server,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect as netConnect, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';

export interface Pki {
  caCert: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
}

/** A CA, a server certificate for 127.0.0.1 and a client certificate, all from that CA, in `dir`. */
export function makePki(dir: string): Pki {
  mkdirSync(dir, { recursive: true });
  const f = (name: string) => join(dir, name);
  const ssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
  // A P-256 key, unencrypted, made with the request.
  const newKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  ssl(
    'req',
    '-x509',
    ...newKey,
    '-keyout',
    f('ca.key'),
    '-out',
    f('ca.pem'),
    '-days',
    '2',
    '-subj',
    '/CN=card-reveal-harness test CA',
  );
  writeFileSync(f('server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  writeFileSync(f('client.ext'), 'extendedKeyUsage=clientAuth\n');
  for (const who of ['server', 'client']) {
    ssl('req', ...newKey, '-keyout', f(`${who}.key`), '-out', f(`${who}.csr`), '-subj', `/CN=${who}`);
    ssl(
      'x509',
      '-req',
      '-in',
      f(`${who}.csr`),
      '-CA',
      f('ca.pem'),
      '-CAkey',
      f('ca.key'),
      '-CAcreateserial',
      '-out',
      f(`${who}.pem`),
      '-days',
      '2',
      '-extfile',
      f(`${who}.ext`),
    );
  }
  return {
    caCert: f('ca.pem'),
    serverCert: f('server.pem'),
    serverKey: f('server.key'),
    clientCert: f('client.pem'),
    clientKey: f('client.key'),
  };
}

export interface Terminator {
  url: string;
  /** How many requests it answered 429. */
  limited(): number;
  /** How many requests it sent on, and from where: `browser` for Chromium's (its user agent). */
  forwarded(): { all: number; browser: number };
  /** The faults it injected (TerminatorOptions.faults): dropped, cut and stalled requests, and by whom. */
  injected(): Injected;
  close(): Promise<void>;
}

export interface TerminatorOptions {
  /** The certificates it serves TLS with; without, it speaks plain HTTP (a slow link alone). */
  pki?: Pki;
  /** Where it forwards to (a mock started as a sandbox); a function when the mock starts after it (to know its public URL). */
  upstream: string | (() => string);
  /** Added before a request goes on, and again before its answer comes back (half the added round trip each). */
  delayMs?: number;
  /** Requests per second and burst; above it: 429 with Retry-After: 1. */
  rate?: { perSecond: number; burst: number };
  /** Mutual TLS: a client certificate from the CA is required. */
  requireClientCert?: boolean;
  /** A lossy link: shares of the requests, drawn from a seed, that it disturbs. */
  faults?: LinkFaults;
}

export interface LinkFaults {
  seed: number;
  /** Closed before any answer. */
  drop: number;
  /** The answer's head and half its body, then closed. */
  cut: number;
  /** Held back `stallMs` (3 s) before the answer: slow, not lost. */
  stall: number;
  stallMs?: number;
  /**
   * At least this many requests pass between two faults: a check hit on one run is not hit again
   * on its next (a run is shorter than that), so the bound of re-runs is never what decides.
   */
  spacing?: number;
  /** Requests dropped every time, whatever the draw (a server that drops them on purpose). */
  dropAlways?: (req: IncomingMessage) => boolean;
}

export interface Injected {
  dropped: number;
  cut: number;
  stalled: number;
  /** Drops of `dropAlways`. */
  droppedAlways: number;
  /** Of the dropped and cut, Chromium's. */
  browser: number;
}

/** mulberry32: the same seed disturbs the same requests, in order. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** An HTTPS server in front of `upstream`, as a sandbox's edge is. */
export async function startTerminator(o: TerminatorOptions): Promise<Terminator> {
  const up = () => new URL(typeof o.upstream === 'string' ? o.upstream : o.upstream());
  let tokens = o.rate?.burst ?? 0;
  let last = performance.now();
  let limited = 0;
  const forwarded = { all: 0, browser: 0 };
  const injected: Injected = { dropped: 0, cut: 0, stalled: 0, droppedAlways: 0, browser: 0 };
  const draw = seeded(o.faults?.seed ?? 0);
  let lastFault = -Infinity;
  const allow = (): boolean => {
    if (!o.rate) return true;
    const now = performance.now();
    tokens = Math.min(o.rate.burst, tokens + ((now - last) / 1000) * o.rate.perSecond);
    last = now;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
  const handler: RequestListener = (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        await sleep(o.delayMs ?? 0);
        if (!allow()) {
          limited++;
          await sleep(o.delayMs ?? 0);
          res.writeHead(429, { 'retry-after': '1', 'content-type': 'text/plain' }).end('rate limited');
          return;
        }
        forwarded.all++;
        const browser = /HeadlessChrome|Chrome\//.test(req.headers['user-agent'] ?? '');
        if (browser) forwarded.browser++;
        const f = o.faults;
        const roll = f && forwarded.all - lastFault > (f.spacing ?? 0) ? draw() : 1;
        if (f && roll < f.drop + f.cut + f.stall) lastFault = forwarded.all;
        if (f?.dropAlways?.(req)) {
          injected.droppedAlways++;
          return req.socket.destroy();
        }
        if (f && roll < f.drop) {
          injected.dropped++;
          if (browser) injected.browser++;
          return req.socket.destroy();
        }
        const cut = !!f && roll < f.drop + f.cut;
        if (f && !cut && roll < f.drop + f.cut + f.stall) {
          injected.stalled++;
          await sleep(f.stallMs ?? 3_000);
        }
        const to = up();
        const headers = { ...req.headers, host: to.host };
        const fwd = httpRequest(
          { host: to.hostname, port: to.port, method: req.method, path: req.url, headers },
          (answer) => {
            const body: Buffer[] = [];
            answer.on('data', (c: Buffer) => body.push(c));
            answer.on('end', () => {
              void sleep(o.delayMs ?? 0).then(() => {
                const whole = Buffer.concat(body);
                if (!cut || whole.length < 2)
                  return res.writeHead(answer.statusCode ?? 502, answer.rawHeaders).end(whole);
                // The head and half the body, as the answer says it is long, then the connection goes.
                injected.cut++;
                if (browser) injected.browser++;
                const headers = { ...answer.headers, 'content-length': String(whole.length) };
                delete headers['transfer-encoding'];
                res.writeHead(answer.statusCode ?? 502, headers);
                res.write(whole.subarray(0, Math.floor(whole.length / 2)), () => res.socket?.destroy());
              });
            });
          },
        );
        fwd.on('error', () => res.writeHead(502).end());
        fwd.end(Buffer.concat(chunks));
      })();
    });
  };
  const pki = o.pki;
  const server = pki
    ? createHttpsServer(
        {
          cert: readFileSync(pki.serverCert),
          key: readFileSync(pki.serverKey),
          ca: readFileSync(pki.caCert),
          requestCert: !!o.requireClientCert,
          rejectUnauthorized: !!o.requireClientCert,
        },
        handler,
      )
    : createHttpServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `${pki ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`,
    limited: () => limited,
    forwarded: () => ({ ...forwarded }),
    injected: () => ({ ...injected }),
    close: () => closeServer(server),
  };
}

export interface ConnectProxy {
  url: string;
  /** The host:port each CONNECT asked for. */
  tunnels: string[];
  close(): Promise<void>;
}

/** An HTTP proxy that answers CONNECT only (what HTTPS through HTTPS_PROXY uses). */
export async function startConnectProxy(): Promise<ConnectProxy> {
  const tunnels: string[] = [];
  const open = new Set<Duplex>();
  const server = createHttpServer((_req, res) => res.writeHead(405).end('CONNECT only'));
  server.on('connect', (req, client: Duplex, head: Buffer) => {
    tunnels.push(req.url ?? '');
    open.add(client);
    client.on('close', () => open.delete(client));
    const [host, port] = (req.url ?? '').split(':');
    const upstream = netConnect(Number(port), host!, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const close = () => {
    for (const c of open) c.destroy();
    return closeServer(server);
  };
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, tunnels, close };
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((r) => server.close(() => r()));
}

// The real parts a sandbox sits behind, built on 127.0.0.1 for the network self-test: a private CA
// (openssl), a TLS terminator in front of a mock (its certificate from that CA; optionally asking
// for a client certificate; an added delay each way; a rate limit answering 429 + Retry-After) and
// a CONNECT proxy as CI systems name with HTTPS_PROXY.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, request as httpRequest, type RequestListener, type Server } from 'node:http';
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
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** An HTTPS server in front of `upstream`, as a sandbox's edge is. */
export async function startTerminator(o: TerminatorOptions): Promise<Terminator> {
  const up = () => new URL(typeof o.upstream === 'string' ? o.upstream : o.upstream());
  let tokens = o.rate?.burst ?? 0;
  let last = performance.now();
  let limited = 0;
  const forwarded = { all: 0, browser: 0 };
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
        if (/HeadlessChrome|Chrome\//.test(req.headers['user-agent'] ?? '')) forwarded.browser++;
        const to = up();
        const headers = { ...req.headers, host: to.host };
        const fwd = httpRequest(
          { host: to.hostname, port: to.port, method: req.method, path: req.url, headers },
          (answer) => {
            const body: Buffer[] = [];
            answer.on('data', (c: Buffer) => body.push(c));
            answer.on('end', () => {
              void sleep(o.delayMs ?? 0).then(() => {
                res.writeHead(answer.statusCode ?? 502, answer.rawHeaders).end(Buffer.concat(body));
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

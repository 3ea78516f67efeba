// The key of a target's certificate, for Chromium (browser.ts): Chromium cannot be given a CA, so
// the CLI connects to each https target itself (through the proxy, as the browser will), verifies
// the certificate chain against the system's roots and the CAs given, and hands Chromium the SHA-256
// of that certificate's public key to trust. A chain that does not verify gives no key: the
// browser then fails as the API checks do, with the TLS finding.
import { createHash, X509Certificate } from 'node:crypto';
import { request } from 'node:http';
import type { Socket } from 'node:net';
import { connect, type TLSSocket } from 'node:tls';
import { proxyFor, tlsOptions, type NetworkSettings } from './network.ts';

function tunnel(proxy: string, host: string, port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const p = new URL(proxy);
    const req = request({
      host: p.hostname,
      port: p.port || 80,
      method: 'CONNECT',
      path: `${host}:${port}`,
      headers: { host: `${host}:${port}` },
      timeout: 5_000,
    });
    req.on('connect', (res, socket) =>
      res.statusCode === 200 ? resolve(socket) : reject(new Error(`proxy answered CONNECT with ${res.statusCode}`)),
    );
    req.on('timeout', () => req.destroy(new Error('proxy timed out')));
    req.on('error', reject);
    req.end();
  });
}

/**
 * A TLS connection to `url` (through the proxy the environment names for it) with the harness's
 * trust and client certificate; `probe` reads it and resolves what it learns (undefined: nothing).
 */
async function withTls(
  url: URL,
  settings: NetworkSettings,
  probe: (tls: TLSSocket, done: (v: string | undefined) => void) => void,
): Promise<string | undefined> {
  if (url.protocol !== 'https:') return undefined;
  const port = Number(url.port || 443);
  const proxy = proxyFor(url);
  try {
    const socket = proxy ? await tunnel(proxy, url.hostname, port) : undefined;
    return await new Promise<string | undefined>((resolve) => {
      const tls = connect({
        host: url.hostname,
        port,
        servername: url.hostname,
        ...(socket ? { socket } : {}),
        ...tlsOptions(settings),
        rejectUnauthorized: true,
        timeout: 5_000,
      });
      probe(tls, resolve);
      tls.on('timeout', () => (tls.destroy(), resolve(undefined)));
      tls.on('close', () => resolve(undefined));
    });
  } catch {
    return undefined;
  }
}

/** The base64 SHA-256 of the SPKI of the certificate `url` presents, when its chain verifies; else undefined. */
export function verifiedSpki(url: URL, settings: NetworkSettings): Promise<string | undefined> {
  return withTls(url, settings, (tls, done) => {
    tls.once('secureConnect', () => {
      const spki = new X509Certificate(tls.getPeerCertificate().raw).publicKey.export({ type: 'spki', format: 'der' });
      tls.end();
      done(createHash('sha256').update(spki).digest('base64'));
    });
    tls.on('error', () => done(undefined));
  });
}

/**
 * Why a connection to `url` closed right after its TLS handshake, when TLS is why: in TLS 1.3 a
 * server that wants a client certificate (or does not trust the one shown) says so in an alert the
 * client reads only after its handshake, and undici reports just "other side closed". The code of
 * that alert (ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED, …), or undefined.
 */
export function tlsAlert(url: URL, settings: NetworkSettings): Promise<string | undefined> {
  return withTls(url, settings, (tls, done) => {
    tls.once('secureConnect', () => tls.write(`HEAD / HTTP/1.1\r\nHost: ${url.host}\r\nConnection: close\r\n\r\n`));
    tls.on('data', () => (tls.destroy(), done(undefined)));
    tls.on('error', (e: NodeJS.ErrnoException) => done(e.code));
  });
}

// A raw HTTP request for the fuzzer: any method, any header, any bytes, which fetch refuses to
// send (a GET with a body, invalid UTF-8). Sent with node:http (node:https, with the harness's
// trust and client certificate, to a sandbox behind TLS); printed as a curl command.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tlsOptions } from '../core/network.ts';

export interface RawRequest {
  method: string;
  /** Path and query, sent as is (it may hold bad percent-encoding on purpose). */
  path: string;
  headers: Record<string, string>;
  body?: Uint8Array | undefined;
  /**
   * Where it is sent when not to the target's base URL: the origin of a URL the target returned
   * (Enfuce's cardDataUrl may point anywhere).
   */
  origin?: string | undefined;
  /** A page a browser opens: its refusals are HTML pages without card data, not the API's error body. */
  page?: boolean | undefined;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export type SendFailure = { kind: 'hang'; message: string } | { kind: 'connection'; message: string };

export function sendRaw(baseUrl: string, r: RawRequest, timeoutMs: number): Promise<RawResponse | SendFailure> {
  const base = new URL(r.origin ?? baseUrl);
  return new Promise((resolve) => {
    let settled = false;
    const done = (v: RawResponse | SendFailure) => {
      if (!settled) {
        settled = true;
        resolve(v);
      }
    };
    const https = base.protocol === 'https:';
    const req = (https ? httpsRequest : httpRequest)(
      {
        ...(https ? tlsOptions() : {}),
        // A connection per request: one case's way of ending a connection never fails the next case.
        agent: false,
        host: base.hostname,
        port: base.port,
        method: r.method,
        path: r.path,
        // Header values go out as their UTF-8 bytes: node:http takes a string of bytes (latin1), not text.
        headers: {
          ...Object.fromEntries(
            Object.entries(r.headers).map(([k, v]) => [k, Buffer.from(v, 'utf8').toString('latin1')]),
          ),
          ...(r.body ? { 'content-length': String(r.body.byteLength) } : {}),
        },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          done({
            status: res.statusCode ?? 0,
            headers: Object.fromEntries(
              Object.entries(res.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]),
            ),
            body: Buffer.concat(chunks),
          }),
        );
        res.on('error', (e) => done({ kind: 'connection', message: e.message }));
      },
    );
    req.on('timeout', () => {
      req.destroy();
      done({ kind: 'hang', message: `no answer within ${timeoutMs} ms` });
    });
    req.on('error', (e) => done({ kind: 'connection', message: e.message }));
    if (r.body) req.write(r.body);
    req.end();
  });
}

/** Shell single-quoting; bytes that are not printable ASCII go through $'\xNN'. */
function shellQuote(s: Uint8Array | string): string {
  const bytes = typeof s === 'string' ? Buffer.from(s, 'utf8') : Buffer.from(s);
  const printable = [...bytes].every((b) => b >= 0x20 && b < 0x7f);
  if (printable) return `'${bytes.toString('latin1').replace(/'/g, `'\\''`)}'`;
  return `$'${[...bytes].map((b) => (b >= 0x20 && b < 0x7f && b !== 0x27 && b !== 0x5c ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`)).join('')}'`;
}

/** The request as one curl command a person can paste (long bodies are abbreviated with a repeat). */
export function toCurl(baseUrl: string, r: RawRequest): string {
  // The path is the whole path the server sees: it goes after the origin alone.
  const parts = [
    'curl',
    '-sS',
    '-i',
    '-X',
    r.method,
    shellQuote(`${new URL(r.origin ?? baseUrl).origin}${r.path}`),
    '--path-as-is',
  ];
  for (const [k, v] of Object.entries(r.headers)) parts.push('-H', shellQuote(`${k}: ${v}`));
  if (r.body) {
    const text = Buffer.from(r.body);
    // A run of one repeated byte (the huge values) prints as a printf, not 64 KiB of it.
    const m = /^(.*?)(.)\2{999,}(.*)$/s.exec(text.toString('latin1'));
    if (m && [...text].every((b) => b >= 0x20 && b < 0x7f)) {
      const count = text.length - m[1]!.length - m[3]!.length;
      parts.push(
        '--data-binary',
        `"$(printf '%s' ${shellQuote(m[1]!)}; head -c ${count} /dev/zero | tr '\\0' ${shellQuote(m[2]!)}; printf '%s' ${shellQuote(m[3]!)})"`,
      );
    } else {
      parts.push('--data-binary', shellQuote(r.body));
    }
  }
  return parts.join(' ');
}

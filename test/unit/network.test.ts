// The network settings every client shares (src/core/network.ts) and the one HTTP client's way
// with a rate limit (src/core/http.ts): Retry-After read as seconds or a date, NO_PROXY honoured,
// a 429 waited out and counted once, and a wait beyond the bound a "target unreachable (rate limited)".
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { send, TargetError, tlsProblem } from '../../src/core/http.ts';
import { proxyFor, rateLimitTally, retryAfterMs } from '../../src/core/network.ts';

test('Retry-After in seconds or as an HTTP date; a 429 without one waits 1 s; a 503 without one is an answer', () => {
  expect(retryAfterMs(429, '2')).toBe(2000);
  expect(retryAfterMs(429, '0.5')).toBe(500);
  expect(retryAfterMs(503, new Date(10_000).toUTCString(), 7_000)).toBe(3000);
  expect(retryAfterMs(429, undefined)).toBe(1000);
  expect(retryAfterMs(503, undefined)).toBeUndefined();
  expect(retryAfterMs(200, '5')).toBeUndefined();
  expect(retryAfterMs(500, '5')).toBeUndefined();
});

test('HTTPS_PROXY for https, HTTP_PROXY for http, none for a host NO_PROXY names', () => {
  const env = {
    HTTPS_PROXY: 'http://p:1',
    HTTP_PROXY: 'http://q:2',
    NO_PROXY: 'internal.example, .corp.example,localhost:8080',
  };
  expect(proxyFor(new URL('https://sandbox.example.com/x'), env)).toBe('http://p:1');
  expect(proxyFor(new URL('http://sandbox.example.com/x'), env)).toBe('http://q:2');
  expect(proxyFor(new URL('https://internal.example/'), env)).toBeUndefined();
  expect(proxyFor(new URL('https://api.corp.example/'), env)).toBeUndefined();
  expect(proxyFor(new URL('http://localhost:8080/'), env)).toBeUndefined();
  expect(proxyFor(new URL('http://localhost:9090/'), env)).toBe('http://q:2');
  expect(proxyFor(new URL('https://a.example/'), { ...env, NO_PROXY: '*' })).toBeUndefined();
  expect(proxyFor(new URL('https://a.example/'), {})).toBeUndefined();
});

test('certificate and handshake failures are TLS findings naming the setting that fixes them', () => {
  expect(tlsProblem('SELF_SIGNED_CERT_IN_CHAIN', 'h:1')).toMatch(/^TLS: certificate not trusted .*--ca/);
  expect(tlsProblem('ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED', 'h:1')).toMatch(
    /TLS: the target refused the TLS handshake .*--client-cert/,
  );
  expect(tlsProblem('ECONNRESET', 'h:1')).toBeUndefined();
});

/** A server answering each request with the next of `answers` (the last one repeated). */
async function server(answers: { status: number; headers?: Record<string, string> }[]) {
  let i = 0;
  const s = createServer((_req, res) => {
    const a = answers[Math.min(i++, answers.length - 1)]!;
    res.writeHead(a.status, { 'content-type': 'text/plain', ...a.headers }).end('x');
  });
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(s.address() as AddressInfo).port}`,
    requests: () => i,
    close: () => new Promise<void>((r) => s.close(() => r())),
  };
}

test('a 429 is waited out as asked and the request sent again: the caller sees the answer after it, the wait is counted', async () => {
  const s = await server([{ status: 429, headers: { 'retry-after': '0.2' } }, { status: 200 }]);
  try {
    const before = { ...rateLimitTally };
    const seen: number[] = [];
    const ex = await send({ method: 'GET', url: `${s.url}/` }, { onExchange: (e) => seen.push(e.response.status) });
    expect(ex.response.status).toBe(200);
    expect(seen, 'exchanges recorded for the report').toEqual([200]);
    expect(s.requests()).toBe(2);
    expect(rateLimitTally.count - before.count).toBe(1);
    expect(rateLimitTally.waitedMs - before.waitedMs).toBe(200);
  } finally {
    await s.close();
  }
});

test('a wait beyond the bound is "target unreachable (rate limited)", at once', async () => {
  const s = await server([{ status: 429, headers: { 'retry-after': '3600' } }]);
  try {
    const e = await send({ method: 'GET', url: `${s.url}/` }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TargetError);
    expect((e as TargetError).message).toMatch(/^target unreachable \(rate limited: HTTP 429, Retry-After 3600/);
    expect(s.requests()).toBe(1);
  } finally {
    await s.close();
  }
});

// A transport fault re-runs the check it interrupted; nothing else does (src/core/transport.ts).
// Playwright itself runs five checks (test/fixtures/transport-retry/) against a loopback server
// that drops connections: an answer judged wrong runs once; a POST dropped once runs the check
// twice; one dropped every time runs it 1 + TRANSPORT_RETRIES_DEFAULT times and fails; a GET
// dropped is sent again at once (RFC 9110 §9.2.2), and one dropped on every send fails at once.
// This pins the Playwright field base.ts sets to stop a retry, on every upgrade.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { root, runProcess } from '../helpers.ts';
import { TRANSPORT_RETRIES_DEFAULT } from '../../src/core/transport.ts';
import type { Matrix } from '../../src/core/matrix.ts';

interface JsonReport {
  suites: { specs: { title: string; tests: { results: { status: string; retry: number }[] }[] }[] }[];
}

test('only a transport fault re-runs a check, within the bound, counted in the matrix', async () => {
  test.setTimeout(120_000);
  const seen = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const n = (seen.get(req.url ?? '') ?? 0) + 1;
    seen.set(req.url ?? '', n);
    // Dropped before any answer: what a lossy link does to a request.
    if (req.url?.startsWith('/always') || (req.url?.startsWith('/flaky') && n === 1)) return req.socket.destroy();
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const out = join(root, 'reports/selftest/transport-retry');
  rmSync(out, { recursive: true, force: true });
  try {
    const r = await runProcess(
      process.execPath,
      [
        join(root, 'node_modules/@playwright/test/cli.js'),
        'test',
        '-c',
        'test/fixtures/transport-retry/playwright.config.ts',
      ],
      {
        cwd: root,
        env: {
          CRH_RETRY_TARGET: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
          CRH_RETRY_OUT: out,
        },
        timeoutMs: 110_000,
      },
    );
    const report = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as JsonReport;
    const attempts = Object.fromEntries(
      report.suites.flatMap((s) => s.specs).map((s) => [s.title, s.tests[0]!.results.map((x) => x.status)]),
    );
    const bound = TRANSPORT_RETRIES_DEFAULT;
    expect(attempts, r.stdout.slice(-3000)).toEqual({
      'an answer judged wrong is never run again': ['failed'],
      'a POST dropped once: the check runs again, and is judged on the answer': ['failed', 'passed'],
      'a POST dropped every time: the check runs again up to the bound, then fails': Array<string>(1 + bound).fill(
        'failed',
      ),
      'a GET dropped once is sent again at once: the check passes on its first run': ['passed'],
      'a GET dropped on every send: what the target does every time, judged at once': ['failed'],
    });
    // What the server was asked: the wrong answer once; the GET dropped every time 1 + bound times, in one run.
    expect(Object.fromEntries(seen)).toEqual({
      '/ok': 1,
      '/flaky-post': 2,
      '/always-post': 1 + bound,
      '/flaky-get': 2,
      '/always-get': 1 + bound,
    });
    // The matrix counts them: two checks re-run (1 + bound re-runs), every fault, the re-sends, and
    // the two checks judged on a disturbed exchange.
    const m = JSON.parse(readFileSync(join(out, 'conformance.json'), 'utf8')) as Matrix;
    expect(m.transport).toEqual({
      checks: 2,
      reruns: 1 + bound,
      faults: 1 + (1 + bound) + 1 + (1 + bound),
      resent: 1 + bound,
      disturbed: 2,
    });
    expect(r.stdout).toMatch(/2 checks re-run \(3 re-runs\) and 3 requests sent again after 8 transport faults/);
    expect(r.stdout).toContain('2 judged on a disturbed exchange');
  } finally {
    server.close();
  }
});

// Publishing to a Pact Broker through the Pact CLI: against a recording stand-in broker, the run's
// contracts arrive with the consumer name, version and branch, and carry no card data.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { scanForCardData } from '../src/core/leak-scan.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { cli, root, seededCards } from './helpers.ts';

interface Published {
  pacticipantName: string;
  pacticipantVersionNumber: string;
  branch?: string;
  contracts: { consumerName: string; providerName: string; content: string; specification: string }[];
}

test('broker publish sends every pact of a run to the broker', async () => {
  test.setTimeout(3 * 60_000);
  const out = join(root, 'reports/selftest/run-broker');
  const run = await cli(['run', '--provider', 'cardinal', '--provider', 'plumery', '--output', out, '--quiet']);
  expect(run.code, run.stdout.slice(-1000)).toBe(0);

  const received: Published[] = [];
  const broker = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const base = `http://127.0.0.1:${(broker.address() as AddressInfo).port}`;
      if (req.method === 'GET' && req.url === '/') {
        res
          .writeHead(200, { 'content-type': 'application/hal+json' })
          .end(JSON.stringify({ _links: { 'pb:publish-contracts': { href: `${base}/contracts/publish` } } }));
        return;
      }
      if (req.method === 'POST' && req.url === '/contracts/publish') received.push(JSON.parse(body) as Published);
      res
        .writeHead(200, { 'content-type': 'application/hal+json' })
        .end(JSON.stringify({ logs: [], _embedded: {}, _links: {} }));
    });
  });
  await new Promise<void>((r) => broker.listen(0, '127.0.0.1', () => r()));
  try {
    const url = `http://127.0.0.1:${(broker.address() as AddressInfo).port}`;
    const r = await cli(
      ['broker', 'publish', '--version', '1.2.3', '--branch', 'main', '--output', out],
      { PACT_BROKER_BASE_URL: url },
      120_000,
    );
    expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
  } finally {
    broker.closeAllConnections();
    await new Promise<void>((r) => broker.close(() => r()));
  }
  const contracts = received.flatMap((p) =>
    p.contracts.map((c) => ({ ...c, version: p.pacticipantVersionNumber, branch: p.branch })),
  );
  expect(contracts.map((c) => c.providerName).sort()).toEqual(['cardinal', 'plumery']);
  for (const c of contracts) {
    expect(c.consumerName).toBe('card-reveal-app');
    expect(c.version).toBe('1.2.3');
    expect(c.branch).toBe('main');
  }
  // What left for the broker holds no seeded card data.
  const dir = mkdtempSync(join(tmpdir(), 'crh-broker-'));
  for (const c of contracts) writeFileSync(join(dir, `${c.providerName}.json`), Buffer.from(c.content, 'base64'));
  expect(scanForCardData([dir], seededCards).leaks).toEqual([]);
});

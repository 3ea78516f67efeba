// A sandbox as vendors run it: each provider's mock behind a TLS terminator with a private CA, an
// added round trip, a rate limit (10 requests/s, burst 10, 429 + Retry-After), mutual TLS and a lossy
// link, reached through a CONNECT proxy named by HTTPS_PROXY. With --ca and the client certificate, each provider
// must be judged exactly as on loopback (test/package.test.ts: conformant, every requirement fully
// checked but the declared live exceptions), whatever the waits; without --ca the run names the
// certificate problem, and without the client certificate the refused handshake: never a contract
// failure, never "target unreachable".
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { readFileSync, rmSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { catalogue } from '../src/catalogue.ts';
import type { Matrix } from '../src/core/matrix.ts';
import { startSandbox } from '../src/core/mock-process.ts';
import { cli, notFullyChecked, root } from './helpers.ts';
import {
  makePki,
  startConnectProxy,
  startTerminator,
  type Pki,
  type Terminator,
  type TerminatorOptions,
} from './network-parts.ts';

const dir = join(root, 'reports/selftest/network');
let pki: Pki;

// Each worker makes its own CA: two workers writing one folder would mix their files.
test.beforeAll(({}, testInfo) => {
  const pkiDir = join(dir, `pki-${testInfo.workerIndex}`);
  rmSync(pkiDir, { recursive: true, force: true });
  pki = makePki(pkiDir);
});

/** A provider's sandbox behind the edge; `run` gets its variables with the base URL at the edge. */
async function behindEdge<T>(
  id: string,
  edge: Omit<TerminatorOptions, 'upstream' | 'pki'>,
  run: (env: Record<string, string>, url: string, direct: string, terminator: Terminator) => Promise<T>,
): Promise<T> {
  let upstream = '';
  const terminator = await startTerminator({ pki, upstream: () => upstream, ...edge });
  // The mock's answers carry the edge's URLs (Enfuce's frame URL): a browser goes through the edge too.
  const mock = await startSandbox(id, join(dir, `${id}.${randomUUID()}.vendor-env.json`), [
    '--public-url',
    terminator.url,
  ]).catch(async (e: unknown) => {
    await terminator.close();
    throw e;
  });
  upstream = mock.url;
  try {
    return await run(mock.env, terminator.url, mock.url, terminator);
  } finally {
    await terminator.close();
    await mock.stop();
  }
}

const matrixOf = (out: string) => JSON.parse(readFileSync(join(out, 'conformance.json'), 'utf8')) as Matrix;

// A lossy link (test/network-parts.ts LinkFaults): after at least 30 undisturbed requests, each
// request is dropped before any answer (6 %), cut half-way through the answer (4 %) or held back 3 s
// (2 %), drawn from a seed; the spacing keeps a check from being hit on three runs in a row, so the
// bound of re-runs is not what decides (test/unit/transport-retry.test.ts proves the bound); the
// API checks, the Pact verifier (through its forwarder) and Chromium all go through it. A GET that
// got no answer is sent again, any other check a dropped or cut exchange interrupted runs again
// (src/core/transport.ts): the verdicts are the loopback ones.
const LOSSY = { drop: 0.06, cut: 0.04, stall: 0.02, spacing: 30 } as const;

// Everything a sandbox's way may add, at once, in one run per provider (a run of its own per
// condition cost a check run each, about 20 CPU-s): each condition's own evidence is asserted below.
for (const [i, p] of catalogue.entries()) {
  test(`${p.id}: behind TLS with a private CA, mutual TLS, a 40 ms round trip, 10 requests/s, a CONNECT proxy and a lossy link (dropped, cut and stalled requests), judged as on loopback; every check a transport fault interrupted runs again`, async () => {
    test.setTimeout(6 * 60_000);
    const seed = 7_001 + i;
    const proxy = await startConnectProxy();
    try {
      await behindEdge(
        p.id,
        {
          requireClientCert: true,
          delayMs: 20,
          rate: { perSecond: 10, burst: 10 },
          faults: { seed, ...LOSSY },
        },
        async (env, _url, _direct, edge) => {
          const out = join(dir, `${p.id}-reports`);
          const r = await cli(
            [
              'run',
              '--provider',
              p.id,
              '--output',
              out,
              '--ca',
              pki.caCert,
              '--client-cert',
              pki.clientCert,
              '--client-key',
              pki.clientKey,
            ],
            { ...env, HTTPS_PROXY: proxy.url, NO_PROXY: '' },
            6 * 60_000,
          );
          const injected = edge.injected();
          const said = `seed ${seed}, injected ${JSON.stringify(injected)}\n${r.stdout.slice(-3000)}${r.stderr.slice(-1500)}`;
          expect(r.code, said).toBe(0);
          expect(r.stdout, said).toContain('VERDICT: conformant');
          const m = matrixOf(out);
          expect(notFullyChecked(m), `requirements not fully checked, as on loopback; ${said}`).toEqual(
            Object.keys(p.liveExceptions).sort(),
          );
          // Every client went through the proxy.
          expect(proxy.tunnels.length, 'CONNECT tunnels').toBeGreaterThan(0);
          if (m.rateLimited) expect(r.stdout).toMatch(/rate-limited \d+ times?, [\d.]+ s waited/);
          // What the harness met is what the link did: faults it counted (a stall past a look-up's own
          // time limit is one too), never more than the link made, each sent again or its check re-run.
          const made = injected.dropped + injected.cut + injected.stalled;
          expect(
            injected.dropped + injected.cut,
            'the link lost requests (else the seed proves nothing)',
          ).toBeGreaterThan(0);
          expect(m.transport?.faults ?? 0, said).toBeGreaterThan(0);
          expect(m.transport!.faults, said).toBeLessThanOrEqual(made);
          expect(m.transport!.disturbed, said).toBe(0);
          expect(r.stdout).toContain(`${m.transport!.resent} request`);
        },
      );
    } finally {
      await proxy.close();
    }
  });
}

test('a request the target drops every time still fails its rule on a lossy link: the attempts are named, and with --transport-retries 0 it fails at once', async () => {
  test.setTimeout(5 * 60_000);
  // The edge drops Exa's request with a sessionid that is not base64 on every attempt, as a server
  // that crashes on it would: that check's rules fail, the rest is as on loopback, on the lossy link
  // too (its own faults re-run other checks); with --transport-retries 0 (and no other loss), at once.
  const dropAlways = (q: { headers: Record<string, unknown> }) => q.headers.sessionid === 'not base64 at all!';
  for (const retries of [2, 0]) {
    const faults = retries ? { seed: 7_100, ...LOSSY, dropAlways } : { seed: 0, drop: 0, cut: 0, stall: 0, dropAlways };
    await behindEdge('exa', { faults }, async (env, _url, _direct, edge) => {
      const out = join(dir, `exa-drops-always-${retries}-reports`);
      const before = edge.injected().droppedAlways;
      // The rest as on loopback is the lossy run's to show: at once, only the rule's own checks run.
      const only = retries ? [] : ['--grep', '@EXA-SESSIONID-REFUSED'];
      const r = await cli(
        [
          'run',
          '--provider',
          'exa',
          '--output',
          out,
          '--ca',
          pki.caCert,
          '--transport-retries',
          String(retries),
          ...only,
        ],
        env,
        4 * 60_000,
      );
      expect(r.code, r.stdout.slice(-3000)).toBe(1);
      const m = matrixOf(out);
      const failing = m.providers[0]!.requirements.filter((x) => x.verdict === 'fail').map((x) => x.id);
      expect(failing.sort()).toEqual(['EXA-ERROR-SHAPE', 'EXA-SESSIONID-REFUSED']);
      expect(edge.injected().droppedAlways - before, 'sends of the request, in one run of the check').toBe(1 + retries);
      expect(m.transport?.disturbed).toBe(1);
      expect(r.stdout).toMatch(
        /FAIL EXA-(ERROR-SHAPE|SESSIONID-REFUSED): .*the check met a transport fault it could not get past/,
      );
      if (retries) expect(r.stdout).toContain(`no complete answer on any of ${1 + retries} attempts`);
    });
  }
});

test('without --ca the run names the certificate problem: no contract failure, not "target unreachable"', async () => {
  test.setTimeout(3 * 60_000);
  await behindEdge('exa', {}, async (env) => {
    const out = join(dir, 'no-ca-reports');
    const r = await cli(['run', '--provider', 'exa', '--output', out], env, 3 * 60_000);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /VERDICT: NOT conformant \(exa: TLS: certificate not trusted \(\w+\) at 127\.0\.0\.1:\d+: set --ca/,
    );
    expect(r.stdout).not.toContain('target unreachable');
    const m = matrixOf(out);
    expect(m.providers[0]!.counts.fail, 'contract failures').toBe(0);
  });
});

test('mutual TLS without the client certificate: the refused handshake is named, with the flags that fix it', async () => {
  test.setTimeout(3 * 60_000);
  await behindEdge('plumery', { requireClientCert: true }, async (env) => {
    const out = join(dir, 'no-client-cert-reports');
    const r = await cli(['run', '--provider', 'plumery', '--output', out, '--ca', pki.caCert], env, 3 * 60_000);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /VERDICT: NOT conformant \(plumery: TLS: the target refused the TLS handshake \(\w+\).*--client-cert/,
    );
    expect(matrixOf(out).providers[0]!.counts.fail, 'contract failures').toBe(0);
  });
});

test('a sandbox that answers 429 above 5 requests/s: every 429 is waited out and counted, and the verdict is as on loopback; --rate keeps under it', async () => {
  test.setTimeout(5 * 60_000);
  const exa = catalogue.find((x) => x.id === 'exa')!;
  const mock = await startSandbox('exa', join(dir, 'exa.limited.vendor-env.json'));
  try {
    for (const paced of [false, true]) {
      const terminator = await startTerminator({ pki, upstream: mock.url, rate: { perSecond: 5, burst: 3 } });
      try {
        const out = join(dir, `rate-${paced ? 'paced' : 'unpaced'}-reports`);
        const r = await cli(
          ['run', '--provider', 'exa', '--output', out, '--ca', pki.caCert, ...(paced ? ['--rate', '4'] : [])],
          { ...mock.env, [exa.env.baseUrl]: terminator.url },
          4 * 60_000,
        );
        expect(r.code, r.stdout.slice(-3000)).toBe(0);
        const m = matrixOf(out);
        expect(notFullyChecked(m)).toEqual(Object.keys(exa.liveExceptions).sort());
        if (paced) {
          expect(terminator.limited(), '429 answers with --rate 4').toBe(0);
        } else {
          expect(terminator.limited(), '429 answers').toBeGreaterThan(0);
          // Each 429 the harness met is counted (a 429 the Pact verifier met through the forwarder too).
          expect(m.rateLimited?.count).toBe(terminator.limited());
          expect(r.stdout).toMatch(new RegExp(`rate-limited ${terminator.limited()} times?, [\\d.]+ s waited`));
        }
      } finally {
        await terminator.close();
      }
    }
  } finally {
    await mock.stop();
  }
});

test('fuzz --target over TLS with a private CA: a correct sandbox gets nothing reported', async () => {
  test.setTimeout(3 * 60_000);
  await behindEdge('exa', {}, async (env, url) => {
    const r = await cli(
      ['fuzz', 'exa', '--target', url, '--runs', '150', '--ca', pki.caCert, '--output', join(dir, 'fuzz-exa.json')],
      env,
      3 * 60_000,
    );
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/ok {3}exa +150 malformed requests to https:\/\/127\.0\.0\.1:\d+/);
    expect(r.stdout + r.stderr).not.toContain(env.EXA_TOKEN!);
  });
});

test("Chromium trusts exactly the sandbox's key verified against --ca: the frame shows the card over TLS with a private CA", async () => {
  test.setTimeout(3 * 60_000);
  await behindEdge('enfuce', {}, async (env) => {
    const out = join(dir, 'enfuce-frame-reports');
    const r = await cli(
      ['run', '--provider', 'enfuce', '--output', out, '--ca', pki.caCert, '--grep', '@ENF-FRAME-VIEW-PAN'],
      env,
      3 * 60_000,
    );
    expect(r.code, r.stdout.slice(-3000)).toBe(0);
    const row = matrixOf(out).providers[0]!.requirements.find((x) => x.id === 'ENF-FRAME-VIEW-PAN')!;
    expect(row.verdict).toBe('pass');
    expect(
      row.tests
        .filter((t) => t.status === 'pass')
        .map((t) => t.title)
        .join('\n'),
      'the frame check ran and passed',
    ).toMatch(/renders the card inside the frame/);
  });
});

test("a frame whose certificate Chromium cannot trust is a TLS finding, not the frame's failure", async () => {
  test.setTimeout(3 * 60_000);
  // The API's base URL goes straight to the mock (plain HTTP); only the frame is behind the edge, and no --ca is given.
  await behindEdge('enfuce', {}, async (env, _url, direct) => {
    const out = join(dir, 'enfuce-frame-untrusted-reports');
    const r = await cli(
      ['run', '--provider', 'enfuce', '--output', out, '--grep', '@ENF-FRAME-VIEW-PAN'],
      { ...env, ENFUCE_BASE_URL: direct },
      3 * 60_000,
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /NOT conformant \(enfuce: TLS: Chromium does not trust the certificate of 127\.0\.0\.1:\d+ \(net::ERR_CERT_AUTHORITY_INVALID\)/,
    );
    expect(matrixOf(out).providers[0]!.counts.fail, 'contract failures').toBe(0);
  });
});

test("Enfuce's card-data pages on another origin, behind a TLS edge of their own that asks for the client certificate too: judged as on loopback", async () => {
  test.setTimeout(5 * 60_000);
  // The document names no host for the returned URLs: the run asks the target where they are, so
  // that the browser's pinned keys and client certificate reach that origin as well.
  let api = '';
  let pages = '';
  const apiEdge = await startTerminator({ pki, upstream: () => api, requireClientCert: true });
  const pagesEdge = await startTerminator({ pki, upstream: () => pages, requireClientCert: true });
  const profile = join(dir, `enfuce-other-origin.${randomUUID()}.profile.json`);
  try {
    const mock = await startSandbox('enfuce', join(dir, `enfuce-other-origin.${randomUUID()}.vendor-env.json`), [
      '--choices',
      'card-data-other-origin',
      '--write-profile',
      profile,
      '--public-url',
      apiEdge.url,
      '--second-public-url',
      pagesEdge.url,
    ]);
    try {
      expect(mock.secondUrl, 'the mock says where its second origin listens').toBeDefined();
      api = mock.url;
      pages = mock.secondUrl!;
      const out = join(dir, 'enfuce-other-origin-reports');
      const r = await cli(
        [
          'run',
          '--provider',
          'enfuce',
          '--output',
          out,
          '--ca',
          pki.caCert,
          '--client-cert',
          pki.clientCert,
          '--client-key',
          pki.clientKey,
        ],
        // Without ENFUCE_CARD_DATA_FRAME_URL (it serves only a target whose token answer leaves the frame
        // URL out): the card-data origin is known from the target's answer alone.
        { ...mock.env, ENFUCE_CARD_DATA_FRAME_URL: '', ENFUCE_PROFILE: profile },
        5 * 60_000,
      );
      expect(r.code, r.stdout.slice(-3000) + r.stderr.slice(-1500)).toBe(0);
      expect(r.stdout).toContain('VERDICT: conformant');
      const enfuce = catalogue.find((x) => x.id === 'enfuce')!;
      expect(notFullyChecked(matrixOf(out))).toEqual(Object.keys(enfuce.liveExceptions).sort());
      // The card-data pages were reached through their own edge, by the API checks and by Chromium.
      expect(pagesEdge.forwarded().all, 'requests through the card-data edge').toBeGreaterThan(0);
      expect(pagesEdge.forwarded().browser, "Chromium's requests through the card-data edge").toBeGreaterThan(0);
    } finally {
      await mock.stop();
    }
  } finally {
    await apiEdge.close();
    await pagesEdge.close();
  }
});

// "Card data remains encrypted in transport": the reference mock serves loopback http, which the
// rule allows, so no defect of it can break ENF-ENCRYPTED-TRANSPORT. Published at a public name
// (its answers' URLs), it can: over plain http the check fails, and that rule alone; over https it passes.
for (const [scheme, fails] of [
  ['http', true],
  ['https', false],
] as const) {
  test(`Enfuce's card-data pages published at a public name over ${scheme}: ENF-ENCRYPTED-TRANSPORT ${fails ? 'fails, and nothing else' : 'passes'}`, async () => {
    const published = `${scheme}://card-pages.enfuce.test:8443`;
    const mock = await startSandbox('enfuce', join(dir, `enfuce-${scheme}-pages.${randomUUID()}.vendor-env.json`), [
      '--public-url',
      published,
    ]);
    try {
      const out = join(dir, `enfuce-${scheme}-pages-reports`);
      // The API at its own address; only the URLs of its answers are the public ones (never fetched here).
      const r = await cli(['run', '--provider', 'enfuce', '--output', out, '--grep', '@ENF-ENCRYPTED-TRANSPORT'], {
        ...mock.env,
        ENFUCE_BASE_URL: mock.url,
      });
      expect(r.code, r.stdout.slice(-3000) + r.stderr.slice(-1500)).toBe(fails ? 1 : 0);
      const rows = matrixOf(out).providers[0]!.requirements;
      expect(rows.filter((x) => x.verdict === 'fail').map((x) => x.id)).toEqual(
        fails ? ['ENF-ENCRYPTED-TRANSPORT'] : [],
      );
      expect(rows.find((x) => x.id === 'ENF-ENCRYPTED-TRANSPORT')?.verdict).toBe(fails ? 'fail' : 'pass');
      if (fails) expect(r.stdout).toContain('http to card-pages.enfuce.test');
    } finally {
      await mock.stop();
    }
  });
}

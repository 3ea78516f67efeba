// The Pact verifier reaches a URL the target returned through the forwarder: the target's own path
// as it is, another origin (or a path outside the base URL's) through an alias; the target's base
// path is kept for its own requests.
import { expect, test } from '@playwright/test';
import { startForwarder } from '../../specs/fixtures/pact-forwarder.ts';
import { startLoopback } from '../../specs/fixtures/loopback.ts';

/** A server that answers with its name and the path it was asked for. */
const echo = (name: string) =>
  startLoopback(async (req, _body, res) => void res.writeHead(200).end(`${name} ${req.method} ${req.url}`));

test('a returned URL on the target, on another origin, or outside the base path is reached through the forwarder', async () => {
  const api = await echo('api');
  const pages = await echo('pages');
  const forwarder = await startForwarder(`${api.origin}/base`);
  try {
    const get = async (path: string) => (await fetch(`${forwarder.url}${path}`, { method: 'POST' })).text();
    expect(await get('/v4/card/1/controlToken')).toBe('api POST /base/v4/card/1/controlToken');
    // The target's own URL under its base path: the plain path, as the pact reads best.
    expect(forwarder.via(`${api.origin}/base/v4/card-data`)).toBe('/v4/card-data');
    // Another origin: an alias that reaches exactly the URL returned, and what follows it.
    const alias = forwarder.via(`${pages.origin}/reveal/snapshot`);
    expect(alias).toMatch(/^\/__crh-via\/\d+$/);
    expect(await get(alias)).toBe('pages POST /reveal/snapshot');
    // The same origin outside the base path, and a URL with a query, go through aliases too.
    expect(await get(forwarder.via(`${api.origin}/elsewhere/view`))).toBe('api POST /elsewhere/view');
    expect(await get(forwarder.via(`${pages.origin}/v?x=1`))).toBe('pages POST /v?x=1');
    // An alias number never given is the target's path like any other.
    expect(await get('/__crh-via/99')).toBe('api POST /base/__crh-via/99');
  } finally {
    await forwarder.close();
    await api.close();
    await pages.close();
  }
});

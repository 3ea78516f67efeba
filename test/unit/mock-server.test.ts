// The shared mock server: control routes validate their input, bad requests get the provider's
// error shape (never a 5xx or a hang), defects are named, and --no-control hides /__mock/.
import { expect, test } from '@playwright/test';
import { startMock } from '../../src/core/mock-host.ts';
import { enfuce } from '../../src/providers/enfuce/index.ts';

test('control routes: state, clock (validated), reset', async () => {
  const m = await startMock(enfuce);
  try {
    const state = (await (await fetch(`${m.url}/__mock/state`)).json()) as {
      provider: string;
      now: number;
      defects: string[];
    };
    expect(state.provider).toBe('enfuce');
    expect(state.defects).toEqual([]);
    for (const bad of ['{"advanceMs":-1}', '{"advanceMs":"5"}', '{}', 'not json', '{"advanceMs":1,"x":1}']) {
      const r = await fetch(`${m.url}/__mock/clock`, { method: 'POST', body: bad });
      expect(r.status, bad).toBe(400);
    }
    const moved = (await (
      await fetch(`${m.url}/__mock/clock`, { method: 'POST', body: '{"advanceMs":60000,"freeze":true}' })
    ).json()) as { clockOffsetMs: number; frozen: boolean };
    expect(moved).toMatchObject({ clockOffsetMs: 60000, frozen: true });
    await fetch(`${m.url}/__mock/reset`, { method: 'POST' });
    const after = (await (await fetch(`${m.url}/__mock/state`)).json()) as { clockOffsetMs: number; frozen: boolean };
    expect(after).toMatchObject({ clockOffsetMs: 0, frozen: false });
  } finally {
    await m.close();
  }
});

test('--no-control: no /__mock/ routes', async () => {
  const m = await startMock(enfuce, { control: false });
  try {
    expect((await fetch(`${m.url}/__mock/state`)).status).toBe(404);
  } finally {
    await m.close();
  }
});

test('an unknown defect name is refused at start', async () => {
  await expect(startMock(enfuce, { defects: ['no-such-defect'] })).rejects.toThrow(/unknown defect "no-such-defect"/);
});

test('unknown route, wrong method, oversized body: 4xx in the documented error shape', async () => {
  const m = await startMock(enfuce);
  try {
    const notFound = await fetch(`${m.url}/v4/nothing`);
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toMatchObject({ errorCode: 'NOT_FOUND' });
    const method = await fetch(`${m.url}/v4/card/x/controlToken`, { method: 'DELETE' });
    expect(method.status).toBe(405);
    const big = await fetch(`${m.url}/v4/card-data/view`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `token=${'a'.repeat(200_000)}`,
    }).catch((e: Error) => e);
    // The mock answers 413 and closes; a client may see the answer or the closed connection, never a hang.
    if (!(big instanceof Error)) {
      expect(big.status).toBe(413);
      expect(big.headers.get('content-type')).toMatch(/^text\/html/);
    }
  } finally {
    await m.close();
  }
});

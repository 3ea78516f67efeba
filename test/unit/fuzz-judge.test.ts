// The fuzzer's judge of a page the target returned the URL of (Enfuce's cardDataUrl): its path is
// the target's choice, so a page is known by its seed, not by the reference mock's path.
import { expect, test } from '@playwright/test';
import { Judge } from '../../src/fuzz/judge.ts';
import { enfuce } from '../../src/providers/enfuce/index.ts';
import type { RawRequest, RawResponse } from '../../src/fuzz/request.ts';

const judge = new Judge(enfuce);
const page = (path: string, method = 'POST'): RawRequest => ({ method, path, headers: {}, page: true });
const answer = (status: number, type: string, body: string): RawResponse => ({
  status,
  headers: { 'content-type': type },
  body: Buffer.from(body),
});
const html = (status: number, body = '<p>Card data not available</p>') =>
  answer(status, 'text/html; charset=utf-8', body);

test('a page at any path is judged as the page: its documented answers, its HTML refusals', () => {
  expect(judge.judge(page('/reveal/snapshot'), html(200, '<p>ok</p>'))).toBeUndefined();
  expect(judge.judge(page('/reveal/snapshot'), html(403))).toBeUndefined();
  // The documented 200 of the card-data page is HTML, wherever the page lives.
  expect(judge.judge(page('/reveal/snapshot'), answer(200, 'application/json', '{}'))?.kind).toBe('undocumented-shape');
  // A refusal page that shows a card is a finding; so is a refusal that is neither a page nor the API's error.
  const pan = enfuce.testCards[0]!.pan;
  expect(judge.judge(page('/reveal/snapshot'), html(404, `<p>${pan}</p>`))?.message).toMatch(/shows a card number/);
  expect(judge.judge(page('/reveal/snapshot'), answer(404, 'text/plain', 'nope'))?.kind).toBe('undocumented-shape');
});

test("a page request mutated off the page's path may be refused as the API refuses", () => {
  const apiError = answer(
    404,
    'application/json',
    JSON.stringify({ errorCode: 'NOT_FOUND', message: 'no such resource' }),
  );
  expect(judge.judge(page('/x/card-data/view'), apiError)).toBeUndefined();
});

test("an API request at the reference mock's card-data path is no page", () => {
  const req: RawRequest = { method: 'POST', path: '/v4/card-data/view', headers: {} };
  expect(judge.judge(req, html(404))?.kind).toBe('undocumented-shape');
});

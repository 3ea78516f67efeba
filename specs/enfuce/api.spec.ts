// Enfuce, API level: controlToken, the mobile card-data POST, and the frame page's headers.
import { randomBytes } from 'node:crypto';
import { basicAuth, send } from '../../src/core/http.ts';
import { cardShown, visibleText } from '../../src/core/card-text.ts';
import { maskPan } from '../../src/core/mask.ts';
import { requireControl } from '../fixtures/base.ts';
import { jsonBody } from '../fixtures/provider.ts';
import { EnfuceClient } from '../../src/providers/enfuce/client.ts';
import { clearTransport } from '../../src/providers/enfuce/encrypted-transport.ts';
import { unknownValues } from '../fixtures/expect.ts';
import {
  blameRefusal,
  expect,
  expectRefused,
  expectShown,
  issueToken as issue,
  req,
  showCard,
  apiTest as test,
  TOKEN_TTL_MS as TTL_MS,
  ruleCheck,
} from './fixtures.ts';

test.describe('controlToken', () => {
  test('issues a token and the two URLs (201, JSON)', req('ENF-TOKEN-201'), async ({ enfuceClient, setup }) => {
    const body = await issue(enfuceClient, setup);
    expect(body.cardDataUrl, 'cardDataUrl').toBeTruthy();
    expect(body.cardDataFrameUrl, 'cardDataFrameUrl').toBeTruthy();
  });

  test(
    'the URLs it returns are https (card data encrypted in transport)',
    req('ENF-ENCRYPTED-TRANSPORT'),
    async ({ enfuceClient, setup }) => {
      // The URLs the answer itself carries (not a variable's stand-in); whether it carries them, and
      // as absolute URLs, is ENF-TOKEN-201's to judge.
      const ex = await enfuceClient.controlToken(setup.cardId);
      expect(ex.response.status, 'controlToken status').toBe(201);
      let answer: Record<string, unknown> = {};
      try {
        answer = JSON.parse(ex.response.body) as Record<string, unknown>;
      } catch {
        // Not JSON: ENF-TOKEN-201's finding.
      }
      for (const name of ['cardDataUrl', 'cardDataFrameUrl']) {
        const url = answer[name];
        if (typeof url === 'string' && URL.canParse(url))
          ruleCheck(
            'ENF-ENCRYPTED-TRANSPORT',
            clearTransport(url),
            `what ${name} would carry card data over in clear`,
          ).toBeUndefined();
      }
    },
  );

  test(
    'the answer carries no card data',
    req('ENF-NO-CARD-DATA-IN-TOKEN-RESPONSE'),
    async ({ enfuceClient, setup }) => {
      const ex = await enfuceClient.controlToken(setup.cardId);
      expect(ex.response.status).toBe(201);
      // The token is the target's random text: a hex token holds a Luhn-valid run of 13+ digits
      // about once in a hundred. It is looked at for the known cards' PANs only.
      const token = (JSON.parse(ex.response.body) as { token?: unknown }).token;
      const rest =
        typeof token === 'string' && token ? ex.response.body.split(token).join('"token"') : ex.response.body;
      expect(rest).toShowNoCardData(setup.allCards);
      if (typeof token === 'string')
        for (const c of setup.allCards)
          expect(cardShown(token, c).pan, `the PAN ${maskPan(c.pan)} inside the token`).toBe(false);
    },
  );

  test('every token is new and unguessable', req('ENF-TOKEN-UNIQUE'), async ({ enfuceClient, setup }) => {
    const tokens: string[] = [];
    for (let i = 0; i < 6; i++) tokens.push((await issue(enfuceClient, setup)).token);
    ruleCheck('ENF-TOKEN-UNIQUE', new Set(tokens).size, 'distinct tokens').toBe(tokens.length);
    for (const t of tokens) {
      ruleCheck('ENF-TOKEN-UNIQUE', t.length, 'token length', 'tokenMinLength').toBeGreaterThanOrEqual(
        setup.profile.tokenMinLength,
      );
      ruleCheck(
        'ENF-TOKEN-UNIQUE',
        new Set(t).size,
        'distinct characters in a token (a counter has few)',
      ).toBeGreaterThanOrEqual(Math.min(10, setup.profile.tokenMinLength / 2));
    }
    const sorted = [...tokens].sort();
    for (let i = 1; i < sorted.length; i++) {
      const [a, b] = [sorted[i - 1]!, sorted[i]!];
      let common = 0;
      while (common < a.length && a[common] === b[common]) common++;
      ruleCheck('ENF-TOKEN-UNIQUE', common, 'common prefix of two tokens').toBeLessThan(
        Math.min(a.length, b.length) / 2,
      );
    }
  });

  test(
    'refuses a request without auditUser',
    req('ENF-AUDIT-USER-REQUIRED', 'ENF-ERROR-SHAPE'),
    async ({ enfuceClient, setup }) => {
      expectRefused(await enfuceClient.controlToken(setup.cardId, null), setup, 'ENF-AUDIT-USER-REQUIRED', {
        status: 400,
      });
      expectRefused(await enfuceClient.controlToken(setup.cardId, ''), setup, 'ENF-AUDIT-USER-REQUIRED', {
        status: 400,
      });
    },
  );

  test('an unknown cardId fails', req('ENF-UNKNOWN-CARD-404', 'ENF-ERROR-SHAPE'), async ({ enfuceClient, setup }) => {
    expectRefused(await enfuceClient.controlToken(setup.unknownCardId), setup, 'ENF-UNKNOWN-CARD-404', {
      status: setup.profile.unknownCardStatus,
      pinnedBy: 'unknownCardStatus',
    });
  });

  test(
    'no card-status check: a frozen card still gets a token',
    req('ENF-NO-STATUS-CHECK'),
    async ({ enfuceClient, setup }) => {
      test.skip(!setup.frozenCardId, 'not applicable: no frozen test card (set ENFUCE_FROZEN_CARD_ID)');
      const ex = await enfuceClient.controlToken(setup.frozenCardId!);
      expect(ex.response.status).toBe(201);
      expect(jsonBody(ex)).toMatchSchema('enfuce', 'control-token.response-201');
    },
  );

  test('requires Basic authentication', req('ENF-AUTH-BASIC', 'ENF-ERROR-SHAPE'), async ({ enfuceClient, setup }) => {
    expectRefused(
      await enfuceClient.controlToken(setup.cardId, 'qa', { authorization: null }),
      setup,
      'ENF-AUTH-BASIC',
      { status: 401 },
    );
    const wrong = `Basic ${Buffer.from(`${setup.credentials.username}:wrong-${randomBytes(4).toString('hex')}`).toString('base64')}`;
    const ex = await enfuceClient.controlToken(setup.cardId, 'qa', { authorization: wrong });
    expectRefused(ex, setup, 'ENF-AUTH-BASIC', { status: 401 });
    ruleCheck('ENF-AUTH-BASIC', ex.response.headers['www-authenticate'] ?? '', 'WWW-Authenticate').toMatch(/^Basic/i);
  });

  test('bad input gets a 4xx in the error shape, never a 5xx', req('ENF-ERROR-SHAPE'), async ({ setup, http }) => {
    const base = setup.target.baseUrl;
    const auth = { authorization: basicAuth(setup.credentials.username, setup.credentials.password) };
    const cases = [
      { method: 'POST', url: `${base}/v4/card/%E0%A4%A/controlToken?auditUser=qa` },
      { method: 'POST', url: `${base}/v4/card/${'x'.repeat(4000)}/controlToken?auditUser=qa` },
      { method: 'GET', url: `${base}/v4/card/${setup.cardId}/controlToken?auditUser=qa` },
      {
        method: 'POST',
        url: `${base}/v4/card/${setup.cardId}/controlToken?auditUser=qa`,
        body: '{"not":"expected"',
        headers: { 'content-type': 'application/json' },
      },
    ];
    for (const c of cases) {
      const ex = await send(
        {
          method: c.method,
          url: c.url,
          headers: { ...auth, ...(c.headers ?? {}) },
          ...(c.body ? { body: c.body } : {}),
        },
        http,
      );
      if (ex.response.status === 201) continue; // a body the endpoint ignores is not an error
      expectRefused(ex, setup, 'ENF-ERROR-SHAPE', { status: '4xx' });
    }
  });
});

test.describe('mobile card data (form POST)', () => {
  test(
    'the token in form field "token" shows PAN, expiry and CVV2 as HTML',
    req('ENF-MOBILE-FORM-POST', 'ENF-SNAPSHOT-CONTENT'),
    async ({ enfuceClient, setup }) => {
      const { ex } = await showCard(enfuceClient, await issue(enfuceClient, setup));
      ruleCheck('ENF-MOBILE-FORM-POST', ex.response.headers['content-type'] ?? '', 'content type').toMatch(
        /^text\/html/,
      );
      ruleCheck('ENF-SNAPSHOT-CONTENT', visibleText(ex.response.body), 'the snapshot').toShowCard(setup.card);
      unknownValues(
        'ENF-SNAPSHOT-CONTENT',
        {
          ENFUCE_CARD_PAN: setup.card?.pan,
          ENFUCE_CARD_EXPIRY: setup.card?.expiry,
          ENFUCE_CARD_CVV2: setup.card?.cvv2,
        },
        'the snapshot with the card itself (a Luhn-valid PAN was looked for)',
      );
    },
  );

  test(
    'card-data pages are not stored (Cache-Control: no-store)',
    req('ENF-NO-STORE'),
    async ({ enfuceClient, setup }) => {
      const { token, cardDataUrl } = await issue(enfuceClient, setup);
      const ok = await enfuceClient.viewCardData(cardDataUrl, token);
      expectShown(ok);
      ruleCheck('ENF-NO-STORE', ok.response.headers['cache-control'] ?? '', 'Cache-Control of the snapshot').toMatch(
        /(^|,\s*)no-store(\s*,|$)/,
      );
      const refused = await enfuceClient.viewCardData(cardDataUrl, token);
      ruleCheck(
        'ENF-NO-STORE',
        refused.response.headers['cache-control'] ?? '',
        'Cache-Control of the error page',
      ).toMatch(/(^|,\s*)no-store(\s*,|$)/);
    },
  );

  test(
    'a token works once; a second use is refused with no card data',
    req('ENF-TOKEN-SINGLE-USE', 'ENF-INVALID-TOKEN-REFUSED'),
    async ({ enfuceClient, setup }) => {
      const t = await issue(enfuceClient, setup);
      const { field } = await showCard(enfuceClient, t);
      expectRefused(
        await enfuceClient.viewCardData(t.cardDataUrl, t.token, { field }),
        setup,
        'ENF-TOKEN-SINGLE-USE',
        'page',
      );
    },
  );

  test(
    'an unknown token is refused with no card data',
    req('ENF-INVALID-TOKEN-REFUSED'),
    async ({ enfuceClient, setup }) => {
      const { cardDataUrl } = await issue(enfuceClient, setup);
      expectRefused(
        await enfuceClient.viewCardData(cardDataUrl, randomBytes(32).toString('base64url')),
        setup,
        'ENF-INVALID-TOKEN-REFUSED',
        'page',
      );
    },
  );

  test(
    'a missing token is refused, even right after a card was shown',
    req('ENF-INVALID-TOKEN-REFUSED', 'ENF-FRAME-MESSAGE-SHAPE'),
    async ({ enfuceClient, setup }) => {
      const { token, cardDataUrl } = await issue(enfuceClient, setup);
      expectShown(await enfuceClient.viewCardData(cardDataUrl, token));
      expectRefused(await enfuceClient.viewCardData(cardDataUrl, ''), setup, 'ENF-INVALID-TOKEN-REFUSED', 'page');
      expectRefused(await enfuceClient.viewCardData(cardDataUrl, null), setup, 'ENF-INVALID-TOKEN-REFUSED', 'page');
    },
  );

  test('a malformed request gets a 4xx page, never a 5xx', req('ENF-ERROR-SHAPE'), async ({ enfuceClient, setup }) => {
    const { cardDataUrl } = await issue(enfuceClient, setup);
    expectRefused(
      await enfuceClient.viewCardData(cardDataUrl, null, { contentType: 'application/json', rawBody: '{"token":1}' }),
      setup,
      'ENF-ERROR-SHAPE',
      'page',
    );
    expectRefused(
      await enfuceClient.viewCardData(cardDataUrl, null, { rawBody: 'token=%ZZ%' }),
      setup,
      'ENF-ERROR-SHAPE',
      'page',
    );
  });
});

test.describe('the 30-second token (server clock)', () => {
  test('still valid at 29.9 s', req('ENF-TOKEN-TTL-30S'), async ({ enfuceClient, setup }) => {
    const control = requireControl(setup.target);
    await control.freezeClock();
    const { token, cardDataUrl } = await issue(enfuceClient, setup);
    await control.advanceClock(TTL_MS - 100);
    const ex = await enfuceClient.viewCardData(cardDataUrl, token);
    if (ex.response.status !== 200) await blameRefusal(enfuceClient, setup);
    ruleCheck('ENF-TOKEN-TTL-30S', ex.response.status, 'status at 29.9 s').toBe(200);
    if (ex.response.status === 200)
      ruleCheck('ENF-SNAPSHOT-CONTENT', visibleText(ex.response.body), 'the snapshot at 29.9 s').toShowCard(setup.card);
  });

  // The refusal page's own rule (no card data) is checked here too, and blamed when it fails; the
  // test is the TTL's: live, other checks of refusal pages cover ENF-INVALID-TOKEN-REFUSED whole.
  test('refused at exactly 30 s', req('ENF-TOKEN-TTL-30S'), async ({ enfuceClient, setup }) => {
    const control = requireControl(setup.target);
    await control.freezeClock();
    const { token, cardDataUrl } = await issue(enfuceClient, setup);
    await control.advanceClock(TTL_MS);
    expectRefused(await enfuceClient.viewCardData(cardDataUrl, token), setup, 'ENF-TOKEN-TTL-30S', 'page');
  });

  test('refused after 30 s (31 s, 45 s)', req('ENF-TOKEN-TTL-30S'), async ({ enfuceClient, setup }) => {
    const control = requireControl(setup.target);
    await control.freezeClock();
    const a = await issue(enfuceClient, setup);
    const b = await issue(enfuceClient, setup);
    await control.advanceClock(31_000);
    expectRefused(await enfuceClient.viewCardData(a.cardDataUrl, a.token), setup, 'ENF-TOKEN-TTL-30S', 'page');
    await control.advanceClock(14_000);
    expectRefused(await enfuceClient.viewCardData(b.cardDataUrl, b.token), setup, 'ENF-TOKEN-TTL-30S', 'page');
  });
});

test.describe('frame page (HTTP)', () => {
  test(
    'no-store, and frame-ancestors names only the agreed origin',
    req('ENF-FRAME-ANCESTORS', 'ENF-NO-STORE'),
    async ({ enfuceClient, setup, agreedFrame, http }) => {
      const { cardDataFrameUrl } = await issue(enfuceClient, setup);
      const ex = await send({ method: 'GET', url: EnfuceClient.frameUrl(cardDataFrameUrl, agreedFrame.key) }, http);
      expect(ex.response.status).toBe(200);
      ruleCheck('ENF-NO-STORE', ex.response.headers['cache-control'] ?? '', 'Cache-Control').toMatch(
        /(^|,\s*)no-store(\s*,|$)/,
      );
      const directive = (ex.response.headers['content-security-policy'] ?? '')
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .find((d) => d[0]?.toLowerCase() === 'frame-ancestors');
      ruleCheck('ENF-FRAME-ANCESTORS', directive?.slice(1), 'frame-ancestors sources').toEqual([agreedFrame.origin]);
    },
  );

  test('refuses a missing or unknown key', req('ENF-FRAME-KEY'), async ({ enfuceClient, setup, http }) => {
    const { cardDataFrameUrl } = await issue(enfuceClient, setup);
    for (const key of [null, `unknown-${randomBytes(6).toString('hex')}`]) {
      const ex = await send({ method: 'GET', url: EnfuceClient.frameUrl(cardDataFrameUrl, key) }, http);
      expect(ex.response.status, `key ${key === null ? 'missing' : 'unknown'}`).toBeGreaterThanOrEqual(400);
      expect(ex.response.status).toBeLessThan(500);
    }
  });
});

test.describe('card data in clear', () => {
  // Every answer of every test is scanned (providerTest); this one meets each kind of answer once.
  test(
    'only the card-data page shows the card: no error or refusal carries it',
    req('ENF-NO-CLEAR-CARD-DATA'),
    async ({ enfuceClient, setup, answers, http }) => {
      test.skip(
        !setup.allCards.length,
        "not applicable: set ENFUCE_CARD_PAN (and ENFUCE_CARD_EXPIRY, ENFUCE_CARD_CVV2) to look for the card's own data",
      );
      const t = await issue(enfuceClient, setup);
      await enfuceClient.viewCardData(t.cardDataUrl, t.token);
      await enfuceClient.viewCardData(t.cardDataUrl, t.token);
      await enfuceClient.viewCardData(t.cardDataUrl, randomBytes(32).toString('base64url'));
      await enfuceClient.viewCardData(t.cardDataUrl, null, { rawBody: 'token=%ZZ%' });
      await send(
        { method: 'GET', url: EnfuceClient.frameUrl(t.cardDataFrameUrl, randomBytes(16).toString('hex')) },
        http,
      );
      await enfuceClient.controlToken(setup.cardId, null);
      await enfuceClient.controlToken(setup.unknownCardId);
      await enfuceClient.controlToken(setup.cardId, 'qa', { authorization: null });
      expect(answers.check(), 'answers scanned').toBeGreaterThanOrEqual(9);
    },
  );
});

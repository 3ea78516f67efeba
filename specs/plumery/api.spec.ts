// Plumery, API level: the PIN and card-details envelopes, the client key rules, and the errors.
// Decrypted values are compared with masked matchers only.

import { send } from '../../src/core/http.ts';
import { fromBase64 } from '../../src/crypto/base64.ts';
import { isCryptoError } from '../../src/crypto/errors.ts';
import { clientKey, kdfParams, PLUMERY_IV_BYTES } from '../../src/providers/plumery/envelope.ts';
import type { EncryptedPayload } from '../../schemas/plumery.ts';
import { expectCardValues, notApplicableByProfile } from '../fixtures/expect.ts';
import { expect, expectRefused, openJson, openPayload, payloadOf, req, test, ruleCheck } from './fixtures.ts';
import { invalidClientKeys } from './invalid-keys.ts';
import { readingFor } from './readings.ts';

test.describe('PIN envelope', () => {
  test(
    'the PIN decrypts with ECDH + HKDF-SHA256 + AES-256-GCM to the seeded PIN',
    req('PLM-PIN-200', 'PLM-ENVELOPE', 'PLM-CLIENT-KEY-ENCODING'),
    async ({ plumeryClient, setup }) => {
      const key = clientKey(setup.profile.clientKeyEncoding);
      const opened = openJson(
        key.privateKey,
        payloadOf(await plumeryClient.pin(setup.token, key.header), setup),
        setup,
        'decrypted-card-pin',
      );
      expectCardValues(
        'PLM-PIN-200',
        [{ what: 'the PIN', got: opened.pin, expected: setup.card?.pin, variable: 'PLUMERY_CARD_PIN', secret: 'PIN' }],
        'the decrypted PIN',
      );
    },
  );

  test(
    'both key encodings work: SPKI DER and the raw uncompressed point',
    req('PLM-CLIENT-KEY-ENCODING'),
    async ({ plumeryClient, setup }) => {
      const encodings = setup.profile.acceptsRawClientKey ? (['spki', 'raw'] as const) : (['spki'] as const);
      const opens: Partial<Record<(typeof encodings)[number], boolean>> = {};
      for (const encoding of encodings) {
        const key = clientKey(encoding);
        const ex = await plumeryClient.pin(setup.token, key.header);
        ruleCheck('PLM-CLIENT-KEY-ENCODING', ex.response.status, `status with a ${encoding} key`).toBe(200);
        if (ex.response.status !== 200) continue;
        // Read right, the key gives an answer that opens exactly as well as the other encoding's.
        const payload = payloadOf(ex, setup);
        opens[encoding] = 'open' in readingFor(key.privateKey, payload, kdfParams(setup.profile));
        if (opens[encoding]) openJson(key.privateKey, payload, setup, 'decrypted-card-pin');
      }
      if (opens.spki === false)
        ruleCheck('PLM-ENVELOPE', 'an SPKI key gets an answer that does not open', 'the envelope').toBe('it opens');
      if (opens.spki !== undefined && opens.raw !== undefined)
        ruleCheck('PLM-CLIENT-KEY-ENCODING', opens.raw, "the raw key's answer opens as the SPKI key's does").toBe(
          opens.spki,
        );
    },
  );

  test(
    'a 12-byte IV, a 16-byte tag, and a tampered ciphertext, tag, salt or IV does not decrypt',
    req('PLM-GCM-IV-TAG', 'PLM-ENVELOPE'),
    async ({ plumeryClient, setup }) => {
      const key = clientKey(setup.profile.clientKeyEncoding);
      const payload = payloadOf(await plumeryClient.pin(setup.token, key.header), setup);
      ruleCheck('PLM-GCM-IV-TAG', fromBase64(payload.iv, 'iv').length, 'IV bytes').toBe(PLUMERY_IV_BYTES);
      ruleCheck('PLM-ENVELOPE', fromBase64(payload.salt, 'salt').length, 'salt bytes').toBe(setup.profile.saltBytes);
      // It opens (under a known mistake, that mistake's rule fails), or the check stops on PLM-ENVELOPE.
      const { plain, reading } = openPayload(key.privateKey, payload, setup);
      ruleCheck(
        'PLM-GCM-IV-TAG',
        fromBase64(payload.ciphertext, 'ciphertext').length,
        'ciphertext = plaintext + 16-byte tag',
      ).toBe(plain.length + 16);
      const flip = (b64: string, index: number) => {
        const b = fromBase64(b64, 'field');
        b[index < 0 ? b.length + index : index]! ^= 0x01;
        return b.toString('base64');
      };
      const tampered: [string, EncryptedPayload][] = [
        ['ciphertext', { ...payload, ciphertext: flip(payload.ciphertext, 0) }],
        ['tag', { ...payload, ciphertext: flip(payload.ciphertext, -1) }],
        ['salt', { ...payload, salt: flip(payload.salt, 0) }],
        ['IV', { ...payload, iv: flip(payload.iv, 0) }],
      ];
      for (const [what, p] of tampered) {
        let code: string | undefined;
        try {
          reading.open(p);
        } catch (e) {
          code = isCryptoError(e) ? e.code : 'untyped';
        }
        ruleCheck('PLM-GCM-IV-TAG', code, `a tampered ${what}`).toBe('bad-tag');
      }
    },
  );

  test(
    'a new ephemeral key, salt and IV on every response',
    req('PLM-FRESH-EPHEMERAL-KEY', 'PLM-FRESH-SALT-IV'),
    async ({ plumeryClient, setup }) => {
      const key = clientKey(setup.profile.clientKeyEncoding);
      const payloads: EncryptedPayload[] = [];
      const answers = await Promise.all([0, 1, 2, 3, 4].map(() => plumeryClient.pin(setup.token, key.header)));
      for (const ex of answers) payloads.push(payloadOf(ex, setup));
      if (setup.profile.cardDetails)
        payloads.push(payloadOf(await plumeryClient.details(setup.token, key.header), setup, 'PLM-DETAILS'));
      for (const field of ['ephemeralPublicKey', 'salt', 'iv'] as const) {
        ruleCheck(
          field === 'ephemeralPublicKey' ? 'PLM-FRESH-EPHEMERAL-KEY' : 'PLM-FRESH-SALT-IV',
          new Set(payloads.map((p) => p?.[field])).size,
          `distinct ${field} values over ${payloads.length} responses`,
        ).toBe(payloads.length);
      }
    },
  );
});

test.describe('client key rules', () => {
  test(
    'every invalid client key is refused with INVALID_CLIENT_PUBLIC_KEY, never used',
    req('PLM-INVALID-CLIENT-KEY', 'PLM-ERROR-SHAPE'),
    async ({ plumeryClient, setup }) => {
      // Each key alone is refused: sent side by side (on a slow link, one round trip for all).
      await Promise.all(
        invalidClientKeys(setup.profile).map(([what, header]) =>
          test.step(what, async () => {
            const body = expectRefused(await plumeryClient.pin(setup.token, header), setup, 'PLM-INVALID-CLIENT-KEY', {
              status: 400,
              code: 'INVALID_CLIENT_PUBLIC_KEY',
            });
            ruleCheck(
              'PLM-INVALID-CLIENT-KEY',
              body.fieldErrors.map((f) => String(f.field).toLowerCase()),
              'fieldErrors name the header',
            ).toContain('x-client-public-key');
          }),
        ),
      );
    },
  );

  test(
    'the card-details endpoint refuses an invalid key too',
    req('PLM-INVALID-CLIENT-KEY', 'PLM-DETAILS'),
    async ({ plumeryClient, setup }) => {
      notApplicableByProfile(!setup.profile.cardDetails, 'cardDetails', false);
      const [what, header] = invalidClientKeys(setup.profile)[0]!;
      await test.step(what, async () =>
        expectRefused(await plumeryClient.details(setup.token, header), setup, 'PLM-INVALID-CLIENT-KEY', {
          status: 400,
          code: 'INVALID_CLIENT_PUBLIC_KEY',
        }),
      );
    },
  );

  test(
    'a missing or blank X-Client-Public-Key is a 400 NOT_BLANK or NOT_NULL naming the header',
    req('PLM-MISSING-HEADER', 'PLM-ERROR-SHAPE'),
    async ({ plumeryClient, setup }) => {
      for (const header of [null, '', '   ']) {
        // The document lists the two field codes alike, without saying which is for what.
        const body = expectRefused(await plumeryClient.pin(setup.token, header), setup, 'PLM-MISSING-HEADER', {
          status: 400,
          code: ['NOT_BLANK', 'NOT_NULL'],
        });
        if (setup.profile.headerInFieldErrors)
          ruleCheck(
            'PLM-MISSING-HEADER',
            body.fieldErrors.map((f) => String(f.field).toLowerCase()),
            'fieldErrors name the header',
            'headerInFieldErrors',
          ).toContain('x-client-public-key');
      }
    },
  );
});

test.describe('card states and errors', () => {
  test(
    'an unknown card: CARD_NOT_FOUND',
    req('PLM-CARD-NOT-FOUND', 'PLM-ERROR-SHAPE'),
    async ({ plumeryClient, setup }) => {
      const key = clientKey(setup.profile.clientKeyEncoding);
      expectRefused(await plumeryClient.pin(setup.unknownToken, key.header), setup, 'PLM-CARD-NOT-FOUND', {
        status: setup.profile.cardNotFoundStatus,
        code: 'CARD_NOT_FOUND',
      });
      expectRefused(await plumeryClient.details(setup.unknownToken, key.header), setup, 'PLM-CARD-NOT-FOUND', {
        status: setup.profile.cardNotFoundStatus,
        code: 'CARD_NOT_FOUND',
      });
    },
  );

  test('a terminated card: CARD_ALREADY_TERMINATED', req('PLM-CARD-TERMINATED'), async ({ plumeryClient, setup }) => {
    test.skip(!setup.terminatedToken, 'not applicable: set PLUMERY_TERMINATED_CARD_TOKEN');
    const key = clientKey(setup.profile.clientKeyEncoding);
    expectRefused(await plumeryClient.pin(setup.terminatedToken!, key.header), setup, 'PLM-CARD-TERMINATED', {
      status: setup.profile.cardStateStatus,
      code: 'CARD_ALREADY_TERMINATED',
    });
  });

  test(
    'a card in a state without a PIN view: INVALID_CARD_STATE',
    req('PLM-CARD-STATE'),
    async ({ plumeryClient, setup }) => {
      test.skip(!setup.inactiveToken, 'not applicable: set PLUMERY_INACTIVE_CARD_TOKEN');
      const key = clientKey(setup.profile.clientKeyEncoding);
      expectRefused(await plumeryClient.pin(setup.inactiveToken!, key.header), setup, 'PLM-CARD-STATE', {
        status: setup.profile.cardStateStatus,
        code: 'INVALID_CARD_STATE',
      });
    },
  );

  test(
    'errors carry a requestId; malformed requests get a 4xx in the error shape, never a 5xx',
    req('PLM-ERROR-SHAPE'),
    async ({ plumeryClient, setup, http }) => {
      const key = clientKey(setup.profile.clientKeyEncoding);
      const body = expectRefused(await plumeryClient.pin(setup.unknownToken, key.header), setup, 'PLM-CARD-NOT-FOUND', {
        status: setup.profile.cardNotFoundStatus,
        code: 'CARD_NOT_FOUND',
      });
      expect(body.requestId, 'requestId').toBeTruthy();
      const base = setup.target.baseUrl;
      for (const c of [
        { method: 'POST', path: `/internal/v1/cards/${setup.token}/pin` },
        { method: 'DELETE', path: `/internal/v1/cards/${setup.token}` },
        { method: 'GET', path: '/internal/v1/cards/%E0%A4%A/pin' },
      ]) {
        const ex = await send(
          { method: c.method, url: `${base}${c.path}`, headers: { 'x-client-public-key': key.header } },
          http,
        );
        await test.step(`${c.method} ${c.path}`, () => expectRefused(ex, setup, 'PLM-ERROR-SHAPE', { status: '4xx' }));
      }
    },
  );
});

test.describe('card details (sibling)', () => {
  test.beforeEach(({ setup }) => notApplicableByProfile(!setup.profile.cardDetails, 'cardDetails', false));
  test(
    'the details decrypt to the seeded PAN, CVV2 and expiry (MM/YY)',
    req('PLM-DETAILS', 'PLM-ENVELOPE'),
    async ({ plumeryClient, setup }) => {
      const key = clientKey(setup.profile.clientKeyEncoding);
      const d = openJson(
        key.privateKey,
        payloadOf(await plumeryClient.details(setup.token, key.header), setup, 'PLM-DETAILS'),
        setup,
        'decrypted-card-details',
      );
      const card = setup.card;
      expectCardValues(
        'PLM-DETAILS',
        [
          { what: 'the PAN', got: d.pan, expected: card?.pan, variable: 'PLUMERY_CARD_PAN', secret: 'PAN' },
          { what: 'the CVV2', got: d.cvv2, expected: card?.cvv2, variable: 'PLUMERY_CARD_CVV2', secret: 'CVC' },
          {
            what: 'expirationDate',
            got: d.expirationDate,
            expected: card?.expirationDate,
            variable: 'PLUMERY_CARD_EXPIRY',
          },
        ],
        'the decrypted card details',
      );
    },
  );

  test(
    'the details of a terminated card are refused',
    req('PLM-DETAILS', 'PLM-CARD-TERMINATED'),
    async ({ plumeryClient, setup }) => {
      test.skip(!setup.terminatedToken, 'not applicable: set PLUMERY_TERMINATED_CARD_TOKEN');
      expectRefused(
        await plumeryClient.details(setup.terminatedToken!, clientKey(setup.profile.clientKeyEncoding).header),
        setup,
        'PLM-CARD-TERMINATED',
        { status: setup.profile.cardStateStatus, code: 'CARD_ALREADY_TERMINATED' },
      );
    },
  );
});

test.describe('card data in clear', () => {
  // Every answer of every test is scanned (providerTest); this one meets each kind of answer once.
  test(
    'no answer carries the card data outside encryptedPayload',
    req('PLM-NO-CLEAR-CARD-DATA'),
    async ({ plumeryClient, setup, answers }) => {
      test.skip(
        !setup.knownCards.length,
        "not applicable: set PLUMERY_CARD_PIN, PLUMERY_CARD_PAN, PLUMERY_CARD_CVV2 or PLUMERY_CARD_EXPIRY to look for the card's own data",
      );
      const key = clientKey(setup.profile.clientKeyEncoding);
      await plumeryClient.pin(setup.token, key.header);
      if (setup.profile.cardDetails) await plumeryClient.details(setup.token, key.header);
      await plumeryClient.pin(setup.token, null);
      await plumeryClient.pin(setup.token, invalidClientKeys(setup.profile)[0]![1]);
      await plumeryClient.pin(setup.unknownToken, key.header);
      for (const other of [setup.terminatedToken, setup.inactiveToken])
        if (other) await plumeryClient.pin(other, key.header);
      expect(answers.check(), 'answers scanned').toBeGreaterThanOrEqual(4);
    },
  );
});

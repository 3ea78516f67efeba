// Solaris, API level: the six JWE flavours decrypt to the card, the header matches the request, and
// the device binding, field rules and error envelope hold. Decrypted values use masked matchers.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { diagnoseCompact, type ContentEnc } from '../../src/crypto/jwe.ts';
import { decryptCardDetails, jwkOf, KEY_WRAP, newEncryptionKey } from '../../src/providers/solaris/card-details.ts';
import { JweAlg, JweEnc, type CardDetails } from '../../schemas/solaris.ts';
import { expectCardValues, halted } from '../fixtures/expect.ts';
import { expect, expectRefused, expectServed, jweFor, req, signedRequest, test, ruleCheck } from './fixtures.ts';

/** The protected-header alg a request's jwe.alg is labelled with. */
const headerAlg = (alg: (typeof JweAlg.options)[number], setup: { profile: { oaepHeaderAlg: string } }): string =>
  alg === 'RSA1_5' ? 'RSA1_5' : alg === 'RSA_OAEP_256' ? 'RSA-OAEP-256' : setup.profile.oaepHeaderAlg;

for (const alg of JweAlg.options) {
  for (const enc of JweEnc.options) {
    const rules =
      alg === 'RSA_OAEP_256_ANDROID'
        ? (['SOL-JWE-DECRYPTS', 'SOL-JWE-HEADER', 'SOL-DEVICE-SIGNATURE', 'SOL-ANDROID-OAEP'] as const)
        : (['SOL-JWE-DECRYPTS', 'SOL-JWE-HEADER', 'SOL-DEVICE-SIGNATURE'] as const);
    test(
      `${alg} × ${enc}: decrypts to the card, header matches the request`,
      req(...rules),
      async ({ solarisClient, setup, encryptionKey }) => {
        const data = await jweFor(solarisClient, setup, encryptionKey, { alg, enc });
        let opened: { plaintext: Buffer; header: Record<string, unknown> };
        try {
          opened = await decryptCardDetails(encryptionKey.privateKey, data, alg, enc);
        } catch {
          // Open it step by step, the header's labels aside: a mislabelled payload that opens the
          // requested way fails the header rule alone (below); otherwise the step that broke is named.
          const d = diagnoseCompact(
            encryptionKey.privateKey,
            data,
            KEY_WRAP[alg],
            enc.replace('_', '-') as ContentEnc,
            alg === 'RSA1_5' ? 'RSA1_5' : headerAlg(alg, setup),
          );
          if (!d.opened) {
            // The Android rule is the key wrap (MGF1-SHA-1); whatever else fails is the JWE's.
            const androidUnwrapFails = alg === 'RSA_OAEP_256_ANDROID' && d.failedStep === 'key-unwrap';
            const why = {
              'compact-form': 'not a compact JWE (five base64url parts, a JSON header)',
              'key-unwrap': 'the content key does not unwrap',
              'content-key-length': `the content key unwraps, but not to the length ${enc} takes`,
              tag: 'the content key unwraps, but the ciphertext fails its tag (MAC)',
            }[d.failedStep!];
            ruleCheck(
              androidUnwrapFails ? 'SOL-ANDROID-OAEP' : 'SOL-JWE-DECRYPTS',
              `${d.failedStep}: ${why}${d.labelMismatch ? `; header ${d.labelMismatch}` : ''}`,
              `the JWE decrypts as ${alg} × ${enc}`,
            ).toBe('decrypted');
            return halted('the JWE does not decrypt');
          }
          opened = d.opened;
        }
        // RFC 7518 names RSA1_5 and RSA-OAEP-256; the Android flavour has no JOSE name (a pinned label).
        ruleCheck(
          'SOL-JWE-HEADER',
          opened.header.alg,
          'protected header alg',
          alg === 'RSA_OAEP_256_ANDROID' ? 'oaepHeaderAlg' : undefined,
        ).toBe(headerAlg(alg, setup));
        ruleCheck('SOL-JWE-HEADER', opened.header.enc, 'protected header enc').toBe(enc.replace('_', '-'));
        if (setup.profile.kidInHeader)
          ruleCheck('SOL-JWE-HEADER', opened.header.kid, 'protected header kid = jwk.kid', 'kidInHeader').toBe(
            encryptionKey.jwk.kid,
          );
        const details = JSON.parse(opened.plaintext.toString('utf8')) as CardDetails;
        ruleCheck('SOL-JWE-DECRYPTS', details, 'the card details').toMatchSchema('solaris', 'card-details');
        const card = setup.card;
        expectCardValues(
          'SOL-JWE-DECRYPTS',
          [
            { what: 'the PAN', got: details.pan, expected: card?.pan, variable: 'SOLARIS_CARD_PAN', secret: 'PAN' },
            { what: 'the CVC', got: details.cvc, expected: card?.cvc, variable: 'SOLARIS_CARD_CVC', secret: 'CVC' },
            {
              what: 'expires_at',
              got: details.expires_at,
              expected: card?.expiresAt,
              variable: 'SOLARIS_CARD_EXPIRES_AT',
            },
          ],
          'the decrypted card details',
        );
      },
    );
  }
}

test(
  'the Android answer unwraps with MGF1-SHA-1 only, the standard one with MGF1-SHA-256 only',
  req('SOL-ANDROID-OAEP', 'SOL-JWE-DECRYPTS'),
  async ({ solarisClient, setup, encryptionKey }) => {
    const android = await jweFor(solarisClient, setup, encryptionKey, { alg: 'RSA_OAEP_256_ANDROID' });
    const standard = await jweFor(solarisClient, setup, encryptionKey, { alg: 'RSA_OAEP_256' });
    // Whether it opens under that wrap, whatever its header's label says (the label is SOL-JWE-HEADER's).
    const opens = (jwe: string, wrap: 'RSA-OAEP-256' | 'RSA-OAEP-256-MGF1-SHA1') =>
      diagnoseCompact(encryptionKey.privateKey, jwe, wrap, 'A256GCM').opened !== undefined;
    ruleCheck('SOL-ANDROID-OAEP', opens(android, 'RSA-OAEP-256-MGF1-SHA1'), 'Android answer with MGF1-SHA-1').toBe(
      true,
    );
    ruleCheck('SOL-ANDROID-OAEP', opens(android, 'RSA-OAEP-256'), 'Android answer with MGF1-SHA-256').toBe(false);
    ruleCheck('SOL-JWE-DECRYPTS', opens(standard, 'RSA-OAEP-256'), 'standard answer with MGF1-SHA-256').toBe(true);
    ruleCheck('SOL-JWE-DECRYPTS', opens(standard, 'RSA-OAEP-256-MGF1-SHA1'), 'standard answer with MGF1-SHA-1').toBe(
      false,
    );
  },
);

test.describe('device binding', () => {
  test(
    'a wrong signature is refused (default: 403)',
    req('SOL-DEVICE-SIGNATURE', 'SOL-ERROR-ENVELOPE'),
    async ({ solarisClient, setup, encryptionKey }) => {
      const body = { ...signedRequest(setup, encryptionKey), signature: randomBytes(71).toString('hex').toUpperCase() };
      expectRefused(await solarisClient.virtualCardRequest(setup.cardId, body), setup, 'SOL-DEVICE-SIGNATURE', {
        status: setup.profile.badSignatureStatus,
        pinnedBy: 'badSignatureStatus',
      });
    },
  );

  test(
    'a signature by another device is refused (default: 403)',
    req('SOL-DEVICE-SIGNATURE'),
    async ({ solarisClient, setup, encryptionKey }) => {
      const strangerKey = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
      expectRefused(
        await solarisClient.virtualCardRequest(
          setup.cardId,
          signedRequest(setup, encryptionKey, { signer: { id: 'x', privateKey: strangerKey } }),
        ),
        setup,
        'SOL-DEVICE-SIGNATURE',
        { status: setup.profile.badSignatureStatus, pinnedBy: 'badSignatureStatus' },
      );
      test.skip(
        !setup.otherDevice,
        'partly not applicable: set SOLARIS_OTHER_DEVICE_ID and SOLARIS_OTHER_DEVICE_PRIVATE_KEY (a second bound device)',
      );
      expectRefused(
        await solarisClient.virtualCardRequest(
          setup.cardId,
          signedRequest(setup, encryptionKey, { signer: setup.otherDevice! }),
        ),
        setup,
        'SOL-DEVICE-SIGNATURE',
        { status: setup.profile.badSignatureStatus, pinnedBy: 'badSignatureStatus' },
      );
      // The other person's device, signing correctly for itself, is not bound to this card's holder.
      expectRefused(
        await solarisClient.virtualCardRequest(
          setup.cardId,
          signedRequest(setup, encryptionKey, { signer: setup.otherDevice!, deviceId: setup.otherDevice!.id }),
        ),
        setup,
        'SOL-DEVICE-SIGNATURE',
        { status: setup.profile.badSignatureStatus, pinnedBy: 'badSignatureStatus' },
      );
    },
  );

  test(
    'a signature over a different JWK is refused (default: 403)',
    req('SOL-DEVICE-SIGNATURE'),
    async ({ solarisClient, setup, encryptionKey }) => {
      const otherJwk = newEncryptionKey(2048).jwk;
      expectRefused(
        await solarisClient.virtualCardRequest(
          setup.cardId,
          signedRequest(setup, encryptionKey, { signedJwk: otherJwk }),
        ),
        setup,
        'SOL-DEVICE-SIGNATURE',
        { status: setup.profile.badSignatureStatus, pinnedBy: 'badSignatureStatus' },
      );
      const reordered = { ...encryptionKey.jwk, kid: `${encryptionKey.jwk.kid}-changed` };
      expectRefused(
        await solarisClient.virtualCardRequest(
          setup.cardId,
          signedRequest(setup, encryptionKey, { jwk: reordered, signedJwk: encryptionKey.jwk }),
        ),
        setup,
        'SOL-DEVICE-SIGNATURE',
        { status: setup.profile.badSignatureStatus, pinnedBy: 'badSignatureStatus' },
      );
    },
  );

  test('an unknown device is refused', req('SOL-DEVICE-BOUND'), async ({ solarisClient, setup, encryptionKey }) => {
    expectRefused(
      await solarisClient.virtualCardRequest(
        setup.cardId,
        signedRequest(setup, encryptionKey, { deviceId: `unknown-${randomBytes(8).toString('hex')}` }),
      ),
      setup,
      'SOL-DEVICE-BOUND',
      { status: setup.profile.unknownDeviceStatus, field: 'device_id', pinnedBy: 'unknownDeviceStatus' },
    );
  });
});

test.describe('fields', () => {
  test(
    'an RSA key shorter than 2048 bits is refused, naming jwk.n',
    req('SOL-KEY-SIZE', 'SOL-FIELD-VALIDATION'),
    async ({ solarisClient, setup, encryptionKey }) => {
      const short = jwkOf(generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey);
      expectRefused(
        await solarisClient.virtualCardRequest(setup.cardId, signedRequest(setup, encryptionKey, { jwk: short })),
        setup,
        'SOL-KEY-SIZE',
        { status: setup.profile.shortKeyStatus, field: 'jwk.n', pinnedBy: 'shortKeyStatus' },
      );
    },
  );

  test(
    'unknown enum values and a wrong kty are refused with 400 naming the field',
    req('SOL-FIELD-VALIDATION', 'SOL-ERROR-ENVELOPE'),
    async ({ solarisClient, setup, encryptionKey }) => {
      const cases: [string, Record<string, unknown>, string][] = [
        ['jwe.alg RSA_OAEP', signedRequest(setup, encryptionKey, { alg: 'RSA_OAEP' }), 'jwe.alg'],
        [
          'jwe.alg RSA-OAEP-256 (the JOSE spelling)',
          signedRequest(setup, encryptionKey, { alg: 'RSA-OAEP-256' }),
          'jwe.alg',
        ],
        ['jwe.enc A128GCM', signedRequest(setup, encryptionKey, { enc: 'A128GCM' }), 'jwe.enc'],
        ['jwk.kty EC', signedRequest(setup, encryptionKey, { jwk: { ...encryptionKey.jwk, kty: 'EC' } }), 'jwk.kty'],
        ['jwk.use sig', signedRequest(setup, encryptionKey, { jwk: { ...encryptionKey.jwk, use: 'sig' } }), 'jwk.use'],
        [
          'jwk.alg RS512',
          signedRequest(setup, encryptionKey, { jwk: { ...encryptionKey.jwk, alg: 'RS512' } }),
          'jwk.alg',
        ],
        [
          'jwk.e not base64url',
          signedRequest(setup, encryptionKey, { jwk: { ...encryptionKey.jwk, e: 'AQ!B' } }),
          'jwk.e',
        ],
      ];
      for (const [what, body, field] of cases)
        await test.step(what, async () =>
          expectRefused(await solarisClient.virtualCardRequest(setup.cardId, body), setup, 'SOL-FIELD-VALIDATION', {
            status: 400,
            field,
          }),
        );
    },
  );

  test(
    'a missing required field is refused with 400 naming it',
    req('SOL-FIELD-VALIDATION'),
    async ({ solarisClient, setup, encryptionKey }) => {
      const without = (o: object, gone: string) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== gone));
      const cases: [string, Record<string, unknown>][] = [
        ...(['device_id', 'signature', 'jwk', 'jwe'] as const).map((f): [string, Record<string, unknown>] => [
          f,
          without(signedRequest(setup, encryptionKey), f),
        ]),
        // Each required member alone; the JWK is signed as sent, so only the missing member is wrong.
        ...(['kty', 'n', 'e'] as const).map((f): [string, Record<string, unknown>] => [
          `jwk.${f}`,
          signedRequest(setup, encryptionKey, { jwk: without(encryptionKey.jwk, f) }),
        ]),
        ...(['alg', 'enc'] as const).map((f): [string, Record<string, unknown>] => {
          const body = signedRequest(setup, encryptionKey);
          return [`jwe.${f}`, { ...body, jwe: without(body.jwe, f) }];
        }),
      ];
      for (const [field, body] of cases)
        await test.step(field, async () =>
          expectRefused(await solarisClient.virtualCardRequest(setup.cardId, body), setup, 'SOL-FIELD-VALIDATION', {
            status: 400,
            field,
          }),
        );
    },
  );

  test(
    'the optional device_data (a device fingerprint) is accepted',
    req('SOL-FIELD-VALIDATION'),
    async ({ solarisClient, setup, encryptionKey }) => {
      const ex = await solarisClient.virtualCardRequest(setup.cardId, {
        ...signedRequest(setup, encryptionKey),
        device_data: `Web;${randomBytes(16).toString('hex')};${randomBytes(32).toString('base64')}`,
      });
      expectServed(ex, setup, 'SOL-FIELD-VALIDATION', 'the answer to a correctly signed request with device_data');
    },
  );

  test(
    'an unknown card is refused with 404',
    req('SOL-UNKNOWN-CARD', 'SOL-ERROR-ENVELOPE'),
    async ({ solarisClient, setup, encryptionKey }) => {
      expectRefused(
        await solarisClient.virtualCardRequest(
          `no-such-card-${randomBytes(6).toString('hex')}`,
          signedRequest(setup, encryptionKey),
        ),
        setup,
        'SOL-UNKNOWN-CARD',
        { status: 404 },
      );
    },
  );

  test(
    'malformed bodies get a 400 envelope, never a 5xx',
    req('SOL-ERROR-ENVELOPE'),
    async ({ solarisClient, setup }) => {
      for (const raw of ['{', '[]', 'null', '"x"', '{"device_id": 5}']) {
        const ex = await solarisClient.virtualCardRequest(setup.cardId, raw);
        expectRefused(ex, setup, 'SOL-ERROR-ENVELOPE', { status: 400 });
      }
    },
  );
});

test.describe('card data in clear', () => {
  // Every answer of every test is scanned (providerTest); this one meets each kind of answer once.
  test(
    'no answer carries the card number, expiry or CVV outside the JWE',
    req('SOL-NO-CLEAR-CARD-DATA'),
    async ({ solarisClient, setup, encryptionKey, answers }) => {
      test.skip(
        !setup.knownCards.length,
        "not applicable: set SOLARIS_CARD_PAN (and SOLARIS_CARD_CVC, SOLARIS_CARD_EXPIRES_AT) to look for the card's own data",
      );
      await solarisClient.virtualCardRequest(setup.cardId, signedRequest(setup, encryptionKey));
      await solarisClient.virtualCardRequest(setup.cardId, {
        ...signedRequest(setup, encryptionKey),
        signature: randomBytes(64).toString('hex'),
      });
      if (setup.otherDevice)
        await solarisClient.virtualCardRequest(
          setup.cardId,
          signedRequest(setup, encryptionKey, { signer: setup.otherDevice }),
        );
      await solarisClient.virtualCardRequest(
        setup.cardId,
        signedRequest(setup, encryptionKey, { deviceId: `no-such-device-${randomBytes(4).toString('hex')}` }),
      );
      await solarisClient.virtualCardRequest(setup.cardId, signedRequest(setup, encryptionKey, { enc: 'A128GCM' }));
      await solarisClient.virtualCardRequest(
        `no-such-card-${randomBytes(6).toString('hex')}`,
        signedRequest(setup, encryptionKey),
      );
      await solarisClient.virtualCardRequest(setup.cardId, '{');
      expect(answers.check(), 'answers scanned').toBeGreaterThanOrEqual(6);
    },
  );
});

// Exa, API level: GET /card's profile, sessionid, encrypted fields, scopes and errors, and the
// binding PATCH. Decrypted values are compared with masked matchers only.
import { pansOf } from '../../src/core/clear-card-data.ts';
import { createHash, generateKeyPairSync, publicEncrypt, constants, randomBytes } from 'node:crypto';
import { send } from '../../src/core/http.ts';
import { fromBase64 } from '../../src/crypto/base64.ts';
import { isCryptoError } from '../../src/crypto/errors.ts';
import { decryptCard, decryptField } from '../../src/providers/exa/card-data.ts';
import { makeSession, toPublicKey, type ExaSession } from '../../src/providers/exa/session.ts';
import { signSiwe, webauthnAssertion } from '../../src/providers/exa/binding.ts';
import type { CardResponse, EncryptedField } from '../../schemas/exa.ts';
import { halted, unknownValues } from '../fixtures/expect.ts';
import { jsonBody } from '../fixtures/provider.ts';
import { cardBody, expect, expectRefused, req, sessionRefused, test, type ExaSetup, ruleCheck } from './fixtures.ts';
import type { ExaClient } from '../../src/providers/exa/client.ts';

// viem's SIWE code, loaded by the checks that read a SIWE message: a process that only lists the
// checks (Playwright's main process) does without it.
const viemSiwe = () => import('viem/siwe');

const session = (setup: ExaSetup, opts: Parameters<typeof makeSession>[1] = {}): ExaSession =>
  makeSession(setup.publicKeyPem, { oaepHash: setup.profile.oaepHash, ...opts });
const fields = (b: CardResponse): [string, EncryptedField][] =>
  [
    ['encryptedPan', b.encryptedPan],
    ['encryptedCvc', b.encryptedCvc],
    ['pin', b.pin ?? undefined],
  ].filter((f): f is [string, EncryptedField] => f[1] !== undefined);
const noStore = /(^|,\s*)no-store(\s*,|$)/;

/** The decrypted card, or a failed EXA-FIELDS-AES-128-GCM rule check that ends the test. */
function reveal(body: CardResponse, secret: Buffer) {
  try {
    return decryptCard(body, secret);
  } catch (e) {
    // A field that decrypts to something that is no format-2 PIN block is the PIN block's rule.
    const rule = isCryptoError(e) && e.code === 'bad-pin-block' ? 'EXA-PIN-BLOCK' : 'EXA-FIELDS-AES-128-GCM';
    ruleCheck(
      rule,
      isCryptoError(e) ? `${e.code}: ${e.message}` : String(e),
      'the fields decrypt with the session secret',
    ).toBe('decrypted');
    return halted('the fields do not decrypt');
  }
}

/**
 * A card answer and its session. Where the target refuses the documented sessionid, that fails
 * EXA-SESSIONID-RSA-OAEP-SHA1, and a check of the AES layer goes on with the other OAEP hash if
 * the target takes that one: how the secret travelled is not the AES layer's rule.
 */
async function sealedCard(client: ExaClient, setup: ExaSetup): Promise<{ s: ExaSession; body: CardResponse }> {
  const s = session(setup);
  const ex = await client.getCard({ sessionid: s.sessionid });
  if (!sessionRefused(ex)) return { s, body: cardBody(ex) };
  const other = session(setup, { oaepHash: setup.profile.oaepHash === 'sha1' ? 'sha256' : 'sha1' });
  const retry = await client.getCard({ sessionid: other.sessionid });
  if (sessionRefused(retry)) return { s, body: cardBody(ex) }; // neither: the check stops on the sessionid rule
  ruleCheck(
    'EXA-SESSIONID-RSA-OAEP-SHA1',
    ex.response.status,
    `status with a documented (${setup.profile.oaepHash}) sessionid`,
  ).toBe(200);
  return { s: other, body: cardBody(retry) };
}

test.describe('profile', () => {
  test(
    'without a sessionid: the profile only, every field valid',
    req('EXA-PROFILE', 'EXA-NO-CARD-DATA-WITHOUT-SESSIONID'),
    async ({ exaClient, setup }) => {
      const ex = await exaClient.getCard();
      const body = cardBody(ex);
      for (const k of ['encryptedPan', 'encryptedCvc', 'pin'])
        ruleCheck('EXA-NO-CARD-DATA-WITHOUT-SESSIONID', Object.keys(body), `no ${k} without sessionid`).not.toContain(
          k,
        );
      for (const k of ['provisioning', 'challenge'])
        ruleCheck(
          k === 'provisioning' ? 'EXA-PROVISIONING-SCOPE' : 'EXA-PROFILE',
          Object.keys(body),
          `no ${k} without a scope`,
        ).not.toContain(k);
      ruleCheck('EXA-NO-CARD-DATA-WITHOUT-SESSIONID', ex.response.body, 'the profile answer').toShowNoCardData(
        pansOf(setup.knownCards),
      );
      if (setup.card) ruleCheck('EXA-PROFILE', body.lastFour, 'lastFour').toBe(setup.card.pan.slice(-4));
    },
  );

  test(
    'a frozen card without a PIN: the profile is valid, pin is null',
    req('EXA-PROFILE', 'EXA-PIN-BLOCK'),
    async ({ exaClient, setup }) => {
      test.skip(
        !setup.noPin,
        'not applicable: set EXA_NO_PIN_TOKEN and EXA_NO_PIN_CARD_PAN (a cardholder whose card has no PIN)',
      );
      const s = session(setup);
      const body = cardBody(await exaClient.getCard({ token: setup.noPin!.token, sessionid: s.sessionid }));
      ruleCheck('EXA-PIN-BLOCK', body.pin, 'pin of a card without PIN').toBeNull();
      const revealed = reveal(body, s.secret);
      ruleCheck('EXA-FIELDS-AES-128-GCM', revealed.pan, 'the PAN').toEqualSecret(setup.noPin!.card.pan, 'PAN');
      ruleCheck('EXA-PIN-BLOCK', revealed.pin, 'PIN').toBeNull();
    },
  );
});

test.describe('sessionid and encrypted fields', () => {
  test(
    'the decrypted PAN, CVC and PIN equal the seeded card',
    req('EXA-SESSIONID-RSA-OAEP-SHA1', 'EXA-FIELDS-AES-128-GCM', 'EXA-PIN-BLOCK'),
    async ({ exaClient, setup }) => {
      const s = session(setup);
      const body = cardBody(await exaClient.getCard({ sessionid: s.sessionid }));
      const revealed = reveal(body, s.secret);
      unknownValues(
        'EXA-FIELDS-AES-128-GCM',
        { EXA_CARD_PAN: setup.card?.pan, EXA_CARD_CVC: setup.card?.cvc },
        'the decrypted PAN and CVC',
      );
      unknownValues(
        'EXA-PIN-BLOCK',
        { EXA_CARD_PIN: setup.card?.pin === null ? 'none' : setup.card?.pin },
        'the decrypted PIN',
      );
      if (!setup.card) {
        ruleCheck('EXA-FIELDS-AES-128-GCM', revealed.pan, 'a PAN of 13-19 digits').toMatch(/^\d{13,19}$/);
        return;
      }
      ruleCheck('EXA-FIELDS-AES-128-GCM', revealed.pan, 'the PAN').toEqualSecret(setup.card.pan, 'PAN');
      if (setup.card.cvc)
        ruleCheck('EXA-FIELDS-AES-128-GCM', revealed.cvc, 'the CVC').toEqualSecret(setup.card.cvc, 'CVC');
      if (setup.card.pin !== undefined) {
        if (setup.card.pin === null) ruleCheck('EXA-PIN-BLOCK', revealed.pin, 'the PIN').toBeNull();
        else ruleCheck('EXA-PIN-BLOCK', revealed.pin, 'the PIN').toEqualSecret(setup.card.pin, 'PIN');
      }
    },
  );

  test(
    'each field is ciphertext ‖ 16-byte tag under a 12- or 16-byte IV, and the tag is checked',
    req('EXA-FIELDS-AES-128-GCM'),
    async ({ exaClient, setup }) => {
      const s = session(setup);
      const body = cardBody(await exaClient.getCard({ sessionid: s.sessionid }));
      const list = fields(body);
      expect(list.length, 'encrypted fields').toBeGreaterThanOrEqual(2);
      reveal(body, s.secret); // every field opens, or the check stops on the rule that failed
      for (const [name, f] of list) {
        ruleCheck('EXA-FIELDS-AES-128-GCM', setup.profile.ivLengths as number[], `${name} IV length`).toContain(
          fromBase64(f.iv, `${name}.iv`).length,
        );
        const data = fromBase64(f.data, `${name}.data`);
        const plain = decryptField(f, s.secret, name);
        ruleCheck('EXA-FIELDS-AES-128-GCM', data.length, `${name}: ciphertext + 16-byte tag`).toBe(
          Buffer.byteLength(plain) + 16,
        );
        // One flipped tag bit must make the field undecryptable: the tag is a real GCM tag.
        const flipped = Buffer.from(data);
        flipped[flipped.length - 1]! ^= 0x01;
        ruleCheck(
          'EXA-FIELDS-AES-128-GCM',
          () => decryptField({ data: flipped.toString('base64'), iv: f.iv }, s.secret, name),
          `${name} with a flipped tag bit`,
        ).toThrow(/tag/);
      }
    },
  );

  test(
    'every field of every answer has a fresh IV (no reuse under one key)',
    req('EXA-FRESH-IV'),
    async ({ exaClient, setup }) => {
      const ivs: string[] = [];
      const first = await sealedCard(exaClient, setup);
      ivs.push(...fields(first.body).map(([, f]) => f.iv));
      // The same session twice more, then another session.
      for (let i = 0; i < 2; i++)
        ivs.push(...fields(cardBody(await exaClient.getCard({ sessionid: first.s.sessionid }))).map(([, f]) => f.iv));
      ivs.push(...fields((await sealedCard(exaClient, setup)).body).map(([, f]) => f.iv));
      expect(ivs.length, 'IVs collected').toBeGreaterThanOrEqual(8);
      ruleCheck('EXA-FRESH-IV', new Set(ivs).size, 'distinct IVs').toBe(ivs.length);
    },
  );

  test(
    'a sessionid with the wrong padding, hash or key is refused',
    req('EXA-SESSIONID-REFUSED', 'EXA-SESSIONID-RSA-OAEP-SHA1'),
    async ({ exaClient, setup }) => {
      const otherKey = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey;
      const wrongHash = setup.profile.oaepHash === 'sha1' ? 'sha256' : 'sha1';
      const cases: [string, string][] = [
        [`OAEP with ${wrongHash}`, session(setup, { oaepHash: wrongHash }).sessionid],
        ['PKCS#1 v1.5 padding', session(setup, { padding: 'pkcs1' }).sessionid],
        ['another RSA key', makeSession(otherKey).sessionid],
      ];
      for (const [what, sessionid] of cases) {
        await test.step(what, async () =>
          expectRefused(await exaClient.getCard({ sessionid }), setup, 'EXA-SESSIONID-REFUSED', {
            status: 400,
            code: 'bad session id',
          }),
        );
      }
    },
  );

  test(
    'a sessionid that does not hold 16 secret bytes is refused',
    req('EXA-SESSIONID-REFUSED'),
    async ({ exaClient, setup }) => {
      const key = toPublicKey(setup.publicKeyPem);
      const enc = (plain: Buffer) =>
        publicEncrypt(
          { key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: setup.profile.oaepHash },
          plain,
        ).toString('base64');
      const plaintexts: [string, Buffer][] = [
        ['base64 of 8 bytes', Buffer.from(randomBytes(8).toString('base64'))],
        ['base64 of 32 bytes', Buffer.from(randomBytes(32).toString('base64'))],
        ['the 16 raw bytes, not their base64', randomBytes(16)],
        ['the 32-character hex text', Buffer.from(randomBytes(16).toString('hex'))],
      ];
      for (const [what, plain] of plaintexts) {
        await test.step(what, async () =>
          expectRefused(await exaClient.getCard({ sessionid: enc(plain) }), setup, 'EXA-SESSIONID-REFUSED', {
            status: 400,
            code: 'bad session id',
          }),
        );
      }
    },
  );

  test(
    'a sessionid that is not one RSA block of base64 gets 400, never a 5xx',
    req('EXA-SESSIONID-REFUSED', 'EXA-ERROR-SHAPE'),
    async ({ exaClient, setup }) => {
      for (const sessionid of [
        'not base64 at all!',
        '%%%%',
        'AAAA',
        randomBytes(128).toString('base64'),
        randomBytes(64).toString('base64'),
        ''.padEnd(4000, 'A'),
      ]) {
        expectRefused(await exaClient.getCard({ sessionid }), setup, 'EXA-SESSIONID-REFUSED', {
          status: 400,
          code: 'bad session id',
        });
      }
    },
  );
});

test.describe('scopes', () => {
  test(
    'scope=siwe: a fully formed SIWE message, not stored',
    req('EXA-CHALLENGE-SIWE', 'EXA-NO-STORE'),
    async ({ exaClient }) => {
      const ex = await exaClient.getCard({ scopes: ['siwe'] });
      const body = cardBody(ex);
      ruleCheck('EXA-NO-STORE', ex.response.headers['cache-control'] ?? '', 'Cache-Control').toMatch(noStore);
      const siwe = (value: unknown, what: string) => ruleCheck('EXA-CHALLENGE-SIWE', value, what);
      siwe(body.challenge, 'challenge').toBeTruthy();
      const { parseSiweMessage } = await viemSiwe();
      const m = parseSiweMessage(body.challenge ?? '');
      siwe(m.domain, 'SIWE domain').toBeTruthy();
      siwe(m.address, 'SIWE address').toMatch(/^0x[0-9a-fA-F]{40}$/);
      siwe(m.version, 'SIWE version').toBe('1');
      siwe(m.chainId, 'SIWE chain id').toBeGreaterThan(0);
      siwe(m.nonce ?? '', 'SIWE nonce').toMatch(/^[A-Za-z0-9]{8,}$/);
      const again = cardBody(await exaClient.getCard({ scopes: ['siwe'] }));
      siwe(parseSiweMessage(again.challenge ?? '').nonce, 'a new nonce per challenge').not.toBe(m.nonce);
    },
  );

  test(
    'scope=webauthn: the plain statement, not stored',
    req('EXA-CHALLENGE-WEBAUTHN', 'EXA-NO-STORE'),
    async ({ exaClient }) => {
      const ex = await exaClient.getCard({ scopes: ['webauthn'] });
      const body = cardBody(ex);
      ruleCheck('EXA-NO-STORE', ex.response.headers['cache-control'] ?? '', 'Cache-Control').toMatch(noStore);
      ruleCheck('EXA-CHALLENGE-WEBAUTHN', body.challenge, 'challenge').toBeTruthy();
      ruleCheck('EXA-CHALLENGE-WEBAUTHN', body.challenge ?? '', 'a plain statement, not a SIWE message').not.toMatch(
        /wants you to sign in/,
      );
    },
  );

  test('siwe and webauthn together are refused with 400', req('EXA-SCOPE-EXCLUSIVE'), async ({ exaClient, setup }) => {
    expectRefused(await exaClient.getCard({ scopes: ['siwe', 'webauthn'] }), setup, 'EXA-SCOPE-EXCLUSIVE', {
      status: 400,
      code: 'bad request',
    });
    expectRefused(
      await exaClient.getCard({ scopes: ['webauthn', 'provisioning', 'siwe'], sessionid: session(setup).sessionid }),
      setup,
      'EXA-SCOPE-EXCLUSIVE',
      { status: 400, code: 'bad request' },
    );
  });

  test(
    'provisioning comes only with scope=provisioning, not stored',
    req('EXA-PROVISIONING-SCOPE', 'EXA-NO-STORE'),
    async ({ exaClient, setup }) => {
      const without = [
        cardBody(await exaClient.getCard()),
        cardBody(await exaClient.getCard({ sessionid: session(setup).sessionid })),
        cardBody(await exaClient.getCard({ scopes: ['siwe'] })),
      ];
      for (const b of without)
        ruleCheck('EXA-PROVISIONING-SCOPE', b.provisioning, 'provisioning without scope=provisioning').toBeUndefined();
      const ex = await exaClient.getCard({ scopes: ['provisioning'] });
      const body = cardBody(ex);
      ruleCheck('EXA-PROVISIONING-SCOPE', body.provisioning, 'provisioning with scope=provisioning').toBeDefined();
      ruleCheck('EXA-NO-STORE', ex.response.headers['cache-control'] ?? '', 'Cache-Control').toMatch(noStore);
    },
  );

  test(
    'a sessionid and a scope together: the challenge and the card data',
    req('EXA-CHALLENGE-SIWE', 'EXA-FIELDS-AES-128-GCM'),
    async ({ exaClient, setup }) => {
      const s = session(setup);
      const body = cardBody(await exaClient.getCard({ sessionid: s.sessionid, scopes: ['siwe', 'provisioning'] }));
      ruleCheck('EXA-CHALLENGE-SIWE', body.challenge, 'challenge').toBeTruthy();
      ruleCheck('EXA-PROVISIONING-SCOPE', body.provisioning, 'provisioning').toBeDefined();
      const revealed = reveal(body, s.secret);
      if (setup.card) ruleCheck('EXA-FIELDS-AES-128-GCM', revealed.pan, 'the PAN').toEqualSecret(setup.card.pan, 'PAN');
    },
  );

  test('an unknown scope is a 400 bad request', req('EXA-ERROR-SHAPE'), async ({ exaClient, setup }) => {
    expectRefused(await exaClient.getCard({ scopes: ['everything'] }), setup, 'EXA-ERROR-SHAPE', {
      status: 400,
      code: 'bad request',
    });
  });
});

test.describe('errors', () => {
  test('without credentials: 401, no card data', req('EXA-AUTH'), async ({ exaClient, setup }) => {
    expectRefused(await exaClient.getCard({ token: null, sessionid: session(setup).sessionid }), setup, 'EXA-AUTH', {
      status: 401,
      code: 'unauthorized',
    });
    expectRefused(await exaClient.getCard({ token: `unknown-${randomBytes(8).toString('hex')}` }), setup, 'EXA-AUTH', {
      status: 401,
      code: 'unauthorized',
    });
  });

  test('a user without an issuer account: 403 "no panda"', req('EXA-ERRORS'), async ({ exaClient, setup }) => {
    test.skip(!setup.noPandaToken, 'not applicable: set EXA_NO_PANDA_TOKEN');
    expectRefused(
      await exaClient.getCard({ token: setup.noPandaToken!, sessionid: session(setup).sessionid }),
      setup,
      'EXA-ERRORS',
      { status: 403, code: 'no panda' },
    );
  });

  test('a user without a card: 404 "no card"', req('EXA-ERRORS'), async ({ exaClient, setup }) => {
    test.skip(!setup.noCardToken, 'not applicable: set EXA_NO_CARD_TOKEN');
    expectRefused(
      await exaClient.getCard({ token: setup.noCardToken!, sessionid: session(setup).sessionid }),
      setup,
      'EXA-ERRORS',
      { status: 404, code: 'no card' },
    );
  });

  test(
    'malformed requests get a 4xx {code}, never a 5xx',
    req('EXA-ERROR-SHAPE'),
    async ({ exaClient, setup, http }) => {
      const auth = { authorization: `Bearer ${setup.token}` };
      const base = setup.target.baseUrl;
      for (const c of [
        { method: 'POST', url: `${base}${setup.profile.cardPath}` },
        { method: 'DELETE', url: `${base}${setup.profile.cardPath}` },
        { method: 'GET', url: `${base}${setup.profile.cardPath}?scope=` },
      ]) {
        const ex = await send({ method: c.method, url: c.url, headers: auth }, http);
        await test.step(`${c.method} ${c.url.slice(base.length)}`, () =>
          expectRefused(ex, setup, 'EXA-ERROR-SHAPE', { status: '4xx' }));
      }
      for (const raw of [
        '{',
        '[]',
        '{"method":"siwe"}',
        '{"method":"ed25519","signature":"00"}',
        JSON.stringify({ method: 'siwe', message: 'x', signature: 'not hex' }),
      ]) {
        expectRefused(await exaClient.bind({}, { rawBody: raw }), setup, 'EXA-ERROR-SHAPE', {
          status: 400,
          code: 'bad request',
        });
      }
    },
  );
});

/** The bytes a passkey signs for a statement (profile webauthnChallenge). */
const challengeBytes = (statement: string, setup: ExaSetup): Buffer =>
  setup.profile.webauthnChallenge === 'statement-sha256'
    ? createHash('sha256').update(statement, 'utf8').digest()
    : Buffer.from(statement, 'utf8');

/** The same SIWE message with another statement, rebuilt from its parsed fields. */
async function otherSiweStatement(message: string): Promise<string> {
  const { createSiweMessage, parseSiweMessage } = await viemSiwe();
  const parsed = parseSiweMessage(message) as Parameters<typeof createSiweMessage>[0];
  return createSiweMessage({ ...parsed, statement: `${parsed.statement ?? 'Sign in'} (another statement)` });
}

test.describe('binding (PATCH)', () => {
  test('a SIWE challenge signed by the wallet binds the card', req('EXA-BIND-SIWE'), async ({ exaClient, setup }) => {
    test.skip(!setup.walletPrivateKey, 'not applicable: set EXA_WALLET_PRIVATE_KEY');
    const { challenge } = cardBody(await exaClient.getCard({ scopes: ['siwe'] }));
    const ex = await exaClient.bind({
      method: 'siwe',
      message: challenge!,
      signature: await signSiwe(setup.walletPrivateKey!, challenge!),
    });
    expect(ex.response.status, 'PATCH status').toBe(200);
    expect(jsonBody(ex)).toMatchSchema('exa', 'bind.response-200');
  });

  test(
    'a SIWE signature by another wallet, over another message, or replayed is refused',
    req('EXA-BIND-SIWE'),
    async ({ exaClient, setup }) => {
      test.skip(!setup.walletPrivateKey, 'not applicable: set EXA_WALLET_PRIVATE_KEY');
      const fresh = async () => cardBody(await exaClient.getCard({ scopes: ['siwe'] })).challenge!;
      const wallet = setup.walletPrivateKey!;
      const stranger = `0x${randomBytes(32).toString('hex')}` as const;
      // Each a fresh challenge made wrong: signed by another wallet; another message, changed through
      // the SIWE grammar (EIP-4361), never through its wording; a nonce the target never issued.
      const wrong: ((challenge: string) => Promise<{ message: string; signature: string }>)[] = [
        async (c) => ({ message: c, signature: await signSiwe(stranger, c) }),
        async (c) => {
          const altered = await otherSiweStatement(c);
          return { message: altered, signature: await signSiwe(wallet, altered) };
        },
        async (c) => {
          const unissued = c.replace(/Nonce: \S+/, `Nonce: ${randomBytes(12).toString('hex')}`);
          return { message: unissued, signature: await signSiwe(wallet, unissued) };
        },
      ];
      const badSignature = { status: 400, code: 'bad signature' };
      for (const make of wrong) {
        const ex = await exaClient.bind({ method: 'siwe', ...(await make(await fresh())) });
        expectRefused(ex, setup, 'EXA-BIND-SIWE', badSignature);
      }
      const d = await fresh();
      const signed = { method: 'siwe' as const, message: d, signature: await signSiwe(wallet, d) };
      expect((await exaClient.bind(signed)).response.status, 'first use').toBe(200);
      expectRefused(await exaClient.bind(signed), setup, 'EXA-BIND-SIWE', badSignature);
    },
  );

  test(
    'a WebAuthn assertion by the passkey over the statement binds the card',
    req('EXA-BIND-WEBAUTHN'),
    async ({ exaClient, setup }) => {
      test.skip(
        !setup.passkey,
        'not applicable: set EXA_PASSKEY_PRIVATE_KEY, EXA_PASSKEY_CREDENTIAL_ID, EXA_PASSKEY_RP_ID and EXA_PASSKEY_ORIGIN (a test passkey)',
      );
      const { challenge } = cardBody(await exaClient.getCard({ scopes: ['webauthn'] }));
      const ex = await exaClient.bind({
        method: 'webauthn',
        assertion: webauthnAssertion(setup.passkey!, challengeBytes(challenge!, setup)),
      });
      expect(ex.response.status, 'PATCH status').toBe(200);
      expect(jsonBody(ex)).toMatchSchema('exa', 'bind.response-200');
    },
  );

  test(
    'a WebAuthn assertion over another challenge or by another key is refused',
    req('EXA-BIND-WEBAUTHN'),
    async ({ exaClient, setup }) => {
      test.skip(
        !setup.passkey,
        'not applicable: set EXA_PASSKEY_PRIVATE_KEY, EXA_PASSKEY_CREDENTIAL_ID, EXA_PASSKEY_RP_ID and EXA_PASSKEY_ORIGIN (a test passkey)',
      );
      const { challenge } = cardBody(await exaClient.getCard({ scopes: ['webauthn'] }));
      // Another challenge: the statement with one byte more (no wording of it is assumed).
      const other = challengeBytes(`${challenge!}.`, setup);
      expectRefused(
        await exaClient.bind({ method: 'webauthn', assertion: webauthnAssertion(setup.passkey!, other) }),
        setup,
        'EXA-BIND-WEBAUTHN',
        { status: 400, code: 'bad signature' },
      );
      const stranger = { ...setup.passkey!, privateKey: `0x${randomBytes(32).toString('hex')}` as const };
      expectRefused(
        await exaClient.bind({
          method: 'webauthn',
          assertion: webauthnAssertion(stranger, challengeBytes(challenge!, setup)),
        }),
        setup,
        'EXA-BIND-WEBAUTHN',
        { status: 400, code: 'bad signature' },
      );
    },
  );
});

test.describe('card data in clear', () => {
  // Every answer of every test is scanned (providerTest); this one meets each kind of answer once.
  test(
    'no answer carries the PAN, CVC or PIN outside their encrypted fields',
    req('EXA-NO-CLEAR-CARD-DATA'),
    async ({ exaClient, setup, answers }) => {
      test.skip(
        !setup.knownCards.length,
        "not applicable: set EXA_CARD_PAN (and EXA_CARD_CVC, EXA_CARD_PIN) to look for the card's own data",
      );
      await exaClient.getCard({ sessionid: session(setup).sessionid });
      await exaClient.getCard({ sessionid: session(setup).sessionid, scopes: ['provisioning'] });
      await exaClient.getCard();
      await exaClient.getCard({ token: null, sessionid: session(setup).sessionid });
      await exaClient.getCard({ sessionid: Buffer.from('not a session').toString('base64') });
      await exaClient.getCard({ sessionid: session(setup).sessionid, scopes: ['siwe', 'webauthn'] });
      if (setup.noPin) await exaClient.getCard({ token: setup.noPin.token, sessionid: session(setup).sessionid });
      await exaClient.bind({}, { rawBody: '{"method":"siwe"}' });
      expect(answers.check(), 'answers scanned').toBeGreaterThanOrEqual(7);
    },
  );
});

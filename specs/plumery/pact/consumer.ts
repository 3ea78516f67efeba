// Pact V4 consumer contract: what a cardholder app (PlumeryClient and the envelope code) expects of
// the connector. The example payloads are real envelopes sealed to the example client key, so the
// consumer's decryption runs; the provider is held to their shape.
import { asDocumented } from '../../../src/providers/plumery/payload-fields.ts';
import { consumerPact, MatchersV3 as M } from '../../fixtures/pact-dsl.ts';
import { PlumeryClient } from '../../../src/providers/plumery/client.ts';
import { clientKey, kdfParams, open, seal } from '../../../src/providers/plumery/envelope.ts';
import { plumeryCatalogue as plumery } from '../../../src/providers/plumery/catalogue.ts';
import { loadProfile } from '../../../src/core/profile.ts';
import type { PlumeryRequirementId } from '../../../src/providers/plumery/requirements.ts';
import { settled, startsPact } from '../../fixtures/pact.ts';
import { expect, req, test } from '../fixtures.ts';
import { PACT_STATES } from './states.ts';

const PROVIDER = 'plumery';
const TOKEN = 'pact-card-token';
// Written from the profile in force: statuses and the fieldErrors item a target states.
const profile = loadProfile(plumery);
const key = clientKey('spki');
const client = (url: string) => new PlumeryClient({ baseUrl: url });
const pact = () => consumerPact(PROVIDER);

const json = { 'content-type': M.regex(/^application\/json(;.*)?$/, 'application/json') };
const base64 = (example: string) => M.regex(/^[A-Za-z0-9+/]+={0,2}$/, example);
const payloadMatcher = (plaintext: object) => {
  const p = seal({
    clientPoint: key.publicKey,
    plaintext: Buffer.from(JSON.stringify(plaintext)),
    kdf: kdfParams(profile),
  });
  return {
    // Under the names the target gives them (the profile's payloadFields; the document names none).
    encryptedPayload: {
      [profile.payloadFields.iv]: M.regex(/^[A-Za-z0-9+/]{16}$/, p.iv),
      [profile.payloadFields.ciphertext]: base64(p.ciphertext),
      [profile.payloadFields.ephemeralPublicKey]: base64(p.ephemeralPublicKey),
      [profile.payloadFields.salt]: base64(p.salt),
    },
  };
};
/** An error body with `code`, or one of `codes` the document lists alike (NOT_BLANK, NOT_NULL). */
const errorBody = (codes: string | readonly string[]) => {
  const [code, ...others] = typeof codes === 'string' ? [codes] : codes;
  const urn = `urn:plmr:cards:connector:${code}`;
  return {
    code: others.length ? M.regex(new RegExp(`^urn:plmr:cards:connector:(${[code, ...others].join('|')})$`), urn) : urn,
    message: M.string('explanation'),
    requestId: M.string('7b0c1e1e-0000-4000-8000-000000000000'),
    fieldErrors: M.eachLike(
      {
        field: M.string('X-Client-Public-Key'),
        ...(profile.fieldErrorCode ? { code: M.string(urn) } : {}),
        message: M.string('explanation'),
      },
      0,
    ),
  };
};
const path = (suffix: string) =>
  M.fromProviderState(`/internal/v1/cards/\${token}${suffix}`, `/internal/v1/cards/${TOKEN}${suffix}`);

// Example values that are no seeded card: they appear only encrypted in the pact.
const EXAMPLE = { pin: '5193', pan: '4000000000000002', cvv2: '123', expirationDate: '04/30' };

startsPact(PROVIDER);

test(
  'PIN of an active card: 200 with an encryptedPayload that opens to DecryptedCardPin',
  req('PLM-PIN-200', 'PLM-ENVELOPE'),
  async () => {
    await (
      await pact()
    )
      .addInteraction()
      .given(PACT_STATES.activeCard)
      .uponReceiving('a PIN request with a valid client key')
      .withRequest('GET', path('/pin'), (b) => b.headers({ 'x-client-public-key': key.header }))
      .willRespondWith(200, (b) => b.headers(json).jsonBody(payloadMatcher({ pin: EXAMPLE.pin })))
      .executeTest(
        settled(async (server) => {
          const ex = await client(server.url).pin(TOKEN, key.header);
          const body = asDocumented(JSON.parse(ex.response.body), profile.payloadFields) as {
            encryptedPayload: Parameters<typeof open>[1];
          };
          expect(body).toMatchSchema('plumery', 'encrypted.response-200');
          const pin = (
            JSON.parse(open(key.privateKey, body.encryptedPayload, kdfParams(profile)).toString()) as { pin: string }
          ).pin;
          expect(pin).toEqualSecret(EXAMPLE.pin, 'PIN');
        }),
      );
  },
);

test('details of an active card: 200 with an encryptedPayload', req('PLM-DETAILS'), async () => {
  await (
    await pact()
  )
    .addInteraction()
    .given(PACT_STATES.activeCard)
    .uponReceiving('a card-details request with a valid client key')
    .withRequest('GET', path(''), (b) => b.headers({ 'x-client-public-key': key.header }))
    .willRespondWith(200, (b) =>
      b
        .headers(json)
        .jsonBody(payloadMatcher({ pan: EXAMPLE.pan, cvv2: EXAMPLE.cvv2, expirationDate: EXAMPLE.expirationDate })),
    )
    .executeTest(
      settled(async (server) => {
        const body = asDocumented(
          JSON.parse((await client(server.url).details(TOKEN, key.header)).response.body),
          profile.payloadFields,
        ) as { encryptedPayload: Parameters<typeof open>[1] };
        const d = JSON.parse(open(key.privateKey, body.encryptedPayload, kdfParams(profile)).toString()) as unknown;
        expect(d).toMatchSchema('plumery', 'decrypted-card-details');
      }),
    );
});

const errorCase = (
  rule: PlumeryRequirementId,
  name: string,
  state: string,
  description: string,
  tokenPath: ReturnType<typeof path> | string,
  header: string | null,
  code: string | readonly string[],
  run: (c: PlumeryClient) => Promise<unknown>,
) =>
  test(name, req(rule, 'PLM-ERROR-SHAPE'), async () => {
    await (
      await pact()
    )
      .addInteraction()
      .given(state)
      .uponReceiving(description)
      .withRequest('GET', tokenPath, (b) => (header === null ? b : b.headers({ 'x-client-public-key': header })))
      .willRespondWith(
        rule === 'PLM-CARD-NOT-FOUND'
          ? profile.cardNotFoundStatus
          : rule === 'PLM-CARD-TERMINATED' || rule === 'PLM-CARD-STATE'
            ? profile.cardStateStatus
            : 400,
        (b) => b.headers(json).jsonBody(errorBody(code)),
      )
      .executeTest(
        settled(async (server) => {
          await run(client(server.url));
        }),
      );
  });

errorCase(
  'PLM-MISSING-HEADER',
  'PIN without X-Client-Public-Key: 400 NOT_BLANK or NOT_NULL',
  PACT_STATES.activeCard,
  'a PIN request without a client key',
  path('/pin'),
  null,
  ['NOT_BLANK', 'NOT_NULL'],
  (c) => c.pin(TOKEN, null),
);
const offCurve = (() => {
  const b = Buffer.from(key.header, 'base64');
  b[b.length - 1]! ^= 1;
  return b.toString('base64');
})();
errorCase(
  'PLM-INVALID-CLIENT-KEY',
  'PIN with an off-curve client key: 400 INVALID_CLIENT_PUBLIC_KEY',
  PACT_STATES.activeCard,
  'a PIN request with an off-curve client key',
  path('/pin'),
  offCurve,
  'INVALID_CLIENT_PUBLIC_KEY',
  (c) => c.pin(TOKEN, offCurve),
);
errorCase(
  'PLM-CARD-NOT-FOUND',
  'PIN of an unknown card: 400 CARD_NOT_FOUND',
  PACT_STATES.noCard,
  'a PIN request for an unknown card',
  '/internal/v1/cards/no-such-card/pin',
  key.header,
  'CARD_NOT_FOUND',
  (c) => c.pin('no-such-card', key.header),
);
errorCase(
  'PLM-CARD-TERMINATED',
  'PIN of a terminated card: 400 CARD_ALREADY_TERMINATED',
  PACT_STATES.terminatedCard,
  'a PIN request for a terminated card',
  path('/pin'),
  key.header,
  'CARD_ALREADY_TERMINATED',
  (c) => c.pin(TOKEN, key.header),
);

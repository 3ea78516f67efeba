// Pact V4 consumer contract: what a cardholder app (through ExaClient and the Exa crypto) expects of
// GET /card. Encrypted fields in the pact are real encryptions under the example secret, so the
// consumer's decryption is exercised; the provider is held to their shape only.
import { generateKeyPairSync } from 'node:crypto';
import { consumerPact, MatchersV3 as M } from '../../fixtures/pact-dsl.ts';
import { ExaClient } from '../../../src/providers/exa/client.ts';
import { exaCatalogue as exa } from '../../../src/providers/exa/catalogue.ts';
import { loadProfile } from '../../../src/core/profile.ts';
import { decryptCard, encodePinBlock, encryptField } from '../../../src/providers/exa/card-data.ts';
import { makeSession } from '../../../src/providers/exa/session.ts';
import { settled, startsPact } from '../../fixtures/pact.ts';
import { expect, req, test } from '../fixtures.ts';
import { PACT_STATES } from './states.ts';

const PROVIDER = 'exa';
const TOKEN = 'pact-example-token';
// Written from the profile in force: a target that states other values is held to what it states.
const profile = loadProfile(exa);
const client = (url: string) => new ExaClient({ baseUrl: url, token: TOKEN, profile });
const pact = () => consumerPact(PROVIDER);

const bearer = M.fromProviderState('Bearer ${token}', `Bearer ${TOKEN}`);
const json = { 'content-type': M.regex(/^application\/json(;.*)?$/, 'application/json; charset=utf-8') };
const base64 = (example: string) => M.regex(/^[A-Za-z0-9+/]+={0,2}$/, example);
const noStore = M.regex(/^(.*,\s*)?no-store(\s*,.*)?$/, 'no-store');

const profileBody = {
  cardId: M.uuid('6f1c2a4e-3b5d-4c7e-9f80-a1b2c3d4e5f0'),
  displayName: M.string('Pat Example'),
  expirationMonth: M.regex(/^(0[1-9]|1[0-2])$/, '04'),
  expirationYear: M.regex(/^\d{4}$/, '2030'),
  lastFour: M.regex(/^\d{4}$/, '0002'),
  mode: M.integer(0),
  provider: 'panda',
  status: M.regex(/^(ACTIVE|FROZEN)$/, 'ACTIVE'),
  limit: {
    amount: M.number(100000),
    frequency: M.regex(
      new RegExp(`^(${profile.limitFrequencies.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`),
      profile.limitFrequencies[0]!,
    ),
  },
  productId: M.string('402'),
};

// An example card that is no seeded card: it only ever appears encrypted in the pact.
const EXAMPLE = { pan: '4000000000000002', cvc: '123', pin: '9051' };
const exampleKey = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey;
const exampleSession = makeSession(exampleKey);
const encrypted = (plain: string, ivLength: 12 | 16) => {
  const f = encryptField(plain, exampleSession.secret, ivLength);
  return { data: base64(f.data), iv: base64(f.iv) };
};

startsPact(PROVIDER);

test(
  'GET /card without a sessionid: the profile',
  req('EXA-PROFILE', 'EXA-NO-CARD-DATA-WITHOUT-SESSIONID'),
  async () => {
    await (
      await pact()
    )
      .addInteraction()
      .given(PACT_STATES.cardholder)
      .uponReceiving('a card request without a sessionid')
      .withRequest('GET', '/card', (b) => b.headers({ authorization: bearer }))
      .willRespondWith(200, (b) => b.headers(json).jsonBody(profileBody))
      .executeTest(
        settled(async (server) => {
          const ex = await client(server.url).getCard();
          expect(JSON.parse(ex.response.body) as unknown).toMatchSchema('exa', 'card.response-200');
        }),
      );
  },
);

test(
  'GET /card with a sessionid: the encrypted fields decrypt with the secret',
  req('EXA-FIELDS-AES-128-GCM', 'EXA-PIN-BLOCK', 'EXA-SESSIONID-RSA-OAEP-SHA1'),
  async () => {
    await (
      await pact()
    )
      .addInteraction()
      .given(PACT_STATES.cardholderWithSession)
      .uponReceiving('a card request with a sessionid')
      .withRequest('GET', '/card', (b) =>
        b.headers({ authorization: bearer, sessionid: M.fromProviderState('${sessionid}', exampleSession.sessionid) }),
      )
      .willRespondWith(200, (b) =>
        b.headers(json).jsonBody({
          ...profileBody,
          encryptedPan: encrypted(EXAMPLE.pan, 16),
          encryptedCvc: encrypted(EXAMPLE.cvc, 16),
          pin: encrypted(encodePinBlock(EXAMPLE.pin), 12),
        }),
      )
      .executeTest(
        settled(async (server) => {
          const ex = await client(server.url).getCard({ sessionid: exampleSession.sessionid });
          const body = JSON.parse(ex.response.body) as Parameters<typeof decryptCard>[0];
          expect(body).toMatchSchema('exa', 'card.response-200');
          const revealed = decryptCard(body, exampleSession.secret);
          expect(revealed.pan).toEqualSecret(EXAMPLE.pan, 'PAN');
          expect(revealed.pin).toEqualSecret(EXAMPLE.pin, 'PIN');
        }),
      );
  },
);

test(
  'GET /card?scope=provisioning: provisioning credentials, not stored',
  req('EXA-PROVISIONING-SCOPE', 'EXA-NO-STORE'),
  async () => {
    await (
      await pact()
    )
      .addInteraction()
      .given(PACT_STATES.cardholder)
      .uponReceiving('a card request with scope=provisioning')
      .withRequest('GET', '/card', (b) => b.query({ scope: 'provisioning' }).headers({ authorization: bearer }))
      .willRespondWith(200, (b) =>
        b
          .headers({ ...json, 'cache-control': noStore })
          .jsonBody({ ...profileBody, provisioning: { id: M.string('card_abc123'), secret: M.string('otp_xyz') } }),
      )
      .executeTest(
        settled(async (server) => {
          const ex = await client(server.url).getCard({ scopes: ['provisioning'] });
          expect(JSON.parse(ex.response.body) as unknown).toMatchSchema('exa', 'card.response-200');
        }),
      );
  },
);

test('GET /card with siwe and webauthn together: 400 bad request', req('EXA-SCOPE-EXCLUSIVE'), async () => {
  await (
    await pact()
  )
    .addInteraction()
    .given(PACT_STATES.cardholder)
    .uponReceiving('a card request with scope=siwe and scope=webauthn')
    .withRequest('GET', '/card', (b) => b.query({ scope: ['siwe', 'webauthn'] }).headers({ authorization: bearer }))
    .willRespondWith(400, (b) => b.headers(json).jsonBody({ code: 'bad request' }))
    .executeTest(
      settled(async (server) => {
        expect((await client(server.url).getCard({ scopes: ['siwe', 'webauthn'] })).response.status).toBe(400);
      }),
    );
});

test('GET /card with a sessionid that does not decrypt: 400 bad session id', req('EXA-SESSIONID-REFUSED'), async () => {
  const junk = Buffer.alloc(128, 7).toString('base64');
  await (
    await pact()
  )
    .addInteraction()
    .given(PACT_STATES.cardholder)
    .uponReceiving('a card request with a sessionid that does not decrypt')
    .withRequest('GET', '/card', (b) => b.headers({ authorization: bearer, sessionid: junk }))
    .willRespondWith(400, (b) => b.headers(json).jsonBody({ code: 'bad session id' }))
    .executeTest(
      settled(async (server) => {
        expect((await client(server.url).getCard({ sessionid: junk })).response.status).toBe(400);
      }),
    );
});

test('GET /card for a user without a card: 404 no card', req('EXA-ERRORS'), async () => {
  await (
    await pact()
  )
    .addInteraction()
    .given(PACT_STATES.noCard)
    .uponReceiving('a card request by a user without a card')
    .withRequest('GET', '/card', (b) => b.headers({ authorization: bearer }))
    .willRespondWith(404, (b) => b.headers(json).jsonBody({ code: 'no card' }))
    .executeTest(
      settled(async (server) => {
        expect((await client(server.url).getCard()).response.status).toBe(404);
      }),
    );
});

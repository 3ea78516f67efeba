// Pact V4 consumer contract: what a cardholder app (through EnfuceClient) expects of Enfuce.
// No card data is written into the pact: the snapshot is checked by status and headers only.
import { consumerPact, MatchersV3 as M } from '../../fixtures/pact-dsl.ts';
import { EnfuceClient } from '../../../src/providers/enfuce/client.ts';
import { enfuceCatalogue as enfuce } from '../../../src/providers/enfuce/catalogue.ts';
import { loadProfile } from '../../../src/core/profile.ts';
import { formBody, settled, startsPact } from '../../fixtures/pact.ts';
import { apiTest as test, expect, req } from '../fixtures.ts';
import { PACT_STATES, PACT_TOKENS } from './states.ts';

const PROVIDER = 'enfuce';
const CARD_ID = 'enf-card-active-1';
const credentials = { username: 'pact-user', password: 'pact-password' };
const basicAuthHeader = M.regex(
  /^Basic [A-Za-z0-9+/=]+$/,
  `Basic ${Buffer.from('pact-user:pact-password').toString('base64')}`,
);
const client = (url: string) => new EnfuceClient({ baseUrl: url, ...credentials });
// The contract is written from the profile in force: a target that states another error body or
// unknown-card status is held to what it states.
const profile = loadProfile(enfuce);
const errorBody = (code: string, message: string): Record<string, unknown> =>
  profile.errorBody === 'errorCode-message'
    ? { errorCode: M.string(code), message: M.string(message) }
    : profile.errorBody === 'code-message'
      ? { code: M.string(code), message: M.string(message) }
      : {};

startsPact(PROVIDER);

const pact = () => consumerPact(PROVIDER);
const controlTokenPath = M.fromProviderState('/v4/card/${cardId}/controlToken', `/v4/card/${CARD_ID}/controlToken`);

test(
  'controlToken for a known card: 201 with a token and two URLs',
  req('ENF-TOKEN-201', 'ENF-AUTH-BASIC'),
  async () => {
    await (
      await pact()
    )
      .addInteraction()
      .given(PACT_STATES.cardExists)
      .uponReceiving('a control token request for a known card')
      .withRequest('POST', controlTokenPath, (b) =>
        b.query({ auditUser: M.string('card-reveal-harness') }).headers({ authorization: basicAuthHeader }),
      )
      .willRespondWith(201, (b) =>
        b
          .headers({ 'content-type': M.regex(/^application\/json(;.*)?$/, 'application/json; charset=utf-8') })
          .jsonBody({
            token: M.string('dGhpcy1pcy1hbi1leGFtcGxlLXRva2Vu'),
            cardDataUrl: M.regex(/^https?:\/\/\S+$/, 'https://card-data.example/v4/card-data/view'),
            cardDataFrameUrl: M.regex(/^https?:\/\/\S+$/, 'https://card-data.example/v4/card-data/frame'),
          }),
      )
      .executeTest(
        settled(async (server) => {
          const ex = await client(server.url).controlToken(CARD_ID);
          expect(ex.response.status).toBe(201);
          expect(JSON.parse(ex.response.body) as unknown).toMatchSchema('enfuce', 'control-token.response-201');
        }),
      );
  },
);

test(
  "controlToken for an unknown card: the profile's status (404) with the error body",
  req('ENF-UNKNOWN-CARD-404', 'ENF-ERROR-SHAPE'),
  async () => {
    await (
      await pact()
    )
      .addInteraction()
      .given(PACT_STATES.cardMissing)
      .uponReceiving('a control token request for an unknown card')
      .withRequest('POST', '/v4/card/no-such-card/controlToken', (b) =>
        b.query({ auditUser: M.string('card-reveal-harness') }).headers({ authorization: basicAuthHeader }),
      )
      .willRespondWith(profile.unknownCardStatus, (b) =>
        b.jsonBody(errorBody('CARD_NOT_FOUND', 'no card with this cardId')),
      )
      .executeTest(
        settled(async (server) => {
          const ex = await client(server.url).controlToken('no-such-card');
          expect(ex.response.status).toBe(profile.unknownCardStatus);
          expect(JSON.parse(ex.response.body) as unknown).toBeTruthy();
        }),
      );
  },
);

test(
  'controlToken without auditUser: 400 with the error body',
  req('ENF-AUDIT-USER-REQUIRED', 'ENF-ERROR-SHAPE'),
  async () => {
    await (
      await pact()
    )
      .addInteraction()
      .given(PACT_STATES.cardExists)
      .uponReceiving('a control token request without auditUser')
      .withRequest('POST', controlTokenPath, (b) => b.headers({ authorization: basicAuthHeader }))
      .willRespondWith(400, (b) => b.jsonBody(errorBody('BAD_REQUEST', 'query parameter auditUser is required')))
      .executeTest(
        settled(async (server) => {
          const ex = await client(server.url).controlToken(CARD_ID, null);
          expect(ex.response.status).toBe(400);
        }),
      );
  },
);

/**
 * The document names no card-data path: the device POSTs to "the cardDataUrl" the token answer
 * returns. The provider state gives the target's own (verifier's provider-state injection).
 */
const cardDataPath = M.fromProviderState('${cardDataPath}', '/v4/card-data/view');

/** The mobile card-data POST; the snapshot is checked by status and headers, never by its card data. */
async function cardDataInteraction(
  state: string,
  description: string,
  token: string,
  status: number | ReturnType<typeof M.matchStatus>,
  headers: Record<string, ReturnType<typeof M.regex>>,
) {
  return (await pact())
    .addInteraction()
    .given(state)
    .uponReceiving(description)
    .withRequest('POST', cardDataPath, (b) =>
      formBody(b.headers({ 'content-type': 'application/x-www-form-urlencoded' }), { token }),
    )
    .willRespondWith(status, (b) => b.headers(headers));
}

const htmlType = M.regex(/^text\/html(;.*)?$/, 'text/html; charset=utf-8');

test(
  'mobile card data with a fresh token: 200 HTML, not stored',
  req('ENF-MOBILE-FORM-POST', 'ENF-NO-STORE'),
  async () => {
    await (
      await cardDataInteraction(
        PACT_STATES.freshToken,
        'a card-data form POST with a fresh token',
        PACT_TOKENS.fresh,
        200,
        {
          'content-type': htmlType,
          'cache-control': M.regex(/^(.*,\s*)?no-store(\s*,.*)?$/, 'no-store'),
        },
      )
    ).executeTest(
      settled(async (server) => {
        const ex = await client(server.url).viewCardData(`${server.url}/v4/card-data/view`, PACT_TOKENS.fresh);
        expect(ex.response.status).toBe(200);
      }),
    );
  },
);

test(
  'mobile card data with an expired token: refused with a 4xx HTML page',
  req('ENF-TOKEN-TTL-30S', 'ENF-INVALID-TOKEN-REFUSED'),
  async () => {
    const clientError = M.matchStatus(403, M.HTTPResponseStatusClass.ClientError);
    await (
      await cardDataInteraction(
        PACT_STATES.expiredToken,
        'a card-data form POST with a token issued 31 seconds ago',
        PACT_TOKENS.expired,
        clientError,
        {
          'content-type': htmlType,
        },
      )
    ).executeTest(
      settled(async (server) => {
        const ex = await client(server.url).viewCardData(`${server.url}/v4/card-data/view`, PACT_TOKENS.expired);
        expect(ex.response.status).toBeGreaterThanOrEqual(400);
        expect(ex.response.status).toBeLessThan(500);
      }),
    );
  },
);

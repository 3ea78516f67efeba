// Pact V4 consumer contract: what a partner app expects of Solaris's virtual card requests. The
// example JWE is a real one to the example key, so the consumer's decryption runs.
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { consumerPact, MatchersV3 as M } from '../../fixtures/pact-dsl.ts';
import { encryptCompact } from '../../../src/crypto/jwe.ts';
import { SolarisClient } from '../../../src/providers/solaris/client.ts';
import { decryptCardDetails, newEncryptionKey } from '../../../src/providers/solaris/card-details.ts';
import { signJwk } from '../../../src/providers/solaris/device.ts';
import { settled, startsPact } from '../../fixtures/pact.ts';
import { expect, req, test } from '../fixtures.ts';
import { PACT_STATES } from './states.ts';

const PROVIDER = 'solaris';
const pact = () => consumerPact(PROVIDER);
// The example keys, made when a test first needs them: every run loads this file to list its tests.
let made: { key: ReturnType<typeof newEncryptionKey>; signature: string } | undefined;
function examples() {
  if (made) return made;
  const key = newEncryptionKey(2048);
  return (made = {
    key,
    signature: signJwk(generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey, key.jwk, 'hex-der'),
  });
}
const EXAMPLE_CARD = { pan: '4000000000000002', cvc: '123', expires_at: '2030-04-30', line_1: 'PAT EXAMPLE' };
const path = M.fromProviderState(
  '/v1/cards/${cardId}/virtual_card_requests',
  '/v1/cards/pact-card/virtual_card_requests',
);
const body = (jwe: { alg: string; enc: string }) => ({
  device_id: M.fromProviderState('${deviceId}', 'pact-device'),
  signature: M.fromProviderState('${signature}', examples().signature),
  jwk: examples().key.jwk,
  jwe,
});
const errorEnvelope = (status: number, field?: string) => ({
  errors: M.eachLike({
    id: M.string('c3b1e5a0'),
    status,
    code: M.string('error_code'),
    title: M.string('Title'),
    detail: M.string('detail'),
    source: { field: field ?? M.string('field'), message: M.string('message') },
  }),
});
const json = { 'content-type': M.regex(/^application\/json(;.*)?$/, 'application/json') };
const client = (url: string) => new SolarisClient({ baseUrl: url });
const sent = () => ({ device_id: 'pact-device', signature: examples().signature, jwk: examples().key.jwk });

startsPact(PROVIDER);

test(
  'a signed request (RSA_OAEP_256 × A256GCM): 200 with a compact JWE of the card details',
  req('SOL-JWE-DECRYPTS', 'SOL-DEVICE-SIGNATURE'),
  async () => {
    const { key } = examples();
    const example = encryptCompact(createPublicKey(key.privateKey), Buffer.from(JSON.stringify(EXAMPLE_CARD)), {
      wrap: 'RSA-OAEP-256',
      enc: 'A256GCM',
      kid: key.jwk.kid!,
    });
    await (
      await pact()
    )
      .addInteraction()
      .given(PACT_STATES.boundDevice)
      .uponReceiving('a virtual card request signed by the bound device')
      .withRequest('POST', path, (b) =>
        b.headers({ 'content-type': 'application/json' }).jsonBody(body({ alg: 'RSA_OAEP_256', enc: 'A256GCM' })),
      )
      .willRespondWith(200, (b) =>
        b.headers(json).jsonBody({ data: M.regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+){4}$/, example) }),
      )
      .executeTest(
        settled(async (server) => {
          const ex = await client(server.url).virtualCardRequest('pact-card', {
            ...sent(),
            jwe: { alg: 'RSA_OAEP_256', enc: 'A256GCM' },
          });
          const { data } = JSON.parse(ex.response.body) as { data: string };
          const opened = await decryptCardDetails(key.privateKey, data, 'RSA_OAEP_256', 'A256GCM');
          expect(JSON.parse(opened.plaintext.toString()) as unknown).toMatchSchema('solaris', 'card-details');
        }),
      );
  },
);

test(
  'a request with an unknown jwe.alg: 400 naming jwe.alg',
  req('SOL-FIELD-VALIDATION', 'SOL-ERROR-ENVELOPE'),
  async () => {
    await (
      await pact()
    )
      .addInteraction()
      .given(PACT_STATES.boundDevice)
      .uponReceiving('a virtual card request with jwe.alg RSA_OAEP')
      .withRequest('POST', path, (b) =>
        b.headers({ 'content-type': 'application/json' }).jsonBody(body({ alg: 'RSA_OAEP', enc: 'A256GCM' })),
      )
      .willRespondWith(400, (b) => b.headers(json).jsonBody(errorEnvelope(400, 'jwe.alg')))
      .executeTest(
        settled(async (server) => {
          const ex = await client(server.url).virtualCardRequest('pact-card', {
            ...sent(),
            jwe: { alg: 'RSA_OAEP', enc: 'A256GCM' },
          });
          expect(JSON.parse(ex.response.body) as unknown).toMatchSchema('solaris', 'error');
        }),
      );
  },
);

test('a request for an unknown card: 404', req('SOL-UNKNOWN-CARD', 'SOL-ERROR-ENVELOPE'), async () => {
  await (
    await pact()
  )
    .addInteraction()
    .given(PACT_STATES.noCard)
    .uponReceiving('a virtual card request for an unknown card')
    .withRequest('POST', '/v1/cards/no-such-card/virtual_card_requests', (b) =>
      b.headers({ 'content-type': 'application/json' }).jsonBody(body({ alg: 'RSA_OAEP_256', enc: 'A256GCM' })),
    )
    .willRespondWith(404, (b) => b.headers(json).jsonBody(errorEnvelope(404)))
    .executeTest(
      settled(async (server) => {
        expect(
          (
            await client(server.url).virtualCardRequest('no-such-card', {
              ...sent(),
              jwe: { alg: 'RSA_OAEP_256', enc: 'A256GCM' },
            })
          ).response.status,
        ).toBe(404);
      }),
    );
});

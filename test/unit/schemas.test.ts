// The JSON Schema files in schemas/json/ are generated from the Zod schemas and checked in, so
// implementers in other languages can use them: they must stay equal to what the Zod sources emit.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { emittedPath, renderSchema, schemaDir, validateAgainst } from '../../src/core/json-schema.ts';
import type { ZodType } from 'zod';
import { providers } from '../../src/providers.ts';

for (const p of providers) {
  test(`${p.id}: emitted JSON Schemas are in sync with the Zod schemas (npm run schemas)`, () => {
    for (const [name, schema] of Object.entries(p.schemas)) {
      const file = emittedPath(p.id, name);
      expect(existsSync(file), `${file} exists`).toBe(true);
      expect(readFileSync(file, 'utf8'), `${p.id}/${name}.json`).toBe(renderSchema(p.id, name, schema));
    }
    const onDisk = readdirSync(`${schemaDir}${p.id}`)
      .map((f) => f.replace(/\.json$/, ''))
      .sort();
    expect(onDisk, 'no stale schema files').toEqual(Object.keys(p.schemas).sort());
  });
}

/** ajv (on the emitted file) and Zod (the source) must agree on every sample. */
function expectAgreement(provider: string, samples: [string, unknown, boolean][]) {
  const schemas = providers.find((p) => p.id === provider)!.schemas as Record<string, ZodType>;
  for (const [name, body, valid] of samples) {
    const clean = JSON.parse(JSON.stringify(body)) as unknown;
    expect(validateAgainst(provider, name, clean).ok, `ajv ${provider}/${name} ${JSON.stringify(clean)}`).toBe(valid);
    expect(schemas[name]!.safeParse(clean).success, `zod ${provider}/${name} ${JSON.stringify(clean)}`).toBe(valid);
  }
}

test('enfuce: ajv (emitted schema) and Zod agree on sample bodies', () => {
  const samples: [string, unknown, boolean][] = [
    [
      'control-token.response-201',
      { token: 't0k3n', cardDataUrl: 'https://x.example/v', cardDataFrameUrl: 'https://x.example/f' },
      true,
    ],
    ['control-token.response-201', { token: 't0k3n', extra: 1 }, true],
    ['control-token.response-201', { token: '' }, false],
    ['control-token.response-201', { cardDataUrl: 'https://x.example/v' }, false],
    ['control-token.response-201', { token: 't', cardDataUrl: 'not a url' }, false],
    ['error', { errorCode: 'CARD_NOT_FOUND', message: 'no card' }, true],
    ['error', { message: 'no code' }, false],
    ['card-data-frame.message', { operation: 'view-pan', token: 'abc' }, true],
    ['card-data-frame.message', { operation: 'view-pin', token: 'abc' }, false],
    ['card-data-frame.message', { operation: 'view-pan', token: 'abc', more: true }, false],
  ];
  expectAgreement('enfuce', samples);
});

test('exa: ajv (emitted schema) and Zod agree on sample bodies', () => {
  const profile = {
    cardId: '6f1c2a4e-3b5d-4c7e-9f80-a1b2c3d4e501',
    displayName: 'A B',
    expirationMonth: '08',
    expirationYear: '2029',
    lastFour: '5184',
    mode: 0,
    provider: 'panda',
    status: 'ACTIVE',
    limit: { amount: 1, frequency: 'allTime' },
    productId: '402',
  };
  const field = { data: 'AAAAAAAAAAAAAAAAAAAAAA==', iv: 'AAAAAAAAAAAAAAAA' };
  const samples: [string, unknown, boolean][] = [
    ['card.response-200', profile, true],
    ['card.response-200', { ...profile, encryptedPan: field, encryptedCvc: field, pin: null }, true],
    ['card.response-200', { ...profile, pin: field, provisioning: { id: 'x', secret: 'y' } }, true],
    ['card.response-200', { ...profile, status: 'DELETED' }, false],
    ['card.response-200', { ...profile, provider: 'other' }, false],
    ['card.response-200', { ...profile, expirationMonth: '13' }, false],
    ['card.response-200', { ...profile, encryptedPan: { ...field, extra: 1 } }, true], // answers are open: no document forbids a field it does not name
    ['card.response-200', { ...profile, encryptedPan: { data: 'not base64!', iv: 'AAAA' } }, false],
    ['error', { code: 'bad session id' }, true],
    ['error', { message: 'no code' }, false],
    ['bind.request', { method: 'siwe', message: 'm', signature: '0xabc' }, true],
    ['bind.request', { method: 'siwe', message: 'm', signature: 'abc' }, false],
    ['bind.request', { method: 'ed25519', message: 'm', signature: '0xabc' }, false],
    ['bind.response-200', { verification: 'OK' }, true],
    ['bind.response-200', { verification: 'ok' }, false],
  ];
  expectAgreement('exa', samples);
});

test('plumery: ajv (emitted schema) and Zod agree on sample bodies', () => {
  const payload = {
    iv: 'AAAAAAAAAAAAAAAA',
    ciphertext: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    ephemeralPublicKey: 'BAAA',
    salt: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
  };
  const err = { code: 'urn:plmr:cards:connector:CARD_NOT_FOUND', message: 'm', requestId: 'r', fieldErrors: [] };
  const samples: [string, unknown, boolean][] = [
    ['encrypted.response-200', { encryptedPayload: payload }, true],
    ['encrypted.response-200', { encryptedPayload: { ...payload, iv: 'AAAAAAAAAAAAAAAAAAAA' } }, false],
    ['encrypted.response-200', { encryptedPayload: { ...payload, extra: 'x' } }, true], // answers are open
    ['encrypted.response-200', { encryptedPayload: { ...payload, salt: undefined } }, false],
    ['decrypted-card-pin', { pin: '1234' }, true],
    ['decrypted-card-pin', { pin: '12' }, false],
    ['decrypted-card-details', { pan: '4000000000000002', cvv2: '123', expirationDate: '04/30' }, true],
    ['decrypted-card-details', { pan: '4000000000000002', cvv2: '123', expirationDate: '2030-04' }, false],
    ['error', err, true],
    [
      'error',
      {
        ...err,
        fieldErrors: [{ field: 'X-Client-Public-Key', code: 'urn:plmr:cards:connector:NOT_BLANK', message: 'm' }],
      },
      true,
    ],
    ['error', { ...err, code: 'CARD_NOT_FOUND' }, false],
    ['error', { ...err, requestId: undefined }, false],
  ];
  expectAgreement('plumery', samples);
});

test('cardinal: ajv (emitted schema) and Zod agree on sample bodies', () => {
  const request = {
    Algorithm: 'SHA-256',
    Identifier: 'id',
    OrgUnitId: 'org',
    Signature: 'c2ln',
    Timestamp: '2017-07-21T17:32:28Z',
    TransactionId: 'abcde',
    Payload: { AccountNumber: '4000000000000002', Email: 'a@b.example', FidoSetupPayload: 'AAAA' },
  };
  const success = {
    ErrorNumber: 0,
    ErrorDescription: 'Success',
    RequestId: 'abcde',
    Payload: {
      ReferenceId: 'r',
      Issuer: {
        SupportedVersions: [{ Version: '2.2.0', Capabilities: ['DelegatedAuthentication'], MethodURLPresent: true }],
      },
      Account: { CardBrand: 'Visa', LastFour: '0002', Fido: { FlowType: 'ENROLLMENT' } },
    },
  };
  expectAgreement('cardinal', [
    ['get-info.request', request, true],
    ['get-info.request', { ...request, Timestamp: 1626113191000 }, true],
    ['get-info.request', { ...request, Algorithm: 'MD5' }, false],
    ['get-info.request', { ...request, TransactionId: 'abcd' }, false],
    ['get-info.request', { ...request, Payload: { ...request.Payload, CardType: 'VISA' } }, false],
    // Email and FidoSetupPayload belong to the FIDO call only: a GetInfo without them is a general one.
    ['get-info.request', { ...request, Payload: { AccountNumber: '4000000000000002' } }, true],
    ['get-info.request', { ...request, Payload: { ...request.Payload, Email: 'not an address' } }, false],
    ['get-info.response-success', success, true],
    ['get-info.response-success', { ...success, ErrorNumber: '0' }, true],
    [
      'get-info.response-success',
      {
        ...success,
        Payload: { ...success.Payload, Account: { ...success.Payload.Account, Fido: { FlowType: 'OTHER' } } },
      },
      false,
    ],
    [
      'get-info.response-success',
      { ...success, Payload: { ...success.Payload, Account: { ...success.Payload.Account, CardBrand: 'Maestro' } } },
      false,
    ],
    ['get-info.response-error', { ErrorNumber: 1010, ErrorDescription: 'Invalid signature', RequestId: 'abcde' }, true],
    ['get-info.response-error', { ErrorNumber: 'x', ErrorDescription: 'e' }, false],
  ]);
});

test('solaris: ajv (emitted schema) and Zod agree on sample bodies', () => {
  const request = {
    device_id: 'd',
    signature: 'A0B1',
    jwk: { kty: 'RSA', n: 'AQAB', e: 'AQAB', use: 'enc', alg: 'RS256', kid: 'k' },
    jwe: { alg: 'RSA_OAEP_256_ANDROID', enc: 'A256CBC_HS512' },
  };
  const error = {
    errors: [
      {
        id: 'i',
        status: 400,
        code: 'invalid_model',
        title: 'T',
        detail: 'd',
        source: { field: 'jwe.alg', message: 'm' },
      },
    ],
  };
  expectAgreement('solaris', [
    ['virtual-card-request.request', request, true],
    ['virtual-card-request.request', { ...request, jwe: { alg: 'RSA-OAEP-256', enc: 'A256GCM' } }, false],
    ['virtual-card-request.request', { ...request, jwk: { ...request.jwk, kty: 'EC' } }, false],
    ['virtual-card-request.request', { ...request, signature: 'not hex' }, false],
    ['virtual-card-request.response-200', { data: 'a.b.c.d.e' }, true],
    ['virtual-card-request.response-200', { data: 'a.b.c' }, false],
    ['card-details', { pan: '4000000000000002', cvc: '123', expires_at: '2030-04-30', line_1: 'X' }, true],
    ['card-details', { pan: '4000000000000002', cvc: '123', expires_at: '04/30', line_1: 'X' }, false],
    ['error', error, true],
    ['error', { errors: [] }, false],
    ['error', { errors: [{ ...error.errors[0], source: { message: 'm' } }] }, false],
  ]);
});

// Pact V4 consumer contract: what a merchant (CardinalClient and the signer) expects of DX GetInfo.
// Values that change with time or target (Timestamp, Signature, Identifier, OrgUnitId, the PAN) are
// injected from provider states; the pact holds examples only.
import { consumerPact, MatchersV3 as M } from '../../fixtures/pact-dsl.ts';
import { CardinalClient, signedRequest } from '../../../src/providers/cardinal/client.ts';
import { settled, startsPact } from '../../fixtures/pact.ts';
import { loadProfile } from '../../../src/core/profile.ts';
import { cardinalCatalogue as cardinal } from '../../../src/providers/cardinal/catalogue.ts';
import { expect, req, test } from '../fixtures.ts';
import { PACT_STATES, PACT_TRANSACTION_ID } from './states.ts';

const PROVIDER = 'cardinal';
const pact = () => consumerPact(PROVIDER);
const EXAMPLE = {
  identifier: 'example-identifier',
  apiKey: 'example-key',
  orgUnitId: 'example-org-unit',
  pan: '4000000000000002',
  timestamp: '2026-01-01T00:00:00Z',
};
const example = signedRequest(
  EXAMPLE,
  { AccountNumber: EXAMPLE.pan, Email: 'pact@example.test', FidoSetupPayload: 'cGFjdC1kZXZpY2U=' },
  { recipe: 'timestamp+transactionId+apiKey', timestamp: EXAMPLE.timestamp, transactionId: PACT_TRANSACTION_ID },
);

// ErrorNumber as the profile in force types it. The document's field table says String, its sample
// sends a number: with "either" (the default) a regex matches the value's text whichever type it has.
const profile = loadProfile(cardinal);
const errorNumberOf = (n: number) =>
  profile.errorNumberType === 'number'
    ? n
    : profile.errorNumberType === 'string'
      ? String(n)
      : M.regex(new RegExp(`^${n}$`), String(n));

const requestBody = (pan = EXAMPLE.pan) => ({
  Algorithm: 'SHA-256',
  Identifier: M.fromProviderState('${identifier}', EXAMPLE.identifier),
  OrgUnitId: M.fromProviderState('${orgUnitId}', EXAMPLE.orgUnitId),
  Signature: M.fromProviderState('${signature}', example.Signature),
  Timestamp: M.fromProviderState('${timestamp}', EXAMPLE.timestamp),
  TransactionId: PACT_TRANSACTION_ID,
  Payload: {
    AccountNumber: M.fromProviderState('${accountNumber}', pan),
    Email: 'pact@example.test',
    FidoSetupPayload: 'cGFjdC1kZXZpY2U=',
  },
});
const json = { 'content-type': M.regex(/^application\/json(;.*)?$/, 'application/json') };

startsPact(PROVIDER);

test(
  'GetInfo for a FIDO card and a new email: ENROLLMENT',
  req('CDX-RESPONSE', 'CDX-FLOWTYPE', 'CDX-TRANSACTION-ID'),
  async () => {
    await (
      await pact()
    )
      .addInteraction()
      .given(PACT_STATES.fidoCardNewEmail)
      .uponReceiving('a signed GetInfo for a FIDO card and an email never enrolled')
      .withRequest('POST', '/V1/AccountNumber/GetInfo', (b) =>
        b.headers({ 'content-type': 'application/json' }).jsonBody(requestBody()),
      )
      .willRespondWith(200, (b) =>
        b.headers(json).jsonBody({
          ErrorNumber: errorNumberOf(0),
          ErrorDescription: M.string('Success'),
          RequestId: PACT_TRANSACTION_ID,
          Payload: {
            ReferenceId: M.string('12d203e1-9a71-45b8-a3f0-1ee509c42f46'),
            Issuer: {
              SupportedVersions: M.eachLike({
                Version: M.regex(/^\d+\.\d+\.\d+$/, '2.2.0'),
                MethodURLPresent: M.boolean(true),
              }),
            },
            Account: { CardBrand: 'Visa', LastFour: M.regex(/^\d{4}$/, '0002'), Fido: { FlowType: 'ENROLLMENT' } },
          },
        }),
      )
      .executeTest(
        settled(async (server) => {
          const ex = await new CardinalClient({ baseUrl: server.url }).getInfo(example);
          expect(JSON.parse(ex.response.body) as unknown).toMatchSchema('cardinal', 'get-info.response-success');
        }),
      );
  },
);

for (const [state, description, errorNumber, rule] of [
  [PACT_STATES.wrongSignature, 'a GetInfo signed with another API key', 1010, 'CDX-SIGNATURE'],
  [PACT_STATES.luhnInvalid, 'a signed GetInfo with a Luhn-invalid AccountNumber', 2000, 'CDX-ACCOUNT-NUMBER'],
] as const) {
  test(`${description}: ErrorNumber ${errorNumber} in HTTP 200`, req(rule, 'CDX-ERROR-SHAPE'), async () => {
    await (
      await pact()
    )
      .addInteraction()
      .given(state)
      .uponReceiving(description)
      .withRequest('POST', '/V1/AccountNumber/GetInfo', (b) =>
        b
          .headers({ 'content-type': 'application/json' })
          .jsonBody(requestBody(errorNumber === 2000 ? '4000000000000003' : EXAMPLE.pan)),
      )
      .willRespondWith(200, (b) =>
        b.headers(json).jsonBody({
          ErrorNumber: errorNumberOf(errorNumber),
          ErrorDescription: M.string('error'),
          RequestId: PACT_TRANSACTION_ID,
        }),
      )
      .executeTest(
        settled(async (server) => {
          const ex = await new CardinalClient({ baseUrl: server.url }).getInfo(example);
          expect(JSON.parse(ex.response.body) as unknown).toMatchSchema('cardinal', 'get-info.response-error');
        }),
      );
  });
}

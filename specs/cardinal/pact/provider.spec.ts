// Verifies the Cardinal pact against the target: every state signs afresh with the target's key.
import { verifyPact } from '../../fixtures/pact-verify.ts';
import { pactFile } from '../../fixtures/pact.ts';
import { dxSignature } from '../../../src/providers/cardinal/signature.ts';
import { expect, req, test, timestampNow } from '../fixtures.ts';
import { PACT_STATES, PACT_TRANSACTION_ID } from './states.ts';

test('the target honours the interactions of the pact', req('CDX-RESPONSE', 'CDX-SIGNATURE', 'CDX-ACCOUNT-NUMBER', 'CDX-FLOWTYPE', 'CDX-ERROR-SHAPE'), async ({ setup }) => {
  const signedState = (apiKey: string, accountNumber: string) => () => {
    const timestamp = timestampNow(setup.profile, 0, 'iso');
    const signature = dxSignature({ recipe: setup.profile.signatureRecipe, algorithm: 'SHA-256', timestamp, transactionId: PACT_TRANSACTION_ID, apiKey });
    return { timestamp, signature, identifier: setup.credentials.identifier, orgUnitId: setup.credentials.orgUnitId, accountNumber };
  };
  const pan = setup.fidoPan;
  const luhnInvalid = pan.slice(0, -1) + String((Number(pan.at(-1)) + 1) % 10);
  expect(pan, 'a FIDO test card').toBeTruthy();
  await verifyPact({
    provider: 'cardinal',
    pactFile: pactFile('cardinal'),
    baseUrl: setup.target.baseUrl,
    states: {
      [PACT_STATES.fidoCardNewEmail]: signedState(setup.credentials.apiKey, pan),
      [PACT_STATES.wrongSignature]: signedState(`${setup.credentials.apiKey}-not`, pan),
      [PACT_STATES.luhnInvalid]: signedState(setup.credentials.apiKey, luhnInvalid),
    },
  });
});

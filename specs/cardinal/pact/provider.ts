// Verifies the Cardinal pact against the target: every state signs afresh with the target's key.
import { verifyPact } from '../../fixtures/pact-verify.ts';
import { writtenPact } from '../../fixtures/pact.ts';
import { dxSignature } from '../../../src/providers/cardinal/signature.ts';
import { expect, req, test, timestampNow } from '../fixtures.ts';
import { PACT_STATES, PACT_TRANSACTION_ID } from './states.ts';

test(
  'the target honours the interactions of the pact',
  req('CDX-RESPONSE', 'CDX-SIGNATURE', 'CDX-ACCOUNT-NUMBER', 'CDX-FLOWTYPE', 'CDX-ERROR-SHAPE'),
  async ({ setup }) => {
    const signedState = (apiKey: string, accountNumber: string) => () => {
      const timestamp = timestampNow(setup.profile, 0, 'iso');
      const signature = dxSignature({
        recipe: setup.profile.signatureRecipe,
        algorithm: 'SHA-256',
        timestamp,
        transactionId: PACT_TRANSACTION_ID,
        apiKey,
      });
      return {
        timestamp,
        signature,
        identifier: setup.credentials.identifier,
        orgUnitId: setup.credentials.orgUnitId,
        accountNumber,
      };
    };
    const pan = setup.fidoPan;
    const luhnInvalid = pan.slice(0, -1) + String((Number(pan.at(-1)) + 1) % 10);
    expect(pan, 'a FIDO test card').toBeTruthy();
    await verifyPact({
      provider: 'cardinal',
      pactFile: writtenPact('cardinal'),
      baseUrl: setup.target.baseUrl,
      // Which requirement a mismatch breaks: the field's own rule, else the rule the interaction is about.
      rules: (m) => {
        if (m.path === '$.RequestId') return 'CDX-TRANSACTION-ID';
        if (m.path?.startsWith('$.Payload.Issuer')) return 'CDX-ISSUER-VERSIONS';
        if (m.path?.startsWith('$.Payload.Account.LastFour')) return 'CDX-LAST-FOUR';
        if (m.path?.startsWith('$.Payload.Account.CardBrand')) return 'CDX-CARD-BRAND';
        if (m.path?.startsWith('$.Payload.Account.Fido')) return 'CDX-FLOWTYPE';
        if (m.path?.startsWith('$.Payload')) return 'CDX-RESPONSE';
        if (m.type === 'StatusMismatch' || m.path === '$.Payload' || m.path === '$') return 'CDX-ERROR-SHAPE';
        if (m.path === '$.ErrorNumber')
          return m.interaction.includes('another API key')
            ? 'CDX-SIGNATURE'
            : m.interaction.includes('Luhn')
              ? 'CDX-ACCOUNT-NUMBER'
              : 'CDX-RESPONSE';
        return undefined;
      },
      states: {
        [PACT_STATES.fidoCardNewEmail]: signedState(setup.credentials.apiKey, pan),
        [PACT_STATES.wrongSignature]: signedState(`${setup.credentials.apiKey}-not`, pan),
        [PACT_STATES.luhnInvalid]: signedState(setup.credentials.apiKey, luhnInvalid),
      },
    });
  },
);

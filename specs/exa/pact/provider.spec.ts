// Verifies the pact the consumer step wrote against the target (the embedded mock by default).
// States need no control routes: they hand out the target's credentials and a sessionid encrypted
// to its key. A state the target's settings cannot give (no EXA_NO_CARD_TOKEN) is left out, and
// its interactions are reported not applicable.
import { filteredPact } from '../../fixtures/pact.ts';
import { verifyPact, type StateSetup } from '../../fixtures/pact-verify.ts';
import { makeSession } from '../../../src/providers/exa/session.ts';
import { expect, req, test } from '../fixtures.ts';
import { PACT_STATES } from './states.ts';

test('the target honours the GET /card interactions of the pact', req('EXA-PROFILE', 'EXA-FIELDS-AES-128-GCM', 'EXA-SESSIONID-REFUSED', 'EXA-SCOPE-EXCLUSIVE', 'EXA-PROVISIONING-SCOPE'), async ({ setup }) => {
  const states: Record<string, StateSetup> = {
    [PACT_STATES.cardholder]: () => ({ token: setup.token }),
    [PACT_STATES.cardholderWithSession]: () => ({ token: setup.token, sessionid: makeSession(setup.publicKeyPem, { oaepHash: setup.profile.oaepHash }).sessionid }),
    ...(setup.noCardToken ? { [PACT_STATES.noCard]: () => ({ token: setup.noCardToken }) } : {}),
  };
  const { file, count } = filteredPact('exa', (i) => (i.providerStates ?? []).every((s) => s.name in states), 'verifiable');
  expect(count, 'interactions to verify').toBeGreaterThan(0);
  await verifyPact({ provider: 'exa', pactFile: file, baseUrl: setup.target.baseUrl, states });
});

// Verifies the Plumery pact against the target. States hand out the target's card tokens; a state
// the target's settings cannot give is left out and its interactions reported not applicable.
import { filteredPact } from '../../fixtures/pact.ts';
import { verifyPact, type StateSetup } from '../../fixtures/pact-verify.ts';
import { expect, req, test } from '../fixtures.ts';
import { PACT_STATES } from './states.ts';

test('the target honours the interactions of the pact', req('PLM-PIN-200', 'PLM-DETAILS', 'PLM-MISSING-HEADER', 'PLM-INVALID-CLIENT-KEY', 'PLM-CARD-NOT-FOUND', 'PLM-CARD-TERMINATED', 'PLM-ERROR-SHAPE'), async ({ setup }) => {
  const states: Record<string, StateSetup> = {
    [PACT_STATES.activeCard]: () => ({ token: setup.token }),
    [PACT_STATES.noCard]: () => undefined,
    ...(setup.terminatedToken ? { [PACT_STATES.terminatedCard]: () => ({ token: setup.terminatedToken }) } : {}),
  };
  const { file, count } = filteredPact('plumery', (i) => (i.providerStates ?? []).every((s) => s.name in states), 'verifiable');
  expect(count, 'interactions to verify').toBeGreaterThan(0);
  await verifyPact({ provider: 'plumery', pactFile: file, baseUrl: setup.target.baseUrl, states, ...(setup.authorization ? { headers: { authorization: setup.authorization } } : {}) });
});

// Verifies the Plumery pact against the target. States hand out the target's card tokens; a state
// the target's settings cannot give is left out and its interactions reported not applicable.
import { filteredPact } from '../../fixtures/pact.ts';
import { verifyPact, type StateSetup } from '../../fixtures/pact-verify.ts';
import { expect, req, STATUS_OPTION, test } from '../fixtures.ts';
import { PACT_STATES } from './states.ts';
import type { PlumeryRequirementId } from '../../../src/providers/plumery/requirements.ts';

const INTERACTION_RULES: Record<string, PlumeryRequirementId> = {
  'a PIN request with a valid client key': 'PLM-PIN-200',
  'a card-details request with a valid client key': 'PLM-DETAILS',
  'a PIN request without a client key': 'PLM-MISSING-HEADER',
  'a PIN request with an off-curve client key': 'PLM-INVALID-CLIENT-KEY',
  'a PIN request for an unknown card': 'PLM-CARD-NOT-FOUND',
  'a PIN request for a terminated card': 'PLM-CARD-TERMINATED',
};

test(
  'the target honours the interactions of the pact',
  req(
    'PLM-PIN-200',
    'PLM-DETAILS',
    'PLM-MISSING-HEADER',
    'PLM-INVALID-CLIENT-KEY',
    'PLM-CARD-NOT-FOUND',
    'PLM-CARD-TERMINATED',
    'PLM-ERROR-SHAPE',
  ),
  async ({ setup }) => {
    const states: Record<string, StateSetup> = {
      [PACT_STATES.activeCard]: () => ({ token: setup.token }),
      [PACT_STATES.noCard]: () => undefined,
      ...(setup.terminatedToken ? { [PACT_STATES.terminatedCard]: () => ({ token: setup.terminatedToken }) } : {}),
    };
    const { file, count } = filteredPact(
      'plumery',
      (i) => (i.providerStates ?? []).every((s) => s.name in states),
      'verifiable',
    );
    expect(count, 'interactions to verify').toBeGreaterThan(0);
    await verifyPact({
      provider: 'plumery',
      pactFile: file,
      baseUrl: setup.target.baseUrl,
      states,
      ...(setup.authorization ? { headers: { authorization: setup.authorization } } : {}),
      // The rest of an error body is the error shape; the status, the code and a 200 body are the interaction's own rule.
      rules: (m) => {
        const own = INTERACTION_RULES[m.interaction];
        const errorInteraction = own !== 'PLM-PIN-200' && own !== 'PLM-DETAILS';
        // In an error body, anything but the code (a missing requestId, the fieldErrors) is the error shape.
        if (errorInteraction && m.type === 'BodyMismatch' && /^\$\.fieldErrors\[\d+\]\.code$/.test(m.path ?? ''))
          return { rule: 'PLM-ERROR-SHAPE', option: 'fieldErrorCode' };
        if (errorInteraction && m.type === 'BodyMismatch' && m.path !== '$.code') return 'PLM-ERROR-SHAPE';
        const statusOption = own && STATUS_OPTION[own];
        if (m.type === 'StatusMismatch' && own && statusOption) return { rule: own, option: statusOption };
        return own;
      },
    });
  },
);

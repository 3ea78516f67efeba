// Verifies the pact the consumer step wrote against the target (the embedded mock by default).
// States need no control routes: they hand out the target's credentials and a sessionid encrypted
// to its key. A state the target's settings cannot give (no EXA_NO_CARD_TOKEN) is left out, and
// its interactions are reported not applicable.
import { filteredPact } from '../../fixtures/pact.ts';
import { verifyPact, type StateSetup } from '../../fixtures/pact-verify.ts';
import { makeSession } from '../../../src/providers/exa/session.ts';
import { expect, req, test } from '../fixtures.ts';
import { PACT_STATES } from './states.ts';
import type { ExaRequirementId } from '../../../src/providers/exa/requirements.ts';

/** What each interaction is about: its status and error code are that rule's. */
const INTERACTION_RULES: Record<string, ExaRequirementId> = {
  'a card request without a sessionid': 'EXA-PROFILE',
  'a card request with a sessionid': 'EXA-SESSIONID-RSA-OAEP-SHA1',
  'a card request with scope=provisioning': 'EXA-PROVISIONING-SCOPE',
  'a card request with scope=siwe and scope=webauthn': 'EXA-SCOPE-EXCLUSIVE',
  'a card request with a sessionid that does not decrypt': 'EXA-SESSIONID-REFUSED',
  'a card request by a user without a card': 'EXA-ERRORS',
};
const ERROR_INTERACTIONS = new Set([
  'a card request with scope=siwe and scope=webauthn',
  'a card request with a sessionid that does not decrypt',
  'a card request by a user without a card',
]);

test(
  'the target honours the GET /card interactions of the pact',
  req(
    'EXA-PROFILE',
    'EXA-FIELDS-AES-128-GCM',
    'EXA-SESSIONID-REFUSED',
    'EXA-SCOPE-EXCLUSIVE',
    'EXA-PROVISIONING-SCOPE',
  ),
  async ({ setup }) => {
    const states: Record<string, StateSetup> = {
      [PACT_STATES.cardholder]: () => ({ token: setup.token }),
      [PACT_STATES.cardholderWithSession]: () => ({
        token: setup.token,
        sessionid: makeSession(setup.publicKeyPem, { oaepHash: setup.profile.oaepHash }).sessionid,
      }),
      ...(setup.noCardToken ? { [PACT_STATES.noCard]: () => ({ token: setup.noCardToken }) } : {}),
    };
    const { file, count } = filteredPact(
      'exa',
      (i) => (i.providerStates ?? []).every((s) => s.name in states),
      'verifiable',
    );
    expect(count, 'interactions to verify').toBeGreaterThan(0);
    await verifyPact({
      provider: 'exa',
      pactFile: file,
      baseUrl: setup.target.baseUrl,
      states,
      rules: (m) => {
        const own = INTERACTION_RULES[m.interaction];
        if (m.type === 'HeaderMismatch' && /cache-control/i.test(`${m.path ?? ''} ${m.text}`)) return 'EXA-NO-STORE';
        // An error body off its shape is the error shape; its code, the interaction's own rule.
        if (ERROR_INTERACTIONS.has(m.interaction) && m.type.startsWith('Body'))
          return m.path === '$.code' ? own : 'EXA-ERROR-SHAPE';
        if (m.path?.startsWith('$.encrypted')) return 'EXA-FIELDS-AES-128-GCM';
        if (m.path?.startsWith('$.pin')) return 'EXA-PIN-BLOCK';
        if (m.path === '$.limit.frequency') return { rule: 'EXA-PROFILE', option: 'limitFrequencies' };
        if (m.path?.startsWith('$.provisioning')) return 'EXA-PROVISIONING-SCOPE';
        // Any other body mismatch of an answer, the whole body (`$`) included, is the profile's shape.
        if (m.type.startsWith('Body') && m.path !== '$.code') return 'EXA-PROFILE';
        return own;
      },
    });
  },
);

// Verifies the pact the consumer step wrote against the target (the embedded mock by default).
// Provider states are set through the mock's control routes; against a live target, through the
// target's own API where it can make them (a fresh token: issued with the vendor's credentials and
// sent in place of the pact's example), and only the state that needs the server's clock (a token
// issued 31 s ago) is left to a target with control.
import { basicAuth } from '../../../src/core/http.ts';
import { filteredPact } from '../../fixtures/pact.ts';
import { verifyPact } from '../../fixtures/pact-verify.ts';
import type { Forwarder } from '../../fixtures/pact-forwarder.ts';
import { checkedInPart } from '../../fixtures/expect.ts';
import { EnfuceClient } from '../../../src/providers/enfuce/client.ts';
import { apiTest as test, expect, req, type EnfuceSetup } from '../fixtures.ts';
import { PACT_STATES, PACT_TOKENS } from './states.ts';
import type { EnfuceRequirementId } from '../../../src/providers/enfuce/requirements.ts';

/** What each interaction is about: its status (and a 201 body) are that rule's. */
const INTERACTION_RULES: Record<string, EnfuceRequirementId> = {
  'a control token request for a known card': 'ENF-TOKEN-201',
  'a control token request for an unknown card': 'ENF-UNKNOWN-CARD-404',
  'a control token request without auditUser': 'ENF-AUDIT-USER-REQUIRED',
  'a control token request without': 'ENF-AUTH-BASIC',
  'a card-data form POST with a fresh token': 'ENF-MOBILE-FORM-POST',
  'a card-data form POST with a token issued 31 seconds ago': 'ENF-TOKEN-TTL-30S',
};

const NO_CONTROL_NEEDED: string[] = [PACT_STATES.cardExists, PACT_STATES.cardMissing];
/** The states a live target's own API can make. */
const LIVE_STATES: string[] = [...NO_CONTROL_NEEDED, PACT_STATES.freshToken];

function verify(setup: EnfuceSetup, pactFile: string) {
  const control = setup.target.control;
  const seed = (token: string, ageMs: number) =>
    control!.call('POST', 'tokens', { token, cardId: setup.cardId, ageMs }).then(() => undefined);
  /**
   * A token the target issues now, through its API, and the cardDataUrl its answer returns: the
   * only card-data URL there is ("the cardDataUrl" is all the document says of it).
   */
  const issue = async (state: string) => {
    const ex = await new EnfuceClient({ baseUrl: setup.target.baseUrl, ...setup.credentials }).controlToken(
      setup.cardId,
    );
    const body = JSON.parse(ex.response.body) as { token?: unknown; cardDataUrl?: unknown };
    if (ex.response.status !== 201 || typeof body.token !== 'string' || typeof body.cardDataUrl !== 'string')
      throw new Error(
        `provider state "${state}": the target issued no token with a cardDataUrl (HTTP ${ex.response.status})`,
      );
    return { token: body.token, cardDataUrl: body.cardDataUrl };
  };
  /** A card-data state: its token (the pact's, seeded through control, or one the target issued), posted to the target's cardDataUrl. */
  const cardDataState =
    (state: string, token: string, ageMs: number) =>
    async (_params: unknown, forwarder: Pick<Forwarder, 'substitute' | 'via'>) => {
      const issued = await issue(state);
      if (control) await seed(token, ageMs);
      else forwarder.substitute(token, issued.token);
      return { cardDataPath: forwarder.via(issued.cardDataUrl) };
    };
  return verifyPact({
    provider: 'enfuce',
    pactFile,
    baseUrl: setup.target.baseUrl,
    // The pact holds example credentials; the target gets the real ones.
    headers: { authorization: basicAuth(setup.credentials.username, setup.credentials.password) },
    rules: (m) => {
      if (m.type === 'HeaderMismatch' && /cache-control/i.test(`${m.path ?? ''} ${m.text}`)) return 'ENF-NO-STORE';
      const own = Object.entries(INTERACTION_RULES).find(([d]) => m.interaction.startsWith(d))?.[1];
      const isError =
        m.interaction !== 'a control token request for a known card' && !m.interaction.startsWith('a card-data');
      // An error body off the profile's shape (or no body at all) is the error shape's, never the status rule's.
      if (
        isError &&
        (m.type === 'BodyMismatch' || m.type === 'BodyTypeMismatch' || m.path === '$' || m.path?.startsWith('$.'))
      )
        return { rule: 'ENF-ERROR-SHAPE', option: 'errorBody' };
      if (m.type === 'StatusMismatch' && own === 'ENF-UNKNOWN-CARD-404')
        return { rule: own, option: 'unknownCardStatus' };
      return own;
    },
    states: {
      [PACT_STATES.cardExists]: () => ({ cardId: setup.cardId }),
      [PACT_STATES.cardMissing]: () => undefined,
      [PACT_STATES.freshToken]: cardDataState(PACT_STATES.freshToken, PACT_TOKENS.fresh, 0),
      // Only with control (the token's age): live, the interaction is left out.
      [PACT_STATES.expiredToken]: cardDataState(PACT_STATES.expiredToken, PACT_TOKENS.expired, 31_000),
    },
  });
}

test(
  'the target honours the controlToken interactions of the pact',
  req('ENF-TOKEN-201', 'ENF-UNKNOWN-CARD-404', 'ENF-AUDIT-USER-REQUIRED', 'ENF-AUTH-BASIC'),
  async ({ setup }) => {
    const { file, count } = filteredPact(
      'enfuce',
      (i) => (i.providerStates ?? []).every((s) => NO_CONTROL_NEEDED.includes(s.name)),
      'control-token',
    );
    expect(count, 'interactions to verify').toBeGreaterThan(0);
    await verify(setup, file);
  },
);

test(
  'the target honours the card-data interactions of the pact',
  req('ENF-MOBILE-FORM-POST', 'ENF-TOKEN-TTL-30S', 'ENF-NO-STORE'),
  async ({ setup }) => {
    const live = !setup.target.control;
    if (live)
      checkedInPart(
        'ENF-TOKEN-TTL-30S',
        "the pact's token issued 31 s ago (needs /__mock/ control of the token's age)",
      );
    const cardData = (s: { name: string }) => !NO_CONTROL_NEEDED.includes(s.name);
    const { file, count } = filteredPact(
      'enfuce',
      (i) =>
        (i.providerStates ?? []).some(cardData) &&
        (!live || (i.providerStates ?? []).every((s) => LIVE_STATES.includes(s.name))),
      'card-data',
    );
    expect(count, 'interactions to verify').toBeGreaterThan(0);
    await verify(setup, file);
  },
);

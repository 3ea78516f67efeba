// Exa's fixtures: the target (embedded mock or EXA_BASE_URL), the cardholders the checks use, the
// provider's public key, and a client that records masked exchanges.
import { expect } from '../fixtures/base.ts';
import { halted, ruleCheckFor } from '../fixtures/expect.ts';
import { jsonBody, providerTest } from '../fixtures/provider.ts';
import { expectErrorResponse } from '../fixtures/refusal.ts';
import type { HttpExchange } from '../../src/core/http.ts';
import { loadProfile } from '../../src/core/profile.ts';
import type { Target } from '../../src/core/target.ts';
import { pansOf, type KnownCard } from '../../src/core/clear-card-data.ts';
import { requirementTagger } from '../fixtures/requirements.ts';
import { exaCatalogue as exa } from '../../src/providers/exa/catalogue.ts';
import { ExaClient } from '../../src/providers/exa/client.ts';
import type { ExaProfile } from '../../src/providers/exa/profile.ts';
import type { Passkey } from '../../src/providers/exa/binding.ts';
import { exaRequirements, type ExaRequirementId } from '../../src/providers/exa/requirements.ts';
import type { CardResponse } from '../../schemas/exa.ts';
import type { ExaUser } from '../../src/providers/exa/users.ts';
import type { ExaMockState } from '../../mocks/exa/index.ts';

/** Rule checks of exa's own requirements: another provider's id does not type-check. */
export const ruleCheck = ruleCheckFor<ExaRequirementId>();

export { expect };
export const req = requirementTagger<ExaRequirementId>(exa, exaRequirements);

export interface ExpectedExaCard {
  pan: string;
  cvc?: string | undefined;
  /** null: the card has no PIN; undefined: unknown. */
  pin?: string | null | undefined;
}

export interface ExaSetup {
  target: Target;
  profile: ExaProfile;
  publicKeyPem: string;
  /** The cardholder the checks reveal. */
  token: string;
  card: ExpectedExaCard | undefined;
  /** A cardholder whose card has no PIN (mock only). */
  noPin: { token: string; card: ExpectedExaCard } | undefined;
  noCardToken: string | undefined;
  noPandaToken: string | undefined;
  walletPrivateKey: `0x${string}` | undefined;
  passkey: Passkey | undefined;
  /** Every card whose data must never show where it should not. */
  /** Every card whose PAN, CVC and PIN must stand in clear in no answer (EXA-NO-CLEAR-CARD-DATA). */
  knownCards: KnownCard[];
}

const expected = (c: NonNullable<ExaUser['card']>): ExpectedExaCard => ({ pan: c.pan, cvc: c.cvc, pin: c.pin });

async function setupFor(target: Target): Promise<ExaSetup> {
  const profile = loadProfile(exa);
  const e = target.env;
  // The embedded mock loads its signing code (viem, @simplewebauthn) on the first challenge; loaded
  // here, in the worker's setup, that cost never counts against a check's 10-second answer limit.
  if (target.kind === 'embedded-mock') await import('../../mocks/exa/binding.ts');
  if (target.control && !e.EXA_TOKEN) {
    const state = await target.control.state<ExaMockState>();
    const withPin = state.users.find((u) => u.card?.pin)!;
    const noPin = state.users.find((u) => u.card && u.card.pin === null);
    return {
      target,
      profile,
      publicKeyPem: state.publicKeyPem,
      token: withPin.token,
      card: expected(withPin.card!),
      noPin: noPin ? { token: noPin.token, card: expected(noPin.card!) } : undefined,
      noCardToken: state.users.find((u) => u.pandaId && !u.card)?.token,
      noPandaToken: state.users.find((u) => !u.pandaId)?.token,
      walletPrivateKey: state.binding.walletPrivateKey,
      passkey: {
        privateKey: state.binding.passkeyPrivateKey,
        credentialId: state.binding.passkeyCredentialId,
        rpId: state.binding.rpId,
        origin: state.binding.origin,
      },
      knownCards: state.users.flatMap((u) => (u.card ? [{ pan: u.card.pan, cvv: u.card.cvc, pin: u.card.pin }] : [])),
    };
  }
  const card = e.EXA_CARD_PAN ? { pan: e.EXA_CARD_PAN, cvc: e.EXA_CARD_CVC, pin: e.EXA_CARD_PIN } : undefined;
  return {
    target,
    profile,
    publicKeyPem: e.EXA_PUBLIC_KEY ?? '',
    token: e.EXA_TOKEN ?? '',
    card,
    noPin:
      e.EXA_NO_PIN_TOKEN && e.EXA_NO_PIN_CARD_PAN
        ? { token: e.EXA_NO_PIN_TOKEN, card: { pan: e.EXA_NO_PIN_CARD_PAN, pin: null } }
        : undefined,
    noCardToken: e.EXA_NO_CARD_TOKEN,
    noPandaToken: e.EXA_NO_PANDA_TOKEN,
    walletPrivateKey: e.EXA_WALLET_PRIVATE_KEY as `0x${string}` | undefined,
    passkey:
      e.EXA_PASSKEY_PRIVATE_KEY && e.EXA_PASSKEY_CREDENTIAL_ID && e.EXA_PASSKEY_RP_ID && e.EXA_PASSKEY_ORIGIN
        ? {
            privateKey: e.EXA_PASSKEY_PRIVATE_KEY as `0x${string}`,
            credentialId: e.EXA_PASSKEY_CREDENTIAL_ID,
            rpId: e.EXA_PASSKEY_RP_ID,
            origin: e.EXA_PASSKEY_ORIGIN,
          }
        : undefined,
    knownCards: [
      ...(card ? [{ pan: card.pan, cvv: card.cvc, pin: card.pin }] : []),
      ...(e.EXA_NO_PIN_CARD_PAN ? [{ pan: e.EXA_NO_PIN_CARD_PAN }] : []),
    ],
  };
}

/**
 * The body of a 200 answer, valid against the profile schema (EXA-PROFILE). A sessionid made as
 * documented that the target cannot open fails EXA-SESSIONID-RSA-OAEP-SHA1 and ends the test.
 */
export function cardBody(ex: HttpExchange): CardResponse {
  haltIfSessionRefused(ex, 200);
  expect(ex.response.status, 'GET /card status').toBe(200);
  const body = jsonBody(ex);
  ruleCheck('EXA-PROFILE', body, 'the profile').toMatchSchema('exa', 'card.response-200');
  const frequency = (body as { limit?: { frequency?: unknown } } | null)?.limit?.frequency;
  ruleCheck(
    'EXA-PROFILE',
    loadProfile(exa).limitFrequencies,
    'limit.frequency is one the profile lists',
    'limitFrequencies',
  ).toContain(frequency);
  return body as CardResponse;
}

/** The target answered a request that had a sessionid with "bad session id". */
export function sessionRefused(ex: HttpExchange): boolean {
  return (
    ex.response.status === 400 &&
    ex.request.headers?.sessionid !== undefined &&
    ex.response.body.includes('bad session id')
  );
}

/** A sessionid made as documented that the target answers "bad session id": EXA-SESSIONID-RSA-OAEP-SHA1, and nothing further to see. */
function haltIfSessionRefused(ex: HttpExchange, expectedStatus: number) {
  if (expectedStatus !== 400 && sessionRefused(ex)) {
    ruleCheck('EXA-SESSIONID-RSA-OAEP-SHA1', ex.response.status, 'status with a documented sessionid').toBe(
      expectedStatus,
    );
    halted('the target does not open the sessionid');
  }
}

/** What an Exa refusal is: its status (or any 4xx) and its `{code}`, where one is documented. */
export interface ExaRefusal {
  status: number | '4xx';
  code?: string;
}

/**
 * A refusal by `rule`: its status and code (rule checks of that rule); where it is an error at all,
 * JSON `{code}` valid against the schema (EXA-ERROR-SHAPE); never card data.
 */
export function expectRefused(ex: HttpExchange, setup: ExaSetup, rule: ExaRequirementId, expected: ExaRefusal) {
  if (expected.status !== '4xx') haltIfSessionRefused(ex, expected.status);
  const body = expectErrorResponse(ex, {
    rule,
    shape: 'EXA-ERROR-SHAPE',
    status: expected.status,
    schema: { provider: 'exa', name: 'error' },
    cards: pansOf(setup.knownCards),
  });
  if (ex.response.status >= 400 && expected.code !== undefined)
    ruleCheck(rule, (body as { code?: unknown } | undefined)?.code, 'error code').toBe(expected.code);
}

// "Provide sessionid to receive encryptedPan, encryptedCvc, and pin": sealed there, in clear nowhere.
const clearRule = {
  requirement: 'EXA-NO-CLEAR-CARD-DATA' as const,
  cards: (s: ExaSetup) => s.knownCards,
  envelope: () => ({ members: ['encryptedPan', 'encryptedCvc', 'pin'] }),
};

export const test = providerTest(exa, setupFor, clearRule).extend<{ exaClient: ExaClient }>({
  exaClient: async ({ setup, http }, use) =>
    use(new ExaClient({ baseUrl: setup.target.baseUrl, token: setup.token, profile: setup.profile, http })),
});

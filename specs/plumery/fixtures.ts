// Plumery's fixtures: the target (embedded mock or PLUMERY_BASE_URL), the cards the checks use, a
// client recording masked exchanges, and helpers that open the envelope.
import { randomBytes } from 'node:crypto';
import { expect } from '../fixtures/base.ts';
import { jsonBody, providerTest } from '../fixtures/provider.ts';
import type { HttpExchange } from '../../src/core/http.ts';
import { loadProfile } from '../../src/core/profile.ts';
import type { Target } from '../../src/core/target.ts';
import type { ExpectedCard } from '../../src/core/card-text.ts';
import { isCryptoError } from '../../src/crypto/errors.ts';
import { requirementTagger } from '../fixtures/requirements.ts';
import { plumery } from '../../src/providers/plumery/index.ts';
import { PlumeryClient } from '../../src/providers/plumery/client.ts';
import { kdfParams, open } from '../../src/providers/plumery/envelope.ts';
import type { PlumeryProfile } from '../../src/providers/plumery/profile.ts';
import { plumeryRequirements, type PlumeryRequirementId } from '../../src/providers/plumery/requirements.ts';
import { ERROR_PREFIX, type EncryptedPayload, type PlumeryError } from '../../schemas/plumery.ts';
import type { PlumeryCard } from '../../mocks/plumery/cards.ts';

export { expect };
export const req = requirementTagger<PlumeryRequirementId>(plumery.title, plumeryRequirements);

export interface PlumerySetup {
  target: Target;
  profile: PlumeryProfile;
  authorization: string | undefined;
  token: string;
  card: { pin?: string | undefined; pan?: string | undefined; cvv2?: string | undefined; expirationDate?: string | undefined } | undefined;
  terminatedToken: string | undefined;
  inactiveToken: string | undefined;
  unknownToken: string;
  allCards: ExpectedCard[];
}

async function setupFor(target: Target): Promise<PlumerySetup> {
  const profile = loadProfile(plumery) as PlumeryProfile;
  const e = target.env;
  const unknownToken = `no-such-card-${randomBytes(6).toString('hex')}`;
  if (target.control && !e.PLUMERY_CARD_TOKEN) {
    const { cards } = await target.control.state<{ cards: PlumeryCard[] }>();
    const active = cards.find((c) => c.state === 'ACTIVE')!;
    return {
      target,
      profile,
      authorization: e.PLUMERY_AUTHORIZATION,
      token: active.token,
      card: { pin: active.pin, pan: active.pan, cvv2: active.cvv2, expirationDate: active.expirationDate },
      terminatedToken: cards.find((c) => c.state === 'TERMINATED')?.token,
      inactiveToken: cards.find((c) => c.state === 'ORDERED')?.token,
      unknownToken,
      allCards: cards.map((c) => ({ pan: c.pan })),
    };
  }
  const card = { pin: e.PLUMERY_CARD_PIN, pan: e.PLUMERY_CARD_PAN, cvv2: e.PLUMERY_CARD_CVV2, expirationDate: e.PLUMERY_CARD_EXPIRY };
  return {
    target,
    profile,
    authorization: e.PLUMERY_AUTHORIZATION,
    token: e.PLUMERY_CARD_TOKEN ?? '',
    card,
    terminatedToken: e.PLUMERY_TERMINATED_CARD_TOKEN,
    inactiveToken: e.PLUMERY_INACTIVE_CARD_TOKEN,
    unknownToken,
    allCards: card.pan ? [{ pan: card.pan }] : [],
  };
}

export const jsonOf = jsonBody;

/** A 200 answer's encryptedPayload, valid against the emitted schema. */
export function payloadOf(ex: HttpExchange): EncryptedPayload {
  expect(ex.response.status, 'status').toBe(200);
  const body = jsonOf(ex);
  expect(body).toMatchSchema('plumery', 'encrypted.response-200');
  return (body as { encryptedPayload: EncryptedPayload }).encryptedPayload;
}

/** Opens a payload with the client's private key and parses the JSON inside, against a schema. */
export function openJson(privateKey: Uint8Array, payload: EncryptedPayload, setup: PlumerySetup, schema: 'decrypted-card-pin' | 'decrypted-card-details'): Record<string, string> {
  let plain: Buffer;
  try {
    plain = open(privateKey, payload, kdfParams(setup.profile));
  } catch (e) {
    throw new Error(`the payload does not decrypt with the client key: ${isCryptoError(e) ? `${e.code}: ${e.message}` : String(e)}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(plain.toString('utf8'));
  } catch {
    throw new Error(`the decrypted payload is not JSON (${plain.length} bytes)`);
  }
  expect(value).toMatchSchema('plumery', schema);
  return value as Record<string, string>;
}

/** An error: the status, the documented body, the urn code, and no card data. */
export function expectError(ex: HttpExchange, status: number, code: string, setup: PlumerySetup): PlumeryError {
  expect(ex.response.status, 'status').toBe(status);
  const body = jsonOf(ex);
  expect(body).toMatchSchema('plumery', 'error');
  expect((body as PlumeryError).code, 'error code').toBe(`${ERROR_PREFIX}${code}`);
  expect(ex.response.body).toShowNoCardData(setup.allCards);
  return body as PlumeryError;
}

export const test = providerTest(plumery, setupFor).extend<{ plumeryClient: PlumeryClient }>({
  plumeryClient: async ({ setup, http }, use) => use(new PlumeryClient({ baseUrl: setup.target.baseUrl, authorization: setup.authorization, http })),
});

// Plumery's fixtures: the target (embedded mock or PLUMERY_BASE_URL), the cards the checks use, a
// client recording masked exchanges, and helpers that open the envelope.
import { createDecipheriv, randomBytes } from 'node:crypto';
import { expect } from '../fixtures/base.ts';
import { halted, ruleCheck } from '../fixtures/expect.ts';
import { jsonBody, providerTest } from '../fixtures/provider.ts';
import type { HttpExchange } from '../../src/core/http.ts';
import { loadProfile } from '../../src/core/profile.ts';
import { validateAgainst } from '../../src/core/json-schema.ts';
import type { Target } from '../../src/core/target.ts';
import type { ExpectedCard } from '../../src/core/card-text.ts';
import { isCryptoError } from '../../src/crypto/errors.ts';
import { requirementTagger } from '../fixtures/requirements.ts';
import { plumery } from '../../src/providers/plumery/index.ts';
import { PlumeryClient } from '../../src/providers/plumery/client.ts';
import { deriveKey, kdfParams, open } from '../../src/providers/plumery/envelope.ts';
import { decodeP256PublicKey, ecdhSharedX } from '../../src/crypto/ecdh-p256.ts';
import { fromBase64 } from '../../src/crypto/base64.ts';
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

/** A 200 answer's encryptedPayload, valid against the emitted schema (a rule check of `rule`), or undefined. */
export function payloadOf(ex: HttpExchange, rule: PlumeryRequirementId = 'PLM-PIN-200'): EncryptedPayload {
  expect(ex.response.status, 'status').toBe(200);
  const body = jsonOf(ex);
  ruleCheck(rule, body, 'the 200 body').toMatchSchema('plumery', 'encrypted.response-200');
  // A payload off the schema is nothing to open or compare: the check stops at the failed rule.
  if (!validateAgainst('plumery', 'encrypted.response-200', body).ok) halted('the encryptedPayload is not in the documented shape');
  return (body as { encryptedPayload: EncryptedPayload }).encryptedPayload;
}

/**
 * Opens a payload with the client's private key and parses the JSON inside, against a schema.
 * A payload that does not open fails the envelope rule (PLM-ENVELOPE) alone and gives undefined.
 */
export function openJson(privateKey: Uint8Array, payload: EncryptedPayload, setup: PlumerySetup, schema: 'decrypted-card-pin' | 'decrypted-card-details'): Record<string, string> {
  let plain: Buffer;
  try {
    plain = open(privateKey, payload, kdfParams(setup.profile));
  } catch (e) {
    // A payload that opens under a shorter tag has a truncated tag: the tag rule's, not the envelope's.
    const shortTag = isCryptoError(e) && e.code === 'bad-tag' ? shortTagThatOpens(privateKey, payload, setup) : undefined;
    if (shortTag) ruleCheck('PLM-GCM-IV-TAG', `${shortTag}-byte tag`, 'the GCM tag').toBe('16-byte tag');
    else ruleCheck('PLM-ENVELOPE', isCryptoError(e) ? `${e.code}: ${e.message}` : String(e), 'the payload decrypts with the client key').toBe('decrypted');
    halted('the payload does not decrypt');
  }
  let value: unknown;
  try {
    value = JSON.parse(plain.toString('utf8'));
  } catch {
    throw new Error(`the decrypted payload is not JSON (${plain.length} bytes)`);
  }
  ruleCheck(schema === 'decrypted-card-pin' ? 'PLM-PIN-200' : 'PLM-DETAILS', value, 'the decrypted JSON').toMatchSchema('plumery', schema);
  return value as Record<string, string>;
}

/** The length of a shorter GCM tag under which the payload opens (a truncated tag), if any. */
function shortTagThatOpens(privateKey: Uint8Array, payload: EncryptedPayload, setup: PlumerySetup): number | undefined {
  try {
    const data = fromBase64(payload.ciphertext, 'ciphertext');
    const eph = decodeP256PublicKey(fromBase64(payload.ephemeralPublicKey, 'ephemeralPublicKey'), { encodings: ['spki', 'raw'], allowCompressed: false });
    const key = deriveKey(ecdhSharedX(privateKey, eph), fromBase64(payload.salt, 'salt'), kdfParams(setup.profile).info);
    for (const n of [15, 14, 13, 12, 8, 4]) {
      if (data.length < n) continue;
      try {
        const d = createDecipheriv('aes-256-gcm', key, fromBase64(payload.iv, 'iv'), { authTagLength: n });
        d.setAuthTag(data.subarray(data.length - n));
        d.update(data.subarray(0, data.length - n));
        d.final();
        return n;
      } catch {
        // not this length
      }
    }
  } catch {
    // a payload that does not even parse: the envelope's failure stands
  }
  return undefined;
}

/**
 * A refusal by `rule`: its status and urn code (rule checks of that rule); where it is an error at
 * all, the documented body (PLM-ERROR-SHAPE); never card data.
 */
export function expectError(ex: HttpExchange, status: number, code: string, setup: PlumerySetup, rule: PlumeryRequirementId): PlumeryError {
  expect(ex.response.body).toShowNoCardData(setup.allCards);
  ruleCheck(rule, ex.response.status, 'status').toBe(status);
  const body = jsonOf(ex) as PlumeryError;
  ruleCheck(rule, body?.code, 'error code').toBe(`${ERROR_PREFIX}${code}`);
  if (ex.response.status >= 400) ruleCheck('PLM-ERROR-SHAPE', body, 'the error body').toMatchSchema('plumery', 'error');
  return { ...body, fieldErrors: Array.isArray(body?.fieldErrors) ? body.fieldErrors : [] };
}

export const test = providerTest(plumery, setupFor).extend<{ plumeryClient: PlumeryClient }>({
  plumeryClient: async ({ setup, http }, use) => use(new PlumeryClient({ baseUrl: setup.target.baseUrl, authorization: setup.authorization, http })),
});

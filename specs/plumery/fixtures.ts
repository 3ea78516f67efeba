// Plumery's fixtures: the target (embedded mock or PLUMERY_BASE_URL), the cards the checks use, a
// client recording masked exchanges, and helpers that open the envelope.
import { randomBytes } from 'node:crypto';
import { expect } from '../fixtures/base.ts';
import { halted, ruleCheckFor } from '../fixtures/expect.ts';
import { jsonBody, providerTest } from '../fixtures/provider.ts';
import { expectErrorResponse, parseJson } from '../fixtures/refusal.ts';
import type { HttpExchange } from '../../src/core/http.ts';
import { loadProfile } from '../../src/core/profile.ts';
import { validateAgainst } from '../../src/core/json-schema.ts';
import type { Target } from '../../src/core/target.ts';
import { requirementTagger } from '../fixtures/requirements.ts';
import { plumeryCatalogue as plumery } from '../../src/providers/plumery/catalogue.ts';
import { PlumeryClient } from '../../src/providers/plumery/client.ts';
import { kdfParams } from '../../src/providers/plumery/envelope.ts';
import { pansOf, type KnownCard } from '../../src/core/clear-card-data.ts';
import { decodeP256PublicKey } from '../../src/crypto/ecdh-p256.ts';
import { readingFor, type Reading } from './readings.ts';
import { fromBase64 } from '../../src/crypto/base64.ts';
import type { PlumeryProfile } from '../../src/providers/plumery/profile.ts';
import { asDocumented } from '../../src/providers/plumery/payload-fields.ts';
import { plumeryRequirements, type PlumeryRequirementId } from '../../src/providers/plumery/requirements.ts';
import { ERROR_PREFIX, type EncryptedPayload, type PlumeryError } from '../../schemas/plumery.ts';
import type { PlumeryMockState } from '../../mocks/plumery/index.ts';

/** Rule checks of plumery's own requirements: another provider's id does not type-check. */
export const ruleCheck = ruleCheckFor<PlumeryRequirementId>();

export { expect };
export const req = requirementTagger<PlumeryRequirementId>(plumery, plumeryRequirements);

export interface PlumerySetup {
  target: Target;
  profile: PlumeryProfile;
  authorization: string | undefined;
  token: string;
  card:
    | {
        pin?: string | undefined;
        pan?: string | undefined;
        cvv2?: string | undefined;
        expirationDate?: string | undefined;
      }
    | undefined;
  terminatedToken: string | undefined;
  inactiveToken: string | undefined;
  unknownToken: string;
  /** Every card whose data must stand in clear nowhere outside encryptedPayload (PLM-NO-CLEAR-CARD-DATA). */
  knownCards: KnownCard[];
}

async function setupFor(target: Target): Promise<PlumerySetup> {
  const profile = loadProfile(plumery);
  const e = target.env;
  const unknownToken = `no-such-card-${randomBytes(6).toString('hex')}`;
  if (target.control && !e.PLUMERY_CARD_TOKEN) {
    const { cards } = await target.control.state<PlumeryMockState>();
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
      knownCards: cards.map((c) => ({ pan: c.pan, pin: c.pin, cvv: c.cvv2, expiry: c.expirationDate })),
    };
  }
  const card = {
    pin: e.PLUMERY_CARD_PIN,
    pan: e.PLUMERY_CARD_PAN,
    cvv2: e.PLUMERY_CARD_CVV2,
    expirationDate: e.PLUMERY_CARD_EXPIRY,
  };
  return {
    target,
    profile,
    authorization: e.PLUMERY_AUTHORIZATION,
    token: e.PLUMERY_CARD_TOKEN ?? '',
    card,
    terminatedToken: e.PLUMERY_TERMINATED_CARD_TOKEN,
    inactiveToken: e.PLUMERY_INACTIVE_CARD_TOKEN,
    unknownToken,
    knownCards: Object.values(card).some(Boolean)
      ? [{ pan: card.pan, pin: card.pin, cvv: card.cvv2, expiry: card.expirationDate }]
      : [],
  };
}

/**
 * A 200 answer's encryptedPayload, its fields under the names the profile gives (payloadFields),
 * valid against the emitted schema (a rule check of `rule`). The names are a default: a payload
 * valid but for the server key's name warns (the profile can state it) and is opened; any other
 * departure fails, and the check stops.
 */
export function payloadOf(
  ex: HttpExchange,
  setup: Pick<PlumerySetup, 'profile'>,
  rule: PlumeryRequirementId = 'PLM-PIN-200',
): EncryptedPayload {
  expect(ex.response.status, 'status').toBe(200);
  const names = setup.profile.payloadFields;
  const body = asDocumented(jsonBody(ex), names);
  if (validateAgainst('plumery', 'encrypted.response-200', body).ok)
    return (body as { encryptedPayload: EncryptedPayload }).encryptedPayload;
  const renamed = renamedServerKey(body);
  if (renamed) {
    ruleCheck(rule, renamed.field, "the name of the server key's field", 'payloadFields').toBe(
      names.ephemeralPublicKey,
    );
    return renamed.payload;
  }
  ruleCheck(rule, body, 'the 200 body').toMatchSchema('plumery', 'encrypted.response-200');
  return halted('the encryptedPayload is not in the documented shape');
}

/**
 * A body whose encryptedPayload has iv, salt and ciphertext, and the server's key in exactly one
 * other field (the one string there that is a P-256 public key), valid with it under its own name:
 * that field and the payload; or undefined.
 */
function renamedServerKey(body: unknown): { field: string; payload: EncryptedPayload } | undefined {
  const p = (body as { encryptedPayload?: unknown } | null)?.encryptedPayload;
  if (typeof p !== 'object' || p === null) return undefined;
  const { iv, salt, ciphertext, ...rest } = p as Record<string, unknown>;
  if (typeof iv !== 'string' || typeof salt !== 'string' || typeof ciphertext !== 'string') return undefined;
  const keys = Object.entries(rest).filter((e): e is [string, string] => typeof e[1] === 'string' && isP256Key(e[1]));
  if (keys.length !== 1) return undefined;
  const [field, key] = keys[0]!;
  const { [field]: _, ...others } = rest;
  const payload = { ...others, iv, salt, ciphertext, ephemeralPublicKey: key };
  const valid = validateAgainst('plumery', 'encrypted.response-200', {
    ...(body as object),
    encryptedPayload: payload,
  });
  return valid.ok ? { field, payload: { iv, salt, ciphertext, ephemeralPublicKey: key } } : undefined;
}

function isP256Key(b64: string): boolean {
  try {
    decodeP256PublicKey(fromBase64(b64, 'key'), { encodings: ['spki', 'raw'], allowCompressed: false });
    return true;
  } catch {
    return false;
  }
}

/**
 * Opens a payload with the client's private key. A payload that opens only under a known mistake
 * fails that mistake's rule and goes on (see readings.ts); one that does not open at all fails the
 * envelope rule (PLM-ENVELOPE) and the check stops.
 */
export function openPayload(
  privateKey: Uint8Array,
  payload: EncryptedPayload,
  setup: PlumerySetup,
): { plain: Buffer; reading: Reading } {
  const reading = readingFor(privateKey, payload, kdfParams(setup.profile));
  if (!('open' in reading)) {
    ruleCheck('PLM-ENVELOPE', reading.failure, 'the payload decrypts with the client key').toBe('decrypted');
    return halted('the payload does not decrypt');
  }
  if (reading.fault)
    ruleCheck(reading.fault.rule, reading.fault.observed, 'the envelope', reading.fault.option).toBe(
      reading.fault.expected,
    );
  return { plain: reading.open(payload), reading };
}

/** openPayload, then the JSON inside, against a schema. */
export function openJson(
  privateKey: Uint8Array,
  payload: EncryptedPayload,
  setup: PlumerySetup,
  schema: 'decrypted-card-pin' | 'decrypted-card-details',
): Record<string, string> {
  const { plain } = openPayload(privateKey, payload, setup);
  let value: unknown;
  try {
    value = JSON.parse(plain.toString('utf8'));
  } catch {
    throw new Error(`the decrypted payload is not JSON (${plain.length} bytes)`);
  }
  ruleCheck(schema === 'decrypted-card-pin' ? 'PLM-PIN-200' : 'PLM-DETAILS', value, 'the decrypted JSON').toMatchSchema(
    'plumery',
    schema,
  );
  return value as Record<string, string>;
}

/** Statuses the document leaves to the implementation, and the profile option that states each. */
export const STATUS_OPTION: Partial<Record<PlumeryRequirementId, keyof PlumeryProfile>> = {
  'PLM-CARD-NOT-FOUND': 'cardNotFoundStatus',
  'PLM-CARD-TERMINATED': 'cardStateStatus',
  'PLM-CARD-STATE': 'cardStateStatus',
};

/** What a Plumery refusal is: its status (or any 4xx) and its urn code, or one of several (without the prefix; absent, any urn code). */
export interface PlumeryRefusal {
  status: number | '4xx';
  code?: string | readonly string[];
}

/**
 * A refusal by `rule`: its status and urn code (rule checks of that rule); where it is an error at
 * all, the documented body (PLM-ERROR-SHAPE); never card data.
 */
export function expectRefused(
  ex: HttpExchange,
  setup: PlumerySetup,
  rule: PlumeryRequirementId,
  expected: PlumeryRefusal,
): PlumeryError {
  ruleCheck('PLM-ERROR-SHAPE', ex.response.headers['content-type'] ?? '', 'content type').toMatch(/^application\/json/);
  // Documented: the urn code (and, for a card's state, a refusal); the exact status is a profile option.
  const refusal = expectErrorResponse(ex, {
    rule,
    shape: 'PLM-ERROR-SHAPE',
    status: expected.status,
    pinnedBy: STATUS_OPTION[rule],
    schema: { provider: 'plumery', name: 'error' },
    cards: pansOf(setup.knownCards),
  });
  const body = (refusal ?? parseJson(ex.response.body)) as PlumeryError | undefined;
  if (typeof expected.code === 'string')
    ruleCheck(rule, body?.code, 'error code').toBe(`${ERROR_PREFIX}${expected.code}`);
  else if (expected.code)
    ruleCheck(
      rule,
      expected.code.map((c) => `${ERROR_PREFIX}${c}`),
      `error code, one of ${expected.code.join(', ')}`,
    ).toContain(body?.code);
  else ruleCheck(rule, String(body?.code), 'an urn error code').toMatch(new RegExp(`^${ERROR_PREFIX}`));
  if (setup.profile.fieldErrorCode && Array.isArray(body?.fieldErrors)) {
    ruleCheck(
      'PLM-ERROR-SHAPE',
      body.fieldErrors.filter((f) => typeof f?.code !== 'string' || !f.code).length,
      'fieldErrors items without a code',
      'fieldErrorCode',
    ).toBe(0);
  }
  return { ...(body as PlumeryError), fieldErrors: Array.isArray(body?.fieldErrors) ? body.fieldErrors : [] };
}

// "The card PIN is encrypted in the encryptedPayload field": nothing of the card beside it, in any answer.
const clearRule = {
  requirement: 'PLM-NO-CLEAR-CARD-DATA' as const,
  cards: (s: PlumerySetup) => s.knownCards,
  envelope: () => ({ members: ['encryptedPayload'] }),
};

export const test = providerTest(plumery, setupFor, clearRule).extend<{ plumeryClient: PlumeryClient }>({
  plumeryClient: async ({ setup, http }, use) =>
    use(new PlumeryClient({ baseUrl: setup.target.baseUrl, authorization: setup.authorization, http })),
});

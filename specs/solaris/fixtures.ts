// Solaris's fixtures: the target (embedded mock or SOLARIS_BASE_URL), the card, the bound devices,
// one RSA encryption key per worker, and a builder of signed requests.
import { createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { expect } from '../fixtures/base.ts';
import { halted, ruleCheckFor } from '../fixtures/expect.ts';
import { jsonBody, providerTest } from '../fixtures/provider.ts';
import { expectErrorResponse } from '../fixtures/refusal.ts';
import type { HttpExchange } from '../../src/core/http.ts';
import { loadProfile } from '../../src/core/profile.ts';
import type { Target } from '../../src/core/target.ts';
import type { ExpectedCard } from '../../src/core/card-text.ts';
import type { KnownCard } from '../../src/core/clear-card-data.ts';
import { requirementTagger } from '../fixtures/requirements.ts';
import { solarisCatalogue as solaris } from '../../src/providers/solaris/catalogue.ts';
import type { ProfileOption } from '../../src/catalogue.ts';
import { SolarisClient } from '../../src/providers/solaris/client.ts';
import { newEncryptionKey, type EncryptionKey } from '../../src/providers/solaris/card-details.ts';
import { encodeSignature, signJwk } from '../../src/providers/solaris/device.ts';
import type { SolarisProfile } from '../../src/providers/solaris/profile.ts';
import { solarisRequirements, type SolarisRequirementId } from '../../src/providers/solaris/requirements.ts';
import type {
  SolarisErrorEnvelope,
  SolarisJweAlg,
  SolarisJweEnc,
  SolarisJwk,
  VirtualCardRequest,
} from '../../schemas/solaris.ts';
import type { SolarisMockState } from '../../mocks/solaris/index.ts';

/** Rule checks of solaris's own requirements: another provider's id does not type-check. */
export const ruleCheck = ruleCheckFor<SolarisRequirementId>();

export { expect };
export const req = requirementTagger<SolarisRequirementId>(solaris, solarisRequirements);

export interface Device {
  id: string;
  privateKey: KeyObject;
}

export interface SolarisSetup {
  target: Target;
  profile: SolarisProfile;
  accessToken: string | undefined;
  cardId: string;
  card: { pan?: string | undefined; cvc?: string | undefined; expiresAt?: string | undefined } | undefined;
  device: Device;
  /** A device bound to another person (mock, or SOLARIS_OTHER_DEVICE_*). */
  otherDevice: Device | undefined;
  allCards: ExpectedCard[];
  /** Every card whose number, expiry and CVV must stand in clear in no answer (SOL-NO-CLEAR-CARD-DATA). */
  knownCards: KnownCard[];
}

const pkcs8 = (b64: string) => createPrivateKey({ key: Buffer.from(b64, 'base64'), format: 'der', type: 'pkcs8' });

async function setupFor(target: Target): Promise<SolarisSetup> {
  const profile = loadProfile(solaris);
  const e = target.env;
  if (target.control && !e.SOLARIS_CARD_ID) {
    const s = await target.control.state<SolarisMockState>();
    const card = s.cards[0]!;
    const mine = s.devices.find((d) => d.personId === card.personId)!;
    const other = s.devices.find((d) => d.personId !== card.personId);
    return {
      target,
      profile,
      accessToken: e.SOLARIS_ACCESS_TOKEN,
      cardId: card.id,
      card: { pan: card.pan, cvc: card.cvc, expiresAt: card.expiresAt },
      device: { id: mine.id, privateKey: pkcs8(mine.privateKeyPkcs8) },
      otherDevice: other ? { id: other.id, privateKey: pkcs8(other.privateKeyPkcs8) } : undefined,
      allCards: s.cards.map((c) => ({ pan: c.pan })),
      knownCards: s.cards.map((c) => ({ pan: c.pan, cvv: c.cvc, expiry: c.expiresAt })),
    };
  }
  const card = e.SOLARIS_CARD_PAN
    ? { pan: e.SOLARIS_CARD_PAN, cvc: e.SOLARIS_CARD_CVC, expiresAt: e.SOLARIS_CARD_EXPIRES_AT }
    : undefined;
  return {
    target,
    profile,
    accessToken: e.SOLARIS_ACCESS_TOKEN,
    cardId: e.SOLARIS_CARD_ID ?? '',
    card,
    device: { id: e.SOLARIS_DEVICE_ID ?? '', privateKey: createPrivateKey(e.SOLARIS_DEVICE_PRIVATE_KEY ?? '') },
    otherDevice:
      e.SOLARIS_OTHER_DEVICE_ID && e.SOLARIS_OTHER_DEVICE_PRIVATE_KEY
        ? { id: e.SOLARIS_OTHER_DEVICE_ID, privateKey: createPrivateKey(e.SOLARIS_OTHER_DEVICE_PRIVATE_KEY) }
        : undefined,
    allCards: card?.pan ? [{ pan: card.pan }] : [],
    knownCards: card ? [{ pan: card.pan, cvv: card.cvc, expiry: card.expiresAt }] : [],
  };
}

export interface RequestOptions {
  alg?: SolarisJweAlg | string;
  enc?: SolarisJweEnc | string;
  jwk?: Record<string, unknown>;
  /** The device whose key signs (default: the bound device). */
  signer?: Device;
  /** The JWK the signature covers (default: the one sent). */
  signedJwk?: Record<string, unknown>;
  deviceId?: string;
}

/** A request signed by the bound device for the worker's encryption key. */
export function signedRequest(setup: SolarisSetup, key: EncryptionKey, o: RequestOptions = {}): VirtualCardRequest {
  const jwk = (o.jwk ?? key.jwk) as SolarisJwk;
  return {
    device_id: o.deviceId ?? setup.device.id,
    signature: signJwk(
      (o.signer ?? setup.device).privateKey,
      o.signedJwk ?? jwk,
      setup.profile.signatureEncoding,
      setup.profile.jwkStringOrder,
    ),
    jwk,
    jwe: { alg: (o.alg ?? 'RSA_OAEP_256') as SolarisJweAlg, enc: (o.enc ?? 'A256GCM') as SolarisJweEnc },
  };
}

/**
 * Whether a correctly signed request got its 200. Refused as a bad signature is (badSignatureStatus),
 * it fails the signature rule; any other status, `rule`.
 */
export function expectServed(ex: HttpExchange, setup: SolarisSetup, rule: SolarisRequirementId, what: string): boolean {
  const status = ex.response.status;
  ruleCheck(status === setup.profile.badSignatureStatus ? 'SOL-DEVICE-SIGNATURE' : rule, status, what).toBe(200);
  return status === 200;
}

/**
 * The compact JWE of a 200 answer; otherwise the check stops. A correctly signed request refused as
 * a bad signature is (badSignatureStatus, default 403) fails the signature rule; any other non-200,
 * or a body off the schema, the decryption rule.
 */
export function dataOf(ex: HttpExchange, setup: SolarisSetup): string {
  if (!expectServed(ex, setup, 'SOL-JWE-DECRYPTS', 'status of a correctly signed request')) halted('no 200 answer');
  const body = jsonBody(ex);
  ruleCheck('SOL-JWE-DECRYPTS', body, 'the 200 body').toMatchSchema('solaris', 'virtual-card-request.response-200');
  const data = (body as { data?: unknown } | null)?.data;
  return typeof data === 'string' ? data : halted('no JWE in the answer');
}

/**
 * Other readings of the document's signing steps, as signed requests: the copy of step 3 lost its
 * delimiters, so an implementer may sign step 2's JWK JSON instead, or pick the other encoding.
 */
function otherSignatureReadings(
  setup: SolarisSetup,
  key: EncryptionKey,
  o: RequestOptions,
): [string, VirtualCardRequest, ProfileOption?][] {
  const documented = signedRequest(setup, key, o);
  const device = (o.signer ?? setup.device).privateKey;
  const encoding = setup.profile.signatureEncoding;
  const der = (text: string) => sign('sha256', Buffer.from(text, 'utf8'), { key: device, dsaEncoding: 'der' });
  const otherEncoding = encoding === 'hex-der' ? 'hex-base64-der' : 'hex-der';
  return [
    [
      "a signature over the JWK's JSON (step 2), not over the sorted key:value string",
      { ...documented, signature: encodeSignature(der(JSON.stringify(documented.jwk)), encoding) },
    ],
    // The encoding is the harness's default (the document's example reads either way): a warning naming the option.
    [
      `the signature encoded ${otherEncoding}, not ${encoding}`,
      { ...documented, signature: signJwk(device, documented.jwk, otherEncoding, setup.profile.jwkStringOrder) },
      'signatureEncoding',
    ],
  ];
}

/**
 * The compact JWE for a correctly signed request (dataOf). A target that refuses the documented
 * signature as a bad one (badSignatureStatus) fails the signature rule; the JWE checks then go on with the first other
 * reading of the signing steps it accepts, if any, since the JWE is not the signature's rule.
 */
export async function jweFor(
  client: SolarisClient,
  setup: SolarisSetup,
  key: EncryptionKey,
  o: RequestOptions = {},
): Promise<string> {
  const ex = await client.virtualCardRequest(setup.cardId, signedRequest(setup, key, o));
  if (ex.response.status !== setup.profile.badSignatureStatus) return dataOf(ex, setup);
  for (const [reading, body, option] of otherSignatureReadings(setup, key, o)) {
    const other = await client.virtualCardRequest(setup.cardId, body);
    if (other.response.status !== 200) continue;
    ruleCheck('SOL-DEVICE-SIGNATURE', `it accepts ${reading}`, 'the signature the target verifies', option).toBe(
      'the documented signature',
    );
    return dataOf(other, setup);
  }
  return dataOf(ex, setup);
}

/** What a Solaris refusal is: its status, the field its error names, and the profile option that pins both, if any. */
export interface SolarisRefusal {
  status: number;
  field?: string;
  pinnedBy?: ProfileOption;
}

/**
 * A refusal by `rule`: its status (a rule check of that rule); where it is an error at all, the
 * envelope with the status and the field named (SOL-ERROR-ENVELOPE); never card data.
 */
export function expectRefused(
  ex: HttpExchange,
  setup: SolarisSetup,
  rule: SolarisRequirementId,
  { status, field, pinnedBy }: SolarisRefusal,
) {
  // Documented: refused. Where pinnedBy is given, the exact status (and field) are a profile option.
  const body = expectErrorResponse(ex, {
    rule,
    shape: 'SOL-ERROR-ENVELOPE',
    status,
    pinnedBy,
    schema: { provider: 'solaris', name: 'error' },
    cards: setup.allCards,
    leakRule: 'SOL-ERROR-ENVELOPE',
  });
  if (ex.response.status < 400) return;
  ruleCheck('SOL-ERROR-ENVELOPE', ex.response.headers['content-type'] ?? '', 'content type').toMatch(
    /^application\/json/,
  );
  const e = (body as Partial<SolarisErrorEnvelope> | undefined)?.errors?.[0];
  ruleCheck('SOL-ERROR-ENVELOPE', e?.status, 'errors[0].status').toBe(ex.response.status);
  // A missing source.field is the envelope's (its schema, above); which field a pinned refusal names is that rule's default part.
  if (field !== undefined && (!pinnedBy || e?.source?.field !== undefined))
    ruleCheck(pinnedBy ? rule : 'SOL-ERROR-ENVELOPE', e?.source?.field, 'errors[0].source.field', pinnedBy).toBe(field);
}

// "The response data is the JWE-encrypted card details": inside `data`, and nowhere else in clear.
const clearRule = {
  requirement: 'SOL-NO-CLEAR-CARD-DATA' as const,
  cards: (s: SolarisSetup) => s.knownCards,
  envelope: () => ({ members: ['data'] }),
};

export const test = providerTest(solaris, setupFor, clearRule).extend<{
  solarisClient: SolarisClient;
  encryptionKey: EncryptionKey;
}>({
  // RSA-2048 generation costs tens of milliseconds: one key per worker.
  encryptionKey: async ({ perWorker }, use) =>
    use(perWorker.get('solaris:encryption-key', () => newEncryptionKey(2048))),
  solarisClient: async ({ setup, http }, use) =>
    use(new SolarisClient({ baseUrl: setup.target.baseUrl, accessToken: setup.accessToken, http })),
});

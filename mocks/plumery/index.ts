// Reference mock of Plumery's cards connector (test/documents/plumery.txt, with the defaults of its
// profile): the PIN and the card details, each sealed to the client's P-256 key with a fresh
// ephemeral key, salt and IV; the urn:plmr:cards:connector:* errors; two routes over the mock's
// state, each naming the defects it honours (src/providers/plumery/defects.ts).
import { randomBytes, randomUUID } from 'node:crypto';
import { p256 } from '@noble/curves/nist.js';
import { VariantSet } from '../../src/core/variants.ts';
import { plumeryVariants, type PlumeryVariantName } from '../../src/providers/plumery/variants.ts';
import { DefectSet } from '../../src/core/defects.ts';
import { gcmSeal } from '../../src/crypto/aes-gcm.ts';
import { fromBase64, toBase64 } from '../../src/crypto/base64.ts';
import { isCryptoError } from '../../src/crypto/errors.ts';
import {
  decodeP256PublicKey,
  ecdhSharedX,
  encodeP256PublicKey,
  p256KeyPair,
  type PublicKeyEncoding,
} from '../../src/crypto/ecdh-p256.ts';
import { deriveKey, PLUMERY_IV_BYTES, seal } from '../../src/providers/plumery/envelope.ts';
import { PlumeryProfile } from '../../src/providers/plumery/profile.ts';
import { ERROR_PREFIX, type EncryptedPayload, type PlumeryErrorCode } from '../../schemas/plumery.ts';
import type { MockFactoryOptions } from '../core/factory.ts';
import { json, type MockApp, type MockReply, type MockRequest } from '../core/server.ts';
import { refusalOf, routeOf, stateMock, type Flaws } from '../core/route.ts';
import { plumeryCards, type PlumeryCard } from '../../src/providers/plumery/cards.ts';
import { plumeryDefects, type PlumeryDefectName } from '../../src/providers/plumery/defects.ts';

const HEADER = 'X-Client-Public-Key';

/** What GET /__mock/state answers: the seeded cards, the profile the mock follows, answers served. */
export interface PlumeryMockState {
  cards: PlumeryCard[];
  profile: PlumeryProfile;
  served: number;
}

type Flaw = PlumeryDefectName;

/** The mock's state: the cards, the profile it follows, the constants the reuse defects seal with, answers served. */
interface PlumeryState {
  variants: VariantSet<PlumeryVariantName>;
  profile: PlumeryProfile;
  /** The extra-response-fields variant. */
  extra: boolean;
  cards: Map<string, PlumeryCard>;
  fixedEphemeral: ReturnType<typeof p256KeyPair>;
  fixedSalt: Buffer;
  fixedIv: Buffer;
  served: number;
}

const requestId = (request: MockRequest) => {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
};

function error(
  s: PlumeryState,
  request: MockRequest,
  flaw: Flaws<'error-without-request-id'>,
  status: number,
  code: PlumeryErrorCode | 'BAD_REQUEST' | 'NOT_FOUND' | 'INTERNAL_ERROR',
  message: string,
  fieldErrors: { field: string; code: string; message: string }[] = [],
): MockReply {
  const items = s.variants.has('field-errors-without-code')
    ? fieldErrors.map(({ field, message: m }) => ({ field, message: m }))
    : fieldErrors;
  return json(
    status,
    {
      code: `${ERROR_PREFIX}${code}`,
      message,
      ...(flaw['error-without-request-id'] ? {} : { requestId: requestId(request) }),
      fieldErrors: items,
      ...(s.extra ? { timestamp: new Date().toISOString() } : {}),
    },
    { 'cache-control': 'no-store' },
  );
}

/** Every defect of the two sealed answers: the client key, the envelope, the card's state, the errors. */
const SEALED_DEFECTS = [
  'missing-header-500',
  'invalid-key-500',
  'accepts-off-curve-key',
  'accepts-compressed-key',
  'raw-client-key-refused',
  'ephemeral-key-reused',
  'salt-reused',
  'iv-reused',
  'full-shared-point',
  'hkdf-info-nonempty',
  'tag-truncated',
  'unknown-card-wrong-code',
  'terminated-wrong-code',
  'pin-state-not-checked',
  'payload-field-renamed',
  'pin-in-clear',
  'details-expiry-yyyy-mm',
  'error-without-request-id',
] as const satisfies readonly Flaw[];
type SealedFlaws = Flaws<(typeof SEALED_DEFECTS)[number]>;

/** The validated client point, or the error reply. */
function clientPoint(s: PlumeryState, request: MockRequest, flaw: SealedFlaws): Buffer | MockReply {
  const raw = request.headers['x-client-public-key'];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined || value.trim() === '') {
    if (flaw['missing-header-500'])
      return {
        status: 500,
        body: 'java.lang.NullPointerException\n\tat CardPinController.getPin(CardPinController.java:57)',
        headers: { 'content-type': 'text/plain' },
      };
    // The document lists NOT_BLANK and NOT_NULL alike: a variant answers a missing header NOT_NULL.
    const code = value === undefined && s.variants.has('missing-header-not-null') ? 'NOT_NULL' : 'NOT_BLANK';
    const message = code === 'NOT_NULL' ? 'must not be null' : 'must not be blank';
    return error(s, request, flaw, 400, code, message, [{ field: HEADER, code: `${ERROR_PREFIX}${code}`, message }]);
  }
  const invalid = () =>
    error(
      s,
      request,
      flaw,
      flaw['invalid-key-500'] ? 500 : 400,
      'INVALID_CLIENT_PUBLIC_KEY',
      'the client public key is not a valid secp256r1 public key',
      [{ field: HEADER, code: `${ERROR_PREFIX}INVALID_CLIENT_PUBLIC_KEY`, message: 'invalid public key' }],
    );
  try {
    const bytes = fromBase64(value, HEADER);
    if (flaw['accepts-off-curve-key']) {
      const point = bytes.length === 91 ? bytes.subarray(26) : bytes;
      if (point.length === 65 && point[0] === 4) return point; // used without validation
    }
    const encodings: PublicKeyEncoding[] =
      s.profile.acceptsRawClientKey && !flaw['raw-client-key-refused'] ? ['spki', 'raw'] : ['spki'];
    return decodeP256PublicKey(bytes, {
      encodings,
      allowCompressed: s.profile.acceptsCompressedClientKey || flaw['accepts-compressed-key'],
    });
  } catch (e) {
    if (isCryptoError(e)) return invalid();
    throw e;
  }
}

/** ECDH without point validation: what the off-curve defect does (noble multiplies any x, y). */
function unvalidatedSharedX(priv: Uint8Array, point: Buffer): Buffer {
  const P = p256.Point;
  const q = new P(
    BigInt(`0x${point.subarray(1, 33).toString('hex')}`),
    BigInt(`0x${point.subarray(33).toString('hex')}`),
    1n,
  );
  const d = BigInt(`0x${Buffer.from(priv).toString('hex')}`);
  return Buffer.from(q.multiply(d).toAffine().x.toString(16).padStart(64, '0'), 'hex');
}

function encrypt(s: PlumeryState, point: Buffer, plaintext: string, flaw: SealedFlaws): EncryptedPayload {
  s.served++;
  const { profile } = s;
  const eph = flaw['ephemeral-key-reused'] ? s.fixedEphemeral : p256KeyPair();
  const salt = flaw['salt-reused'] ? s.fixedSalt : randomBytes(profile.saltBytes);
  const iv = flaw['iv-reused'] ? s.fixedIv : randomBytes(PLUMERY_IV_BYTES);
  const plain = Buffer.from(plaintext, 'utf8');
  const standard =
    !flaw['full-shared-point'] &&
    !flaw['hkdf-info-nonempty'] &&
    !flaw['tag-truncated'] &&
    !flaw['accepts-off-curve-key'];
  if (standard)
    return seal({
      clientPoint: point,
      plaintext: plain,
      ephemeralPrivateKey: eph.privateKey,
      salt,
      iv,
      kdf: { saltBytes: profile.saltBytes, info: profile.hkdfInfo, ikm: 'x-coordinate' },
    });
  let ikm: Buffer;
  try {
    ikm = ecdhSharedX(eph.privateKey, point);
  } catch {
    ikm = unvalidatedSharedX(eph.privateKey, point);
  }
  if (flaw['full-shared-point']) ikm = Buffer.from(p256.getSharedSecret(eph.privateKey, point, true));
  const key = deriveKey(ikm, salt, flaw['hkdf-info-nonempty'] ? 'plumery-pin' : profile.hkdfInfo);
  let ct = gcmSeal(key, iv, plain);
  if (flaw['tag-truncated']) ct = ct.subarray(0, ct.length - 4);
  return {
    iv: toBase64(iv),
    ciphertext: toBase64(ct),
    ephemeralPublicKey: toBase64(encodeP256PublicKey(eph.publicKey, 'spki')),
    salt: toBase64(salt),
  };
}

function cardFor(s: PlumeryState, request: MockRequest, forPin: boolean, flaw: SealedFlaws): PlumeryCard | MockReply {
  const { profile } = s;
  const card = s.cards.get(request.params.token ?? '');
  const invalidState = () =>
    error(s, request, flaw, profile.cardStateStatus, 'INVALID_CARD_STATE', 'card state does not allow this operation');
  if (!card)
    return flaw['unknown-card-wrong-code']
      ? error(
          s,
          request,
          flaw,
          profile.cardNotFoundStatus,
          'INVALID_CARD_STATE',
          'card state does not allow this operation',
        )
      : error(s, request, flaw, profile.cardNotFoundStatus, 'CARD_NOT_FOUND', 'card not found');
  if (card.state === 'TERMINATED') {
    return flaw['terminated-wrong-code']
      ? invalidState()
      : error(s, request, flaw, profile.cardStateStatus, 'CARD_ALREADY_TERMINATED', 'card is already terminated');
  }
  if (card.state !== 'ACTIVE' && !(forPin && flaw['pin-state-not-checked'])) return invalidState();
  return card;
}

/** A sealed answer: the PIN (forPin) or the card details, to the client's key. */
const sealedRoute = (path: string, forPin: boolean, plaintext: (c: PlumeryCard, flaw: SealedFlaws) => string) =>
  routeOf<PlumeryState, Flaw>()({
    method: 'GET',
    path,
    defects: SEALED_DEFECTS,
    handle(s, request, flaw) {
      const point = clientPoint(s, request, flaw);
      if (!Buffer.isBuffer(point)) return point;
      const card = cardFor(s, request, forPin, flaw);
      if ('status' in card) return card;
      const payload = { ...encrypt(s, point, plaintext(card, flaw), flaw) } as Record<string, string>;
      if (flaw['payload-field-renamed'] || s.variants.has('server-key-named-ephemeralKey')) {
        payload.ephemeralKey = payload.ephemeralPublicKey!;
        delete payload.ephemeralPublicKey;
      }
      return json(
        200,
        {
          encryptedPayload: s.extra ? { ...payload, version: '1' } : payload,
          ...(s.extra ? { requestId: requestId(request) } : {}),
          ...(forPin && flaw['pin-in-clear'] ? { pin: card.pin } : {}),
        },
        { 'cache-control': 'no-store' },
      );
    },
  });

const details = (c: PlumeryCard, flaw: SealedFlaws) => {
  const [mm, yy] = c.expirationDate.split('/');
  return JSON.stringify({
    pan: c.pan,
    cvv2: c.cvv2,
    expirationDate: flaw['details-expiry-yyyy-mm'] ? `20${yy}-${mm}` : c.expirationDate,
  });
};

const refusal = refusalOf<PlumeryState, Flaw>()({
  defects: ['error-without-request-id'],
  handle(s, request, status, reason, flaw) {
    if (reason === 'not-found') return error(s, request, flaw, 404, 'NOT_FOUND', 'no such resource');
    if (reason === 'internal') return error(s, request, flaw, 500, 'INTERNAL_ERROR', 'internal error');
    const message =
      reason === 'method-not-allowed'
        ? 'method not allowed'
        : reason === 'too-large'
          ? 'request too large'
          : 'malformed request';
    return error(s, request, flaw, status, 'BAD_REQUEST', message);
  },
});

export function createPlumeryMock(options: MockFactoryOptions): MockApp<PlumeryMockState> {
  const variants = new VariantSet<PlumeryVariantName>(plumeryVariants, options.variants ?? []);
  // The variants that change a value the profile states: the mock follows its profile.
  const profile = PlumeryProfile.parse({
    ...(variants.has('card-not-found-404') ? { cardNotFoundStatus: 404 } : {}),
    ...(variants.has('card-state-409') ? { cardStateStatus: 409 } : {}),
    ...(variants.has('salt-16-bytes') ? { saltBytes: 16 } : {}),
  });
  return stateMock({
    provider: 'plumery',
    state: {
      variants,
      profile,
      extra: variants.has('extra-response-fields'),
      cards: new Map(plumeryCards.map((c) => [c.token, c])),
      fixedEphemeral: p256KeyPair(),
      fixedSalt: randomBytes(profile.saltBytes),
      fixedIv: randomBytes(PLUMERY_IV_BYTES),
      served: 0,
    },
    defects: new DefectSet<PlumeryDefectName>(plumeryDefects, options.defects ?? []),
    allDefects: plumeryDefects,
    routes: [
      sealedRoute('/internal/v1/cards/:token/pin', true, (c) => JSON.stringify({ pin: c.pin })),
      sealedRoute('/internal/v1/cards/:token', false, details),
    ],
    refusal,
    snapshot: (s) => ({ cards: [...s.cards.values()], profile: s.profile, served: s.served }),
    vendorEnv: plumeryVendorEnv,
    reset(s) {
      s.served = 0;
    },
  });
}

/** The variables a vendor would set for this mock run as a sandbox (`mock --write-env`). */
export function plumeryVendorEnv(s: PlumeryMockState, url: string): Record<string, string> {
  const active = s.cards.find((c) => c.state === 'ACTIVE')!;
  const terminated = s.cards.find((c) => c.state === 'TERMINATED');
  const inactive = s.cards.find((c) => c.state === 'ORDERED');
  return {
    PLUMERY_BASE_URL: url,
    PLUMERY_CARD_TOKEN: active.token,
    PLUMERY_CARD_PIN: active.pin,
    PLUMERY_CARD_PAN: active.pan,
    PLUMERY_CARD_CVV2: active.cvv2,
    PLUMERY_CARD_EXPIRY: active.expirationDate,
    ...(terminated ? { PLUMERY_TERMINATED_CARD_TOKEN: terminated.token } : {}),
    ...(inactive ? { PLUMERY_INACTIVE_CARD_TOKEN: inactive.token } : {}),
  };
}

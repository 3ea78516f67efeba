// Reference mock of Plumery's cards connector (seeds/003, PROVIDERS.md): the PIN and the card
// details, each sealed to the client's P-256 key with a fresh ephemeral key, salt and IV; the
// urn:plmr:cards:connector:* errors; a --defect switch for each rule (./defects.ts).
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
import { json, type MockApp, type MockReply, type MockRequest, type Route } from '../core/server.ts';
import { plumeryCards, type PlumeryCard } from '../../src/providers/plumery/cards.ts';
import { plumeryDefects, type PlumeryDefectName } from '../../src/providers/plumery/defects.ts';

const HEADER = 'X-Client-Public-Key';

/** What GET /__mock/state answers: the seeded cards, the profile the mock follows, answers served. */
export interface PlumeryMockState {
  cards: PlumeryCard[];
  profile: PlumeryProfile;
  served: number;
}

export function createPlumeryMock(options: MockFactoryOptions): MockApp<PlumeryMockState> {
  const defects = new DefectSet<PlumeryDefectName>(plumeryDefects, options.defects ?? []);
  const has = (d: PlumeryDefectName) => defects.has(d);
  const variants = new VariantSet<PlumeryVariantName>(plumeryVariants, options.variants ?? []);
  const profile = PlumeryProfile.parse(variants.has('card-not-found-404') ? { cardNotFoundStatus: 404 } : {});
  const extra = variants.has('extra-response-fields');
  const cards = new Map(plumeryCards.map((c) => [c.token, c]));
  const fixedEphemeral = p256KeyPair();
  const fixedSalt = randomBytes(profile.saltBytes);
  const fixedIv = randomBytes(PLUMERY_IV_BYTES);
  let served = 0;

  const requestId = (req: MockRequest) => {
    const given = req.headers['x-request-id'];
    return typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
  };
  function error(
    req: MockRequest,
    status: number,
    code: PlumeryErrorCode | 'BAD_REQUEST' | 'NOT_FOUND' | 'INTERNAL_ERROR',
    message: string,
    fieldErrors: { field: string; code: string; message: string }[] = [],
  ): MockReply {
    const items = variants.has('field-errors-without-code')
      ? fieldErrors.map(({ field, message: m }) => ({ field, message: m }))
      : fieldErrors;
    return json(
      status,
      {
        code: `${ERROR_PREFIX}${code}`,
        message,
        ...(has('error-without-request-id') ? {} : { requestId: requestId(req) }),
        fieldErrors: items,
        ...(extra ? { timestamp: new Date().toISOString() } : {}),
      },
      { 'cache-control': 'no-store' },
    );
  }

  /** The validated client point, or the error reply. */
  function clientPoint(req: MockRequest): Buffer | MockReply {
    const raw = req.headers['x-client-public-key'];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value.trim() === '') {
      if (has('missing-header-500'))
        return {
          status: 500,
          body: 'java.lang.NullPointerException\n\tat CardPinController.getPin(CardPinController.java:57)',
          headers: { 'content-type': 'text/plain' },
        };
      return error(req, 400, 'NOT_BLANK', 'must not be blank', [
        { field: HEADER, code: `${ERROR_PREFIX}NOT_BLANK`, message: 'must not be blank' },
      ]);
    }
    const invalid = () =>
      error(
        req,
        has('invalid-key-500') ? 500 : 400,
        'INVALID_CLIENT_PUBLIC_KEY',
        'the client public key is not a valid secp256r1 public key',
        [{ field: HEADER, code: `${ERROR_PREFIX}INVALID_CLIENT_PUBLIC_KEY`, message: 'invalid public key' }],
      );
    try {
      const bytes = fromBase64(value, HEADER);
      if (has('accepts-off-curve-key')) {
        const point = bytes.length === 91 ? bytes.subarray(26) : bytes;
        if (point.length === 65 && point[0] === 4) return point; // used without validation
      }
      const encodings: PublicKeyEncoding[] =
        profile.acceptsRawClientKey && !has('raw-client-key-refused') ? ['spki', 'raw'] : ['spki'];
      return decodeP256PublicKey(bytes, {
        encodings,
        allowCompressed: profile.acceptsCompressedClientKey || has('accepts-compressed-key'),
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

  function encrypt(point: Buffer, plaintext: string): EncryptedPayload {
    served++;
    const eph = has('ephemeral-key-reused') ? fixedEphemeral : p256KeyPair();
    const salt = has('salt-reused') ? fixedSalt : randomBytes(profile.saltBytes);
    const iv = has('iv-reused') ? fixedIv : randomBytes(PLUMERY_IV_BYTES);
    const plain = Buffer.from(plaintext, 'utf8');
    const standard =
      !has('full-shared-point') && !has('hkdf-info-nonempty') && !has('tag-truncated') && !has('accepts-off-curve-key');
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
    if (has('full-shared-point')) ikm = Buffer.from(p256.getSharedSecret(eph.privateKey, point, true));
    const key = deriveKey(ikm, salt, has('hkdf-info-nonempty') ? 'plumery-pin' : profile.hkdfInfo);
    let ct = gcmSeal(key, iv, plain);
    if (has('tag-truncated')) ct = ct.subarray(0, ct.length - 4);
    return {
      iv: toBase64(iv),
      ciphertext: toBase64(ct),
      ephemeralPublicKey: toBase64(encodeP256PublicKey(eph.publicKey, 'spki')),
      salt: toBase64(salt),
    };
  }

  function cardFor(req: MockRequest, forPin: boolean): PlumeryCard | MockReply {
    const card = cards.get(req.params.token ?? '');
    if (!card)
      return has('unknown-card-wrong-code')
        ? error(req, profile.cardNotFoundStatus, 'INVALID_CARD_STATE', 'card state does not allow this operation')
        : error(req, profile.cardNotFoundStatus, 'CARD_NOT_FOUND', 'card not found');
    if (card.state === 'TERMINATED') {
      return has('terminated-wrong-code')
        ? error(req, profile.cardStateStatus, 'INVALID_CARD_STATE', 'card state does not allow this operation')
        : error(req, profile.cardStateStatus, 'CARD_ALREADY_TERMINATED', 'card is already terminated');
    }
    if (card.state !== 'ACTIVE' && !(forPin && has('pin-state-not-checked')))
      return error(req, profile.cardStateStatus, 'INVALID_CARD_STATE', 'card state does not allow this operation');
    return card;
  }

  const route = (path: string, forPin: boolean, plaintext: (c: PlumeryCard) => string): Route => ({
    method: 'GET',
    path,
    handle(req) {
      const point = clientPoint(req);
      if (!Buffer.isBuffer(point)) return point;
      const card = cardFor(req, forPin);
      if ('status' in card) return card;
      const payload = { ...encrypt(point, plaintext(card)) } as Record<string, string>;
      if (has('payload-field-renamed')) {
        payload.ephemeralKey = payload.ephemeralPublicKey!;
        delete payload.ephemeralPublicKey;
      }
      return json(
        200,
        {
          encryptedPayload: extra ? { ...payload, version: '1' } : payload,
          ...(extra ? { requestId: requestId(req) } : {}),
          ...(forPin && has('pin-in-clear') ? { pin: card.pin } : {}),
        },
        { 'cache-control': 'no-store' },
      );
    },
  });

  const details = (c: PlumeryCard) => {
    const [mm, yy] = c.expirationDate.split('/');
    return JSON.stringify({
      pan: c.pan,
      cvv2: c.cvv2,
      expirationDate: has('details-expiry-yyyy-mm') ? `20${yy}-${mm}` : c.expirationDate,
    });
  };

  return {
    provider: 'plumery',
    routes: [
      route('/internal/v1/cards/:token/pin', true, (c) => JSON.stringify({ pin: c.pin })),
      route('/internal/v1/cards/:token', false, details),
    ],
    state: () => ({ cards: [...cards.values()], profile, served }),
    vendorEnv(url) {
      return plumeryVendorEnv(this.state(), url);
    },
    reset() {
      served = 0;
    },
    refuse(req, status, reason) {
      if (reason === 'not-found') return error(req, 404, 'NOT_FOUND', 'no such resource');
      if (reason === 'internal') return error(req, 500, 'INTERNAL_ERROR', 'internal error');
      return error(
        req,
        status,
        'BAD_REQUEST',
        reason === 'method-not-allowed'
          ? 'method not allowed'
          : reason === 'too-large'
            ? 'request too large'
            : 'malformed request',
      );
    },
  };
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

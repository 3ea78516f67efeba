// Plumery's envelope (test/documents/plumery.txt): the client sends its P-256 public key; the
// server makes an ephemeral P-256 key and a random salt, derives an AES-256 key with HKDF-SHA256
// from the ECDH shared secret, and returns {iv (12 bytes), ciphertext ‖ 16-byte tag,
// ephemeralPublicKey, salt}, all base64. seal() is the server's side (the reference mock, the
// vector generator); open() the consumer's.
import { randomBytes } from 'node:crypto';
import { gcmOpen, gcmSeal } from '../../crypto/aes-gcm.ts';
import { fromBase64, toBase64 } from '../../crypto/base64.ts';
import {
  decodeP256PublicKey,
  ecdhSharedX,
  encodeP256PublicKey,
  p256KeyPair,
  type PublicKeyEncoding,
} from '../../crypto/ecdh-p256.ts';
import { hkdfSha256 } from '../../crypto/hkdf.ts';
import { p256 } from '@noble/curves/nist.js';
import type { EncryptedPayload } from '../../../schemas/plumery.ts';
import type { PlumeryProfile } from './profile.ts';

export const PLUMERY_IV_BYTES = 12;

/** What HKDF may be given as input keying material: SEC 1's shared secret, or (a known mistake) the shared point whole. */
export const IKMS = ['x-coordinate', 'uncompressed-point', 'compressed-point'] as const;
export type Ikm = (typeof IKMS)[number];

export interface KdfParams {
  saltBytes: number;
  info: string;
  /** What HKDF takes as input keying material: the x-coordinate (SEC 1 ECDH, the default) or the whole shared point. */
  ikm: Ikm;
}

export const kdfParams = (p: PlumeryProfile): KdfParams => ({
  saltBytes: p.saltBytes,
  info: p.hkdfInfo,
  ikm: 'x-coordinate',
});

/** The HKDF input keying material from an ECDH: the 32-byte x-coordinate, or the shared point encoded whole. */
export function sharedSecret(privateKey: Uint8Array, peerPoint: Uint8Array, ikm: Ikm = 'x-coordinate'): Buffer {
  if (ikm === 'x-coordinate') return ecdhSharedX(privateKey, peerPoint);
  return Buffer.from(p256.getSharedSecret(privateKey, peerPoint, ikm === 'compressed-point'));
}

/** The AES-256 key: HKDF-SHA256(IKM = shared x, salt, info), 32 bytes. */
export function deriveKey(sharedX: Uint8Array, salt: Uint8Array, info: string): Buffer {
  return hkdfSha256(sharedX, salt, Buffer.from(info, 'utf8'), 32);
}

export interface SealInputs {
  clientPoint: Uint8Array;
  plaintext: Uint8Array;
  ephemeralPrivateKey?: Uint8Array;
  salt?: Uint8Array;
  iv?: Uint8Array;
  kdf: KdfParams;
  ephemeralEncoding?: PublicKeyEncoding;
}

export function seal(i: SealInputs): EncryptedPayload {
  const eph = p256KeyPair(i.ephemeralPrivateKey);
  const salt = i.salt ?? randomBytes(i.kdf.saltBytes);
  const iv = i.iv ?? randomBytes(PLUMERY_IV_BYTES);
  const key = deriveKey(sharedSecret(eph.privateKey, i.clientPoint, i.kdf.ikm), salt, i.kdf.info);
  return {
    iv: toBase64(iv),
    ciphertext: toBase64(gcmSeal(key, iv, i.plaintext)),
    ephemeralPublicKey: toBase64(encodeP256PublicKey(eph.publicKey, i.ephemeralEncoding ?? 'spki')),
    salt: toBase64(salt),
  };
}

/** The plaintext bytes of a payload, or a CryptoError saying which part is wrong. */
export function open(clientPrivateKey: Uint8Array, payload: EncryptedPayload, kdf: KdfParams): Buffer {
  const iv = fromBase64(payload.iv, 'encryptedPayload.iv');
  const ciphertext = fromBase64(payload.ciphertext, 'encryptedPayload.ciphertext');
  const salt = fromBase64(payload.salt, 'encryptedPayload.salt');
  const eph = decodeP256PublicKey(fromBase64(payload.ephemeralPublicKey, 'encryptedPayload.ephemeralPublicKey'), {
    encodings: ['spki', 'raw'],
    allowCompressed: false,
  });
  const key = deriveKey(sharedSecret(clientPrivateKey, eph, kdf.ikm), salt, kdf.info);
  return gcmOpen(key, iv, ciphertext, { ivLengths: [PLUMERY_IV_BYTES] });
}

/** A client key pair and its X-Client-Public-Key header value. */
export function clientKey(encoding: PublicKeyEncoding, privateKey?: Uint8Array) {
  const pair = p256KeyPair(privateKey);
  return { ...pair, header: toBase64(encodeP256PublicKey(pair.publicKey, encoding)) };
}

// P-256 public keys as they travel in headers (SPKI DER or the raw SEC1 point) and ECDH with them.
// Decoding validates fully before any use: exact SPKI prefix (so a key on P-384 or secp256k1 is
// refused by its OID), uncompressed point unless allowed, coordinates below p, on the curve, not
// the identity (@noble/curves does the point checks). A bad key is CryptoError('bad-point').
import { createECDH } from 'node:crypto';
import { p256 } from '@noble/curves/nist.js';
import { CryptoError } from './errors.ts';

/** SubjectPublicKeyInfo prefix of an uncompressed P-256 key (id-ecPublicKey, prime256v1, BIT STRING of 66). */
export const P256_SPKI_PREFIX = Buffer.from('3059301306072a8648ce3d020106082a8648ce3d030107034200', 'hex');
/** The same for a compressed point (BIT STRING of 34). */
export const P256_SPKI_COMPRESSED_PREFIX = Buffer.from('3039301306072a8648ce3d020106082a8648ce3d030107032200', 'hex');

export type PublicKeyEncoding = 'spki' | 'raw';

export interface DecodeOptions {
  encodings: readonly PublicKeyEncoding[];
  allowCompressed: boolean;
}

const bad = (why: string) => new CryptoError('bad-point', `not a valid P-256 public key: ${why}`);

/** The SEC1 point inside an encoded key, validated; always returned uncompressed (65 bytes). */
export function decodeP256PublicKey(bytes: Uint8Array, o: DecodeOptions): Buffer {
  const b = Buffer.from(bytes);
  let point: Buffer | undefined;
  if (o.encodings.includes('spki')) {
    if (b.length === P256_SPKI_PREFIX.length + 65 && b.subarray(0, P256_SPKI_PREFIX.length).equals(P256_SPKI_PREFIX))
      point = b.subarray(P256_SPKI_PREFIX.length);
    else if (
      b.length === P256_SPKI_COMPRESSED_PREFIX.length + 33 &&
      b.subarray(0, P256_SPKI_COMPRESSED_PREFIX.length).equals(P256_SPKI_COMPRESSED_PREFIX)
    )
      point = b.subarray(P256_SPKI_COMPRESSED_PREFIX.length);
  }
  if (!point && o.encodings.includes('raw') && (b.length === 65 || b.length === 33 || b.length === 1)) point = b;
  if (!point)
    throw bad(
      b.length > 0 && b[0] === 0x30
        ? 'an SPKI that is not P-256, or of the wrong length'
        : `unexpected length ${b.length}`,
    );
  if (point.length === 1 || point[0] === 0x00) throw bad('the point at infinity');
  if (point.length === 33 && !o.allowCompressed) throw bad('a compressed point where uncompressed is required');
  try {
    const p = p256.Point.fromBytes(point);
    p.assertValidity();
    return Buffer.from(p.toBytes(false));
  } catch {
    throw bad('coordinates out of range or not on the curve');
  }
}

export function encodeP256PublicKey(point: Uint8Array, encoding: PublicKeyEncoding): Buffer {
  const p = Buffer.from(p256.Point.fromBytes(point).toBytes(false));
  return encoding === 'spki' ? Buffer.concat([P256_SPKI_PREFIX, p]) : p;
}

export interface P256KeyPair {
  /** 32-byte scalar. Never logged. */
  privateKey: Buffer;
  /** Uncompressed SEC1 point, 65 bytes. */
  publicKey: Buffer;
}

/**
 * A key pair, new or from a given scalar (node:crypto's native ECDH: a mock makes one per request,
 * and a scalar multiplication in JavaScript cost a millisecond of it).
 */
export function p256KeyPair(privateKey?: Uint8Array): P256KeyPair {
  const ecdh = createECDH('prime256v1');
  if (privateKey) ecdh.setPrivateKey(Buffer.from(privateKey));
  else ecdh.generateKeys();
  // getPrivateKey() drops leading zero bytes: the scalar is always 32.
  const d = ecdh.getPrivateKey();
  return { privateKey: Buffer.concat([Buffer.alloc(32 - d.length), d]), publicKey: ecdh.getPublicKey() };
}

/** The ECDH shared secret: the 32-byte x-coordinate of d·Q (node:crypto; the peer point must be validated). */
export function ecdhSharedX(privateKey: Uint8Array, peerPoint: Uint8Array): Buffer {
  try {
    const ecdh = createECDH('prime256v1');
    ecdh.setPrivateKey(Buffer.from(privateKey));
    return ecdh.computeSecret(Buffer.from(peerPoint));
  } catch {
    throw bad('ECDH failed');
  }
}

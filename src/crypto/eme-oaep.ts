// EME-OAEP encoding and decoding (RFC 8017 §7.1) with separate label hash and MGF1 hash, over a raw
// RSA operation. node:crypto can only pick one hash for both (`oaepHash`) and draws the seed itself;
// this small piece exists for what it cannot do: a fixed seed (reproducible known-answer vectors)
// and SHA-256 with MGF1-SHA-1 (Android's flavour, Solaris). Decoding fails the same way for every
// bad input: one error code, one message, no early return on the first bad byte.
import { createHash, publicEncrypt, privateDecrypt, constants, timingSafeEqual, type KeyObject } from 'node:crypto';
import { CryptoError } from './errors.ts';

export type OaepHash = 'sha1' | 'sha256' | 'sha384' | 'sha512';

export interface OaepParams {
  hash: OaepHash;
  mgfHash: OaepHash;
  label?: Uint8Array;
}

const hashLen = (h: OaepHash) => createHash(h).digest().length;

export function mgf1(seed: Uint8Array, length: number, hash: OaepHash): Buffer {
  const out: Buffer[] = [];
  let total = 0;
  for (let counter = 0; total < length; counter++) {
    const c = Buffer.alloc(4);
    c.writeUInt32BE(counter);
    const block = createHash(hash).update(seed).update(c).digest();
    out.push(block);
    total += block.length;
  }
  return Buffer.concat(out).subarray(0, length);
}

function xor(a: Uint8Array, b: Uint8Array): Buffer {
  const out = Buffer.alloc(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! ^ b[i]!;
  return out;
}

/** EM = 0x00 ‖ maskedSeed ‖ maskedDB for a k-byte modulus. */
export function oaepEncode(message: Uint8Array, k: number, p: OaepParams, seed: Uint8Array): Buffer {
  const hLen = hashLen(p.hash);
  if (seed.length !== hLen) throw new CryptoError('bad-length', `the OAEP seed has ${hLen} bytes`);
  if (message.length > k - 2 * hLen - 2)
    throw new CryptoError('bad-length', 'message too long for OAEP under this key');
  const lHash = createHash(p.hash)
    .update(p.label ?? Buffer.alloc(0))
    .digest();
  const ps = Buffer.alloc(k - message.length - 2 * hLen - 2);
  const db = Buffer.concat([lHash, ps, Buffer.from([1]), message]);
  const maskedDb = xor(db, mgf1(seed, k - hLen - 1, p.mgfHash));
  const maskedSeed = xor(seed, mgf1(maskedDb, hLen, p.mgfHash));
  return Buffer.concat([Buffer.from([0]), maskedSeed, maskedDb]);
}

const DECODE_ERROR = () => new CryptoError('decrypt-failed', 'decryption failed');

/** Inverse of oaepEncode; every malformed EM gives the same error, after the same work. */
export function oaepDecode(em: Uint8Array, p: OaepParams): Buffer {
  const k = em.length;
  const hLen = hashLen(p.hash);
  if (k < 2 * hLen + 2) throw DECODE_ERROR();
  const lHash = createHash(p.hash)
    .update(p.label ?? Buffer.alloc(0))
    .digest();
  const maskedSeed = em.subarray(1, 1 + hLen);
  const maskedDb = em.subarray(1 + hLen);
  const seed = xor(maskedSeed, mgf1(maskedDb, hLen, p.mgfHash));
  const db = xor(maskedDb, mgf1(seed, k - hLen - 1, p.mgfHash));
  let bad = em[0]! !== 0 ? 1 : 0;
  bad |= timingSafeEqual(db.subarray(0, hLen), lHash) ? 0 : 1;
  // Find the 0x01 separator without branching on secret bytes.
  let index = 0;
  let looking = 1;
  for (let i = hLen; i < db.length; i++) {
    const isOne = db[i] === 1 ? 1 : 0;
    const isZero = db[i] === 0 ? 1 : 0;
    index = looking & isOne ? i : index;
    bad |= looking & ~isOne & ~isZero & 1;
    looking &= ~isOne & 1;
  }
  bad |= looking;
  if (bad) throw DECODE_ERROR();
  return Buffer.from(db.subarray(index + 1));
}

/** Modulus length in bytes of an RSA key. */
export function modulusBytes(key: KeyObject): number {
  const bits = key.asymmetricKeyDetails?.modulusLength;
  if (key.asymmetricKeyType !== 'rsa' || !bits) throw new CryptoError('bad-key', 'not an RSA key');
  return Math.ceil(bits / 8);
}

/** RSA-OAEP encryption with a caller-chosen seed (for vectors) and independent hashes. */
export function rsaOaepEncryptWithSeed(
  publicKey: KeyObject,
  message: Uint8Array,
  p: OaepParams,
  seed: Uint8Array,
): Buffer {
  const em = oaepEncode(message, modulusBytes(publicKey), p, seed);
  return publicEncrypt({ key: publicKey, padding: constants.RSA_NO_PADDING }, em);
}

/** RSA-OAEP decryption with independent hashes, through the raw RSA operation. */
export function rsaOaepDecryptRaw(privateKey: KeyObject, ciphertext: Uint8Array, p: OaepParams): Buffer {
  const k = modulusBytes(privateKey);
  if (ciphertext.length !== k) throw DECODE_ERROR();
  let em: Buffer;
  try {
    em = privateDecrypt({ key: privateKey, padding: constants.RSA_NO_PADDING }, ciphertext);
  } catch {
    throw DECODE_ERROR(); // c >= n
  }
  return oaepDecode(em, p);
}

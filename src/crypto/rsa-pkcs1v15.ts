// RSAES-PKCS1-v1_5 (RFC 8017 §7.2) over a raw RSA operation. Node 20 refuses PKCS#1 v1.5
// decryption (the Marvin fix) and jose 6 dropped RSA1_5, so this is the smallest piece that can:
// decoding scans every byte and fails with one error for every bad input (no padding oracle in
// types or messages); the JWE layer (jwe.ts) then hides even that, per RFC 7516 §11.5.
import { constants, privateDecrypt, publicEncrypt, randomBytes, type KeyObject } from 'node:crypto';
import { modulusBytes } from './eme-oaep.ts';
import { CryptoError } from './errors.ts';

const FAIL = () => new CryptoError('decrypt-failed', 'decryption failed');

/** EM = 0x00 ‖ 0x02 ‖ PS (non-zero, ≥ 8 bytes) ‖ 0x00 ‖ M; `ps` fixed only for reproducible vectors. */
export function pkcs1v15Encode(message: Uint8Array, k: number, ps?: Uint8Array): Buffer {
  const psLen = k - message.length - 3;
  if (psLen < 8) throw new CryptoError('bad-length', 'message too long for PKCS#1 v1.5 under this key');
  let padding = ps ? Buffer.from(ps) : Buffer.alloc(0);
  if (ps && (ps.length !== psLen || ps.includes(0)))
    throw new CryptoError('bad-length', 'PS must be non-zero bytes of the right length');
  while (padding.length < psLen) padding = Buffer.concat([padding, randomBytes(psLen).filter((b) => b !== 0)]);
  return Buffer.concat([Buffer.from([0, 2]), padding.subarray(0, psLen), Buffer.from([0]), message]);
}

export function pkcs1v15Decode(em: Uint8Array): Buffer {
  let bad = (em[0]! ^ 0x00) | (em[1]! ^ 0x02);
  let index = 0;
  let looking = 1;
  for (let i = 2; i < em.length; i++) {
    const isZero = em[i] === 0 ? 1 : 0;
    index = looking & isZero ? i : index;
    looking &= ~isZero & 1;
  }
  bad |= looking | (index < 10 ? 1 : 0); // no separator, or PS shorter than 8 bytes
  if (bad) throw FAIL();
  return Buffer.from(em.subarray(index + 1));
}

export function rsaPkcs1v15Encrypt(publicKey: KeyObject, message: Uint8Array, ps?: Uint8Array): Buffer {
  return publicEncrypt(
    { key: publicKey, padding: constants.RSA_NO_PADDING },
    pkcs1v15Encode(message, modulusBytes(publicKey), ps),
  );
}

export function rsaPkcs1v15Decrypt(privateKey: KeyObject, ciphertext: Uint8Array): Buffer {
  if (ciphertext.length !== modulusBytes(privateKey)) throw FAIL();
  let em: Buffer;
  try {
    em = privateDecrypt({ key: privateKey, padding: constants.RSA_NO_PADDING }, ciphertext);
  } catch {
    throw FAIL();
  }
  return pkcs1v15Decode(em);
}

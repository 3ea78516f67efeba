// AES-GCM with the 16-byte tag appended to the ciphertext (Exa's fields, Plumery's payload).
// node:crypto does the work; @noble/ciphers checks the same vectors independently (test/vectors).
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { CryptoError } from './errors.ts';

export const GCM_TAG_BYTES = 16;

export interface GcmParams {
  /** IV lengths the envelope allows; anything else is refused before decryption. */
  ivLengths: readonly number[];
  /** The tag's length (16 unless told: only the harness's diagnosis of a truncated tag asks for less). */
  tagBytes?: number;
}

function algorithm(key: Uint8Array): 'aes-128-gcm' | 'aes-192-gcm' | 'aes-256-gcm' {
  if (key.length === 16) return 'aes-128-gcm';
  if (key.length === 24) return 'aes-192-gcm';
  if (key.length === 32) return 'aes-256-gcm';
  throw new CryptoError('bad-key', `an AES key has 16, 24 or 32 bytes, not ${key.length}`);
}

/** ciphertext ‖ tag. */
export function gcmSeal(key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array): Buffer {
  const c = createCipheriv(algorithm(key), key, iv, { authTagLength: GCM_TAG_BYTES });
  return Buffer.concat([c.update(plaintext), c.final(), c.getAuthTag()]);
}

/** Opens ciphertext ‖ tag; a wrong key, IV, tag or ciphertext is a CryptoError, never garbage. */
export function gcmOpen(key: Uint8Array, iv: Uint8Array, data: Uint8Array, params: GcmParams): Buffer {
  const alg = algorithm(key);
  if (!params.ivLengths.includes(iv.length)) {
    throw new CryptoError('bad-iv', `the IV has ${iv.length} bytes; allowed: ${params.ivLengths.join(' or ')}`);
  }
  const tagBytes = params.tagBytes ?? GCM_TAG_BYTES;
  if (data.length < tagBytes)
    throw new CryptoError('bad-tag', `the data has ${data.length} bytes, shorter than the ${tagBytes}-byte tag`);
  const body = data.subarray(0, data.length - tagBytes);
  const tag = data.subarray(data.length - tagBytes);
  const d = createDecipheriv(alg, key, iv, { authTagLength: tagBytes });
  d.setAuthTag(tag);
  try {
    return Buffer.concat([d.update(body), d.final()]);
  } catch {
    throw new CryptoError('bad-tag', 'the GCM tag does not verify (wrong key, IV, tag or ciphertext)');
  }
}

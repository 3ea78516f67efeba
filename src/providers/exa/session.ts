// Exa's session key step (test/documents/exa.txt, Step 1): a fresh 16-byte secret; what is
// RSA-encrypted is the UTF-8 text of base64(secret) (24 ASCII bytes), with RSA-OAEP, SHA-1,
// MGF1-SHA-1 (Node's publicEncrypt default); `sessionid` is base64 of the ciphertext. The server
// side (openSession) is what the reference mock does, and what an implementer checks against the
// vectors.
import {
  constants,
  createPrivateKey,
  createPublicKey,
  privateDecrypt,
  publicEncrypt,
  randomBytes,
  type KeyLike,
  type KeyObject,
} from 'node:crypto';
import { fromBase64, toBase64 } from '../../crypto/base64.ts';
import { CryptoError } from '../../crypto/errors.ts';
import { modulusBytes, type OaepHash } from '../../crypto/eme-oaep.ts';

export const SECRET_BYTES = 16;

export interface ExaSession {
  /** The header value. */
  sessionid: string;
  /** The 16 secret bytes: the AES-128-GCM key of the answer. Never logged. */
  secret: Buffer;
}

/** The plaintext the RSA step encrypts: UTF-8 of base64(secret). */
export function sessionPlaintext(secret: Uint8Array): Buffer {
  if (secret.length !== SECRET_BYTES)
    throw new CryptoError('bad-length', `the session secret has ${SECRET_BYTES} bytes`);
  return Buffer.from(toBase64(secret), 'utf8');
}

/** The inverse: the plaintext must be canonical base64 of exactly 16 bytes. */
export function secretFromPlaintext(plaintext: Uint8Array): Buffer {
  const text = Buffer.from(plaintext).toString('latin1');
  const secret = fromBase64(text, 'the session plaintext');
  if (secret.length !== SECRET_BYTES)
    throw new CryptoError('bad-length', `the session plaintext holds ${secret.length} bytes, not ${SECRET_BYTES}`);
  return secret;
}

export function toPublicKey(key: KeyLike | string): KeyObject {
  try {
    return typeof key === 'object' && 'asymmetricKeyType' in key ? (key as KeyObject) : createPublicKey(key as string);
  } catch {
    throw new CryptoError('bad-key', 'the provider public key is not a PEM or DER RSA public key');
  }
}

/**
 * A new session for the provider's RSA public key. `oaepHash` is SHA-1 in Exa's contract; other
 * values exist to build wrong sessionids on purpose (the specs check they are refused).
 */
export function makeSession(
  publicKey: KeyLike | string,
  opts: { secret?: Uint8Array; oaepHash?: OaepHash; padding?: 'oaep' | 'pkcs1' } = {},
): ExaSession {
  const key = toPublicKey(publicKey);
  modulusBytes(key);
  const secret = Buffer.from(opts.secret ?? randomBytes(SECRET_BYTES));
  const plaintext = sessionPlaintext(secret);
  const ciphertext =
    opts.padding === 'pkcs1'
      ? publicEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, plaintext)
      : publicEncrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: opts.oaepHash ?? 'sha1' }, plaintext);
  return { sessionid: toBase64(ciphertext), secret };
}

/** Server side: the secret inside a sessionid, or a CryptoError (the mock answers "bad session id"). */
export function openSession(privateKey: KeyLike | string, sessionid: string, oaepHash: OaepHash = 'sha1'): Buffer {
  const key = typeof privateKey === 'string' ? createPrivateKey(privateKey) : (privateKey as KeyObject);
  const ciphertext = fromBase64(sessionid, 'sessionid');
  if (ciphertext.length !== modulusBytes(key))
    throw new CryptoError('bad-length', 'the sessionid is not one RSA block of the provider key');
  let plaintext: Buffer;
  try {
    plaintext = privateDecrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash }, ciphertext);
  } catch {
    throw new CryptoError('decrypt-failed', 'the sessionid does not decrypt under the provider key');
  }
  return secretFromPlaintext(plaintext);
}

// Exa's encrypted fields (test/documents/exa.txt, Step 3): `{data, iv}`, AES-128-GCM with the 16
// session-secret bytes as key (the bytes, not the hex text), data = base64(ciphertext ‖ 16-byte
// tag). IVs of 12 and 16 bytes are both in use (Exa's public material). The PIN decrypts to a
// format-2 PIN block.
import { randomBytes } from 'node:crypto';
import { fromBase64, toBase64 } from '../../crypto/base64.ts';
import { gcmOpen, gcmSeal } from '../../crypto/aes-gcm.ts';
import { CryptoError } from '../../crypto/errors.ts';
import { decodePinBlock, encodePinBlock } from '../../crypto/pin-block.ts';
import type { EncryptedField } from '../../../schemas/exa.ts';

export const EXA_IV_LENGTHS = [12, 16] as const;

export function decryptField(field: EncryptedField, secret: Uint8Array, what: string): string {
  const iv = fromBase64(field.iv, `${what}.iv`);
  const data = fromBase64(field.data, `${what}.data`);
  const plain = gcmOpen(secret, iv, data, { ivLengths: EXA_IV_LENGTHS });
  const text = plain.toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(plain)) throw new CryptoError('decrypt-failed', `${what} is not UTF-8 text`);
  return text;
}

export function encryptField(
  plaintext: string,
  secret: Uint8Array,
  ivLength: 12 | 16 = 16,
  iv: Uint8Array = randomBytes(ivLength),
): EncryptedField {
  return { data: toBase64(gcmSeal(secret, iv, Buffer.from(plaintext, 'utf8'))), iv: toBase64(iv) };
}

export interface RevealedCard {
  pan: string;
  cvc: string;
  /** null when the card has no PIN (`pin: null`). */
  pin: string | null;
}

export function decryptCard(
  body: {
    encryptedPan?: EncryptedField | undefined;
    encryptedCvc?: EncryptedField | undefined;
    pin?: EncryptedField | null | undefined;
  },
  secret: Uint8Array,
): RevealedCard {
  if (!body.encryptedPan || !body.encryptedCvc || body.pin === undefined) {
    throw new CryptoError('decrypt-failed', 'the answer lacks encryptedPan, encryptedCvc or pin');
  }
  return {
    pan: decryptField(body.encryptedPan, secret, 'encryptedPan'),
    cvc: decryptField(body.encryptedCvc, secret, 'encryptedCvc'),
    pin: body.pin === null ? null : decodePinBlock(decryptField(body.pin, secret, 'pin')),
  };
}

export { encodePinBlock };

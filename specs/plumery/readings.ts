// How the harness opens a Plumery payload. The documented reading comes first. When it fails, the
// harness tries the readings implementers commonly take by mistake, one fault at a time: a tag
// cut short, or "HKDF-SHA256 from ECDH shared secret" read as the whole shared point instead of
// its x-coordinate (the shared secret SEC 1 and NIST SP 800-56A define). A
// reading that opens is never a pass: it names the rule that fails, and lets the checks of the
// other rules go on with what it opened.
import { GCM_TAG_BYTES, gcmOpen } from '../../src/crypto/aes-gcm.ts';
import { fromBase64 } from '../../src/crypto/base64.ts';
import { CryptoError } from '../../src/crypto/errors.ts';
import { decodeP256PublicKey } from '../../src/crypto/ecdh-p256.ts';
import {
  deriveKey,
  IKMS,
  open,
  PLUMERY_IV_BYTES,
  sharedSecret,
  type Ikm,
  type KdfParams,
} from '../../src/providers/plumery/envelope.ts';
import type { PlumeryRequirementId } from '../../src/providers/plumery/requirements.ts';
import type { ProfileOption } from '../../src/catalogue.ts';
import type { EncryptedPayload } from '../../schemas/plumery.ts';

/** A way of opening payloads made for one client key. */
export interface Reading {
  open(payload: EncryptedPayload): Buffer;
  /** Where the reading departs from the documented one: the rule that breaks, what was seen, what is documented. */
  fault?: { rule: PlumeryRequirementId; option?: ProfileOption; observed: string; expected: string };
}

/** A reading with its own IKM and tag length. */
function variant(privateKey: Uint8Array, kdf: KdfParams, ikm: Ikm, tagBytes: number) {
  return (p: EncryptedPayload): Buffer => {
    const eph = decodeP256PublicKey(fromBase64(p.ephemeralPublicKey, 'ephemeralPublicKey'), {
      encodings: ['spki', 'raw'],
      allowCompressed: false,
    });
    const secret = sharedSecret(privateKey, eph, ikm);
    const key = deriveKey(secret, fromBase64(p.salt, 'salt'), kdf.info);
    return gcmOpen(key, fromBase64(p.iv, 'iv'), fromBase64(p.ciphertext, 'ciphertext'), {
      ivLengths: [PLUMERY_IV_BYTES],
      tagBytes,
    });
  };
}

const opens = (f: (p: EncryptedPayload) => Buffer, p: EncryptedPayload): boolean => {
  try {
    f(p);
    return true;
  } catch {
    return false;
  }
};

/**
 * The reading under which `payload` opens: the documented one, else one known mistake (with its
 * fault), else why the documented one fails. Only a payload refused for its tag is diagnosed.
 */
export function readingFor(
  privateKey: Uint8Array,
  payload: EncryptedPayload,
  kdf: KdfParams,
): Reading | { failure: string } {
  const documented = (p: EncryptedPayload) => open(privateKey, p, kdf);
  let failure: string;
  try {
    documented(payload);
    return { open: documented };
  } catch (e) {
    failure = e instanceof CryptoError ? `${e.code}: ${e.message}` : String(e);
    if (!(e instanceof CryptoError) || e.code !== 'bad-tag') return { failure };
  }
  for (const n of [15, 14, 13, 12, 8, 4]) {
    const f = variant(privateKey, kdf, kdf.ikm, n);
    if (opens(f, payload))
      return {
        open: f,
        fault: { rule: 'PLM-GCM-IV-TAG', observed: `${n}-byte tag`, expected: `${GCM_TAG_BYTES}-byte tag` },
      };
  }
  // Another IKM is no choice: SEC 1 and NIST SP 800-56A define the shared secret as the x-coordinate.
  for (const ikm of IKMS.filter((i) => i !== kdf.ikm)) {
    const f = variant(privateKey, kdf, ikm, GCM_TAG_BYTES);
    if (opens(f, payload)) {
      return {
        open: f,
        fault: { rule: 'PLM-ENVELOPE', observed: `HKDF over the ${ikm}`, expected: `HKDF over the ${kdf.ikm}` },
      };
    }
  }
  return { failure };
}

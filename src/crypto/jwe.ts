// Compact JWE (RFC 7516) with the key management and content encryption Solaris offers:
// RSA1_5, RSA-OAEP-256 (SHA-256, MGF1-SHA-256) and its Android flavour (SHA-256, MGF1-SHA-1),
// × A256GCM and A256CBC-HS512 (RFC 7518 §5.2.5). jose handles the standard pair in the consumer;
// this module does what jose 6 cannot (RSA1_5, the Android OAEP), and builds reproducible JWEs for
// vectors. Every failure is the same CryptoError('decrypt-failed'), and a key-unwrap failure goes
// on with a random CEK (RFC 7516 §11.5), so the failure cannot tell padding from tag.
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  randomBytes,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';
import { fromBase64Url, toBase64Url } from './base64.ts';
import { modulusBytes, rsaOaepDecryptRaw, rsaOaepEncryptWithSeed, type OaepParams } from './eme-oaep.ts';
import { CryptoError } from './errors.ts';
import { rsaPkcs1v15Decrypt, rsaPkcs1v15Encrypt } from './rsa-pkcs1v15.ts';

/** RSA-OAEP (SHA-1, RFC 7518 §4.3) is no Solaris option: the client checks serve it as a downgrade. */
export type KeyWrap = 'RSA1_5' | 'RSA-OAEP' | 'RSA-OAEP-256' | 'RSA-OAEP-256-MGF1-SHA1';
export type ContentEnc = 'A256GCM' | 'A256CBC-HS512';

const OAEP: Record<Exclude<KeyWrap, 'RSA1_5'>, OaepParams> = {
  'RSA-OAEP': { hash: 'sha1', mgfHash: 'sha1' },
  'RSA-OAEP-256': { hash: 'sha256', mgfHash: 'sha256' },
  'RSA-OAEP-256-MGF1-SHA1': { hash: 'sha256', mgfHash: 'sha1' },
};
const CEK_BYTES: Record<ContentEnc, number> = { A256GCM: 32, 'A256CBC-HS512': 64 };
const IV_BYTES: Record<ContentEnc, number> = { A256GCM: 12, 'A256CBC-HS512': 16 };
const FAIL = () => new CryptoError('decrypt-failed', 'decryption failed');

/** The `alg` a protected header names for a key wrap: both OAEP flavours say RSA-OAEP-256 (default). */
export const headerAlg = (w: KeyWrap): string => (w === 'RSA1_5' || w === 'RSA-OAEP' ? w : 'RSA-OAEP-256');

export function wrapKey(w: KeyWrap, publicKey: KeyObject, cek: Uint8Array, fixed?: Uint8Array): Buffer {
  if (w === 'RSA1_5') return rsaPkcs1v15Encrypt(publicKey, cek, fixed);
  return rsaOaepEncryptWithSeed(publicKey, cek, OAEP[w], fixed ?? randomBytes(OAEP[w].hash === 'sha1' ? 20 : 32));
}

export function unwrapKey(w: KeyWrap, privateKey: KeyObject, encryptedKey: Uint8Array): Buffer {
  return w === 'RSA1_5'
    ? rsaPkcs1v15Decrypt(privateKey, encryptedKey)
    : rsaOaepDecryptRaw(privateKey, encryptedKey, OAEP[w]);
}

function cbcHmacTag(macKey: Uint8Array, aad: Buffer, iv: Uint8Array, ct: Uint8Array): Buffer {
  const al = Buffer.alloc(8);
  al.writeBigUInt64BE(BigInt(aad.length) * 8n);
  return createHmac('sha512', macKey).update(aad).update(iv).update(ct).update(al).digest().subarray(0, 32);
}

export function encryptContent(
  enc: ContentEnc,
  cek: Uint8Array,
  iv: Uint8Array,
  aad: Buffer,
  plaintext: Uint8Array,
): { ciphertext: Buffer; tag: Buffer } {
  if (enc === 'A256GCM') {
    const c = createCipheriv('aes-256-gcm', cek, iv).setAAD(aad);
    const ciphertext = Buffer.concat([c.update(plaintext), c.final()]);
    return { ciphertext, tag: c.getAuthTag() };
  }
  const c = createCipheriv('aes-256-cbc', cek.subarray(32), iv);
  const ciphertext = Buffer.concat([c.update(plaintext), c.final()]);
  return { ciphertext, tag: cbcHmacTag(cek.subarray(0, 32), aad, iv, ciphertext) };
}

export function decryptContent(
  enc: ContentEnc,
  cek: Uint8Array,
  iv: Uint8Array,
  aad: Buffer,
  ciphertext: Uint8Array,
  tag: Uint8Array,
): Buffer {
  if (cek.length !== CEK_BYTES[enc] || iv.length !== IV_BYTES[enc]) throw FAIL();
  try {
    if (enc === 'A256GCM') {
      if (tag.length !== 16) throw FAIL();
      const d = createDecipheriv('aes-256-gcm', cek, iv).setAAD(aad);
      d.setAuthTag(tag);
      return Buffer.concat([d.update(ciphertext), d.final()]);
    }
    const expected = cbcHmacTag(cek.subarray(0, 32), aad, iv, ciphertext);
    if (tag.length !== 32 || !timingSafeEqual(expected, tag)) throw FAIL();
    const d = createDecipheriv('aes-256-cbc', cek.subarray(32), iv);
    return Buffer.concat([d.update(ciphertext), d.final()]);
  } catch {
    throw FAIL();
  }
}

export interface JweParts {
  header: Record<string, unknown>;
  protectedB64: string;
  encryptedKey: Buffer;
  iv: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

export function parseCompact(jwe: string): JweParts {
  const parts = typeof jwe === 'string' ? jwe.split('.') : [];
  if (parts.length !== 5) throw FAIL();
  try {
    const [p, k, i, c, t] = parts.map((x, n) => (n === 0 ? x : fromBase64Url(x!, 'JWE part'))) as [
      string,
      Buffer,
      Buffer,
      Buffer,
      Buffer,
    ];
    const header = JSON.parse(fromBase64Url(p, 'JWE header').toString('utf8')) as Record<string, unknown>;
    if (typeof header !== 'object' || header === null) throw FAIL();
    return { header, protectedB64: p, encryptedKey: k, iv: i, ciphertext: c, tag: t };
  } catch {
    throw FAIL();
  }
}

export interface EncryptOptions {
  wrap: KeyWrap;
  enc: ContentEnc;
  kid?: string;
  /** The protected header's alg label, where it is to differ from the wrap's (a mislabelled answer, for a defect). */
  algLabel?: string;
  /** More protected header members (an unknown `crit`, for the client checks). */
  header?: Record<string, unknown>;
  /** Fixed values, for reproducible vectors only. */
  cek?: Uint8Array;
  iv?: Uint8Array;
  wrapRandomness?: Uint8Array;
}

export function encryptCompact(publicKey: KeyObject, plaintext: Uint8Array, o: EncryptOptions): string {
  const header = { alg: o.algLabel ?? headerAlg(o.wrap), enc: o.enc, ...(o.kid ? { kid: o.kid } : {}), ...o.header };
  const protectedB64 = toBase64Url(Buffer.from(JSON.stringify(header), 'utf8'));
  const cek = o.cek ?? randomBytes(CEK_BYTES[o.enc]);
  const iv = o.iv ?? randomBytes(IV_BYTES[o.enc]);
  const { ciphertext, tag } = encryptContent(o.enc, cek, iv, Buffer.from(protectedB64, 'ascii'), plaintext);
  return [
    protectedB64,
    toBase64Url(wrapKey(o.wrap, publicKey, cek, o.wrapRandomness)),
    toBase64Url(iv),
    toBase64Url(ciphertext),
    toBase64Url(tag),
  ].join('.');
}

/**
 * Decrypts a compact JWE whose key wrap the caller knows (it asked for it): the header must name
 * that wrap's `alg` and the expected `enc`.
 */
export function decryptCompact(
  privateKey: KeyObject,
  jwe: string,
  wrap: KeyWrap,
  enc: ContentEnc,
): { plaintext: Buffer; header: Record<string, unknown> } {
  const p = parseCompact(jwe);
  if (p.header.alg !== headerAlg(wrap) || p.header.enc !== enc) throw FAIL();
  modulusBytes(privateKey);
  let cek: Buffer;
  try {
    cek = unwrapKey(wrap, privateKey, p.encryptedKey);
    if (cek.length !== CEK_BYTES[enc]) throw FAIL();
  } catch {
    cek = randomBytes(CEK_BYTES[enc]); // RFC 7516 §11.5: fail later, the same way as a bad tag
  }
  return {
    plaintext: decryptContent(enc, cek, p.iv, Buffer.from(p.protectedB64, 'ascii'), p.ciphertext, p.tag),
    header: p.header,
  };
}

/** The step of opening a compact JWE that failed: what a diagnosis names. */
export type JweStep = 'compact-form' | 'key-unwrap' | 'content-key-length' | 'tag';

export interface JweDiagnosis {
  /** The payload opened under the expected algorithms (whatever its header says). */
  opened?: { plaintext: Buffer; header: Record<string, unknown> };
  failedStep?: JweStep;
  /** The protected header's labels where they differ from the algorithms used: "alg RSA-OAEP (expected RSA-OAEP-256)". */
  labelMismatch?: string;
}

/**
 * Opens a compact JWE step by step, for a consumer that must say what is wrong: the header
 * labels are compared but do not decide the algorithms, so a mislabelled payload still opens and
 * the label is reported apart. (decryptCompact fails one way for every fault, as RFC 7516 §11.5
 * asks of a server; a conformance check needs to know which step broke.)
 */
export function diagnoseCompact(
  privateKey: KeyObject,
  jwe: string,
  wrap: KeyWrap,
  enc: ContentEnc,
  expectedAlgLabel = headerAlg(wrap),
): JweDiagnosis {
  let p: JweParts;
  try {
    p = parseCompact(jwe);
  } catch {
    return { failedStep: 'compact-form' };
  }
  const labels = [
    p.header.alg !== expectedAlgLabel ? `alg ${String(p.header.alg)} (expected ${expectedAlgLabel})` : '',
    p.header.enc !== enc ? `enc ${String(p.header.enc)} (expected ${enc})` : '',
  ].filter(Boolean);
  const labelMismatch = labels.length ? labels.join(', ') : undefined;
  let cek: Buffer;
  try {
    cek = unwrapKey(wrap, privateKey, p.encryptedKey);
    if (cek.length !== CEK_BYTES[enc])
      return { failedStep: 'content-key-length', ...(labelMismatch ? { labelMismatch } : {}) };
  } catch {
    return { failedStep: 'key-unwrap', ...(labelMismatch ? { labelMismatch } : {}) };
  }
  try {
    const plaintext = decryptContent(enc, cek, p.iv, Buffer.from(p.protectedB64, 'ascii'), p.ciphertext, p.tag);
    return { opened: { plaintext, header: p.header }, ...(labelMismatch ? { labelMismatch } : {}) };
  } catch {
    return { failedStep: 'tag', ...(labelMismatch ? { labelMismatch } : {}) };
  }
}

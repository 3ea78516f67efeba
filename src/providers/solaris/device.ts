// Device binding (test/documents/solaris.txt): a bound device holds an ECDSA P-256 key; the
// request's `signature` is that key's signature over one string made from the JWK: members sorted
// by name, each "key:value", joined with "," (values as sent). Encoded as hex of the DER signature
// (default), or hex of its base64 text (the form of the document's example, though its 256 bytes
// are an RSA-2048-sized signature, not ECDSA) — a profile option.
import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import type { SolarisProfile } from './profile.ts';

/** The string the device signs: members sorted by name (the document), or in the order sent (profile jwkStringOrder). */
export function jwkSigningString(
  jwk: Record<string, unknown>,
  order: SolarisProfile['jwkStringOrder'] = 'sorted',
): string {
  const keys = Object.keys(jwk);
  return (order === 'sorted' ? keys.sort() : keys).map((k) => `${k}:${String(jwk[k])}`).join(',');
}

export function encodeSignature(der: Buffer, encoding: SolarisProfile['signatureEncoding']): string {
  return (encoding === 'hex-base64-der' ? Buffer.from(der.toString('base64'), 'utf8') : der)
    .toString('hex')
    .toUpperCase();
}

export function decodeSignature(hex: string, encoding: SolarisProfile['signatureEncoding']): Buffer | undefined {
  if (!/^([0-9a-fA-F]{2})+$/.test(hex)) return undefined;
  const raw = Buffer.from(hex, 'hex');
  return encoding === 'hex-base64-der' ? Buffer.from(raw.toString('utf8'), 'base64') : raw;
}

export function signJwk(
  devicePrivateKey: KeyObject | string,
  jwk: Record<string, unknown>,
  encoding: SolarisProfile['signatureEncoding'],
  order: SolarisProfile['jwkStringOrder'] = 'sorted',
): string {
  const key = typeof devicePrivateKey === 'string' ? createPrivateKey(devicePrivateKey) : devicePrivateKey;
  return encodeSignature(
    sign('sha256', Buffer.from(jwkSigningString(jwk, order), 'utf8'), { key, dsaEncoding: 'der' }),
    encoding,
  );
}

export function verifyJwkSignature(
  devicePublicKey: KeyObject,
  jwk: Record<string, unknown>,
  signature: string,
  encoding: SolarisProfile['signatureEncoding'],
  order: SolarisProfile['jwkStringOrder'] = 'sorted',
): boolean {
  const der = decodeSignature(signature, encoding);
  if (!der) return false;
  try {
    return verify(
      'sha256',
      Buffer.from(jwkSigningString(jwk, order), 'utf8'),
      { key: devicePublicKey, dsaEncoding: 'der' },
      der,
    );
  } catch {
    return false;
  }
}

export const devicePublicKey = (spkiDerBase64: string): KeyObject =>
  createPublicKey({ key: Buffer.from(spkiDerBase64, 'base64'), format: 'der', type: 'spki' });

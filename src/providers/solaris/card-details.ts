// The consumer side of Solaris's answer: an RSA encryption key as a JWK for the request, and the
// compact JWE in `data` decrypted for the jwe.alg × jwe.enc that was asked for. jose does the
// standard RSA-OAEP-256; RSA1_5 and the Android OAEP go through src/crypto/jwe.ts.
import { createPublicKey, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { CryptoError } from '../../crypto/errors.ts';
import { decryptCompact, type ContentEnc, type KeyWrap } from '../../crypto/jwe.ts';
import type { SolarisJweAlg, SolarisJweEnc, SolarisJwk } from '../../../schemas/solaris.ts';

export const KEY_WRAP: Record<SolarisJweAlg, KeyWrap> = {
  RSA1_5: 'RSA1_5',
  RSA_OAEP_256: 'RSA-OAEP-256',
  RSA_OAEP_256_ANDROID: 'RSA-OAEP-256-MGF1-SHA1',
};
export const CONTENT_ENC: Record<SolarisJweEnc, ContentEnc> = { A256GCM: 'A256GCM', A256CBC_HS512: 'A256CBC-HS512' };

export interface EncryptionKey {
  privateKey: KeyObject;
  jwk: SolarisJwk;
}

export function jwkOf(publicKey: KeyObject, kid: string | undefined = randomUUID()): SolarisJwk {
  const { n, e } = publicKey.export({ format: 'jwk' }) as { n: string; e: string };
  return { kty: 'RSA', use: 'enc', alg: 'RS256', ...(kid ? { kid } : {}), n, e };
}

export function newEncryptionKey(bits = 2048): EncryptionKey {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  return { privateKey, jwk: jwkOf(publicKey) };
}

/** The request's JWK as a public key (standard base64 allowed, as in the document's example). */
export function publicKeyOfJwk(jwk: { n: string; e: string }): KeyObject {
  const url = (s: string) => s.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return createPublicKey({ key: { kty: 'RSA', n: url(jwk.n), e: url(jwk.e) }, format: 'jwk' });
}

export async function decryptCardDetails(
  privateKey: KeyObject,
  data: string,
  alg: SolarisJweAlg,
  enc: SolarisJweEnc,
): Promise<{ plaintext: Buffer; header: Record<string, unknown> }> {
  if (alg === 'RSA_OAEP_256') {
    // jose loaded here: a process that only lists the checks needs none of it.
    const { compactDecrypt } = await import('jose');
    try {
      const r = await compactDecrypt(data, privateKey, {
        keyManagementAlgorithms: ['RSA-OAEP-256'],
        contentEncryptionAlgorithms: [CONTENT_ENC[enc]],
      });
      return { plaintext: Buffer.from(r.plaintext), header: r.protectedHeader as Record<string, unknown> };
    } catch {
      throw new CryptoError('decrypt-failed', 'decryption failed');
    }
  }
  return decryptCompact(privateKey, data, KEY_WRAP[alg], CONTENT_ENC[enc]);
}

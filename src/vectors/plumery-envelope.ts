// Checks vectors/plumery-envelope.json: ECDH P-256 (with invalid public keys), HKDF-SHA256 (with the
// RFC 5869 cases), AES-256-GCM, and the whole envelope. One implementation is node:crypto (OpenSSL),
// the other @noble/curves + @noble/hashes + @noble/ciphers; they share nothing but strict base64.
import {
  createCipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  hkdfSync,
  type KeyObject,
} from 'node:crypto';
import { p256 } from '@noble/curves/nist.js';
import { gcm } from '@noble/ciphers/aes.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { gcmOpen } from '../crypto/aes-gcm.ts';
import { fromBase64 } from '../crypto/base64.ts';
import { P256_SPKI_PREFIX } from '../crypto/ecdh-p256.ts';
import type { VectorFile, VectorTest } from '../core/vectors.ts';
import { checkByGroupType, hex, type GroupChecker, type Implementation } from './run.ts';

export interface EcdhTest extends VectorTest {
  privateKey: string;
  publicKey: string;
  shared: string;
}
export interface HkdfTest extends VectorTest {
  ikm: string;
  salt: string;
  info: string;
  size: number;
  okm: string;
}
export interface AeadTest extends VectorTest {
  key: string;
  iv: string;
  msg: string;
  ct: string;
}
export interface EnvelopeTest extends VectorTest {
  clientPrivateKey: string;
  /** Valid tests: the server's ephemeral key, so the payload can be reproduced exactly. */
  ephemeralPrivateKey?: string;
  info: string;
  payload: { iv: string; ciphertext: string; ephemeralPublicKey: string; salt: string };
  msg: string;
}

// --- node:crypto ---
function nodePublicKey(header: string): KeyObject {
  const b = fromBase64(header, 'public key');
  if (b.length === 91) {
    const k = createPublicKey({ key: b, format: 'der', type: 'spki' });
    if (k.asymmetricKeyDetails?.namedCurve !== 'prime256v1') throw new Error('not P-256');
    if (b[26] !== 0x04) throw new Error('not uncompressed');
    return k;
  }
  if (b.length === 65 && b[0] === 0x04) {
    return createPublicKey({
      key: {
        kty: 'EC',
        crv: 'P-256',
        x: b.subarray(1, 33).toString('base64url'),
        y: b.subarray(33).toString('base64url'),
      },
      format: 'jwk',
    });
  }
  throw new Error('unsupported encoding');
}
function nodePrivateKey(d: Buffer): KeyObject {
  // PKCS#8 wrapping of a bare P-256 scalar (RFC 5915 ECPrivateKey without the optional public key).
  const der = Buffer.concat([
    Buffer.from('3041020100301306072a8648ce3d020106082a8648ce3d030107042730250201010420', 'hex'),
    d,
  ]);
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
}
const nodeEcdh = (d: string, header: string) =>
  diffieHellman({ privateKey: nodePrivateKey(hex(d)), publicKey: nodePublicKey(header) });

// --- @noble ---
function noblePoint(header: string): Uint8Array {
  const b = fromBase64(header, 'public key');
  let point: Buffer;
  if (b.length === 91 && b.subarray(0, 26).equals(P256_SPKI_PREFIX)) point = b.subarray(26);
  else if (b.length === 65) point = b;
  else throw new Error('unsupported encoding');
  if (point[0] !== 0x04) throw new Error('not uncompressed');
  return p256.Point.fromBytes(point).toBytes(false);
}
const nobleEcdh = (d: string, header: string) =>
  Buffer.from(p256.getSharedSecret(hex(d), noblePoint(header), true).subarray(1));

/** The client's public point, as a header would carry it (raw), from its private key. */
const clientHeader = (d: string) => Buffer.from(p256.getPublicKey(hex(d), false)).toString('base64');
/** For a reproducible test: the ephemeral key must be the payload's, and sealing must give its ciphertext. */
function expectReproduced(t: EnvelopeTest, ephemeralPoint: Uint8Array, ciphertext: Uint8Array) {
  if (!Buffer.from(ephemeralPoint).equals(Buffer.from(noblePoint(t.payload.ephemeralPublicKey))))
    throw new Error('ephemeral key differs');
  if (!Buffer.from(ciphertext).equals(fromBase64(t.payload.ciphertext, 'ct')))
    throw new Error('payload not reproduced');
}

const envelope = {
  node(t: EnvelopeTest) {
    const shared = nodeEcdh(t.clientPrivateKey, t.payload.ephemeralPublicKey);
    const salt = fromBase64(t.payload.salt, 'salt');
    const iv = fromBase64(t.payload.iv, 'iv');
    const key = Buffer.from(hkdfSync('sha256', shared, salt, Buffer.from(t.info, 'utf8'), 32));
    const plain = gcmOpen(key, iv, fromBase64(t.payload.ciphertext, 'ct'), { ivLengths: [12] });
    if (t.ephemeralPrivateKey) {
      const again = Buffer.from(
        hkdfSync(
          'sha256',
          nodeEcdh(t.ephemeralPrivateKey, clientHeader(t.clientPrivateKey)),
          salt,
          Buffer.from(t.info, 'utf8'),
          32,
        ),
      );
      const c = createCipheriv('aes-256-gcm', again, iv);
      const ephPoint = createPublicKey(nodePrivateKey(hex(t.ephemeralPrivateKey))).export({ format: 'jwk' }) as {
        x: string;
        y: string;
      };
      expectReproduced(
        t,
        Buffer.concat([Buffer.from([4]), Buffer.from(ephPoint.x, 'base64url'), Buffer.from(ephPoint.y, 'base64url')]),
        Buffer.concat([c.update(plain), c.final(), c.getAuthTag()]),
      );
    }
    return plain.toString('hex');
  },
  noble(t: EnvelopeTest) {
    const shared = nobleEcdh(t.clientPrivateKey, t.payload.ephemeralPublicKey);
    const salt = fromBase64(t.payload.salt, 'salt');
    const key = hkdf(sha256, shared, salt, Buffer.from(t.info, 'utf8'), 32);
    const iv = fromBase64(t.payload.iv, 'iv');
    if (iv.length !== 12) throw new Error('IV length');
    const plain = gcm(key, iv).decrypt(fromBase64(t.payload.ciphertext, 'ct'));
    if (t.ephemeralPrivateKey) {
      const again = hkdf(
        sha256,
        nobleEcdh(t.ephemeralPrivateKey, clientHeader(t.clientPrivateKey)),
        salt,
        Buffer.from(t.info, 'utf8'),
        32,
      );
      expectReproduced(t, p256.getPublicKey(hex(t.ephemeralPrivateKey), false), gcm(again, iv).encrypt(plain));
    }
    return Buffer.from(plain).toString('hex');
  },
};

type Any = VectorTest & Record<string, unknown>;
const impl = (name: string, run: (t: Any) => string): Implementation<{ type: string }, Any> => ({
  name,
  run: (_g, t) => run(t),
});
const byType: Record<string, GroupChecker<Any>> = {
  EcdhTest: {
    impls: [
      impl('node:crypto diffieHellman', (t) => nodeEcdh(t.privateKey as string, t.publicKey as string).toString('hex')),
      impl('@noble/curves p256', (t) => nobleEcdh(t.privateKey as string, t.publicKey as string).toString('hex')),
    ],
    expected: (t) => t.shared as string,
  },
  HkdfTest: {
    impls: [
      impl('node:crypto hkdfSync', (t) =>
        Buffer.from(
          hkdfSync('sha256', hex(t.ikm as string), hex(t.salt as string), hex(t.info as string), t.size as number),
        ).toString('hex'),
      ),
      impl('@noble/hashes hkdf', (t) =>
        Buffer.from(
          hkdf(sha256, hex(t.ikm as string), hex(t.salt as string), hex(t.info as string), t.size as number),
        ).toString('hex'),
      ),
    ],
    expected: (t) => t.okm as string,
  },
  AeadTest: {
    impls: [
      impl('node:crypto aes-256-gcm', (t) =>
        gcmOpen(hex(t.key as string), hex(t.iv as string), hex(t.ct as string), { ivLengths: [12] }).toString('hex'),
      ),
      impl('@noble/ciphers gcm', (t) => {
        if ((t.iv as string).length !== 24) throw new Error('IV length');
        return Buffer.from(gcm(hex(t.key as string), hex(t.iv as string)).decrypt(hex(t.ct as string))).toString('hex');
      }),
    ],
    expected: (t) => t.msg as string,
  },
  EnvelopeTest: {
    impls: [
      impl('node:crypto (ECDH, hkdfSync, aes-256-gcm)', (t) => envelope.node(t as EnvelopeTest)),
      impl('@noble (p256, hkdf, gcm)', (t) => envelope.noble(t as EnvelopeTest)),
    ],
    expected: (t) => t.msg as string,
  },
};

export const checkPlumeryVectors = (file: VectorFile) => checkByGroupType(file, byType);

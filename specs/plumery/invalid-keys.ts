// Client keys the connector must refuse, each named after the attack or mistake it stands for.
import { generateKeyPairSync } from 'node:crypto';
import { p256 } from '@noble/curves/nist.js';
import { P256_SPKI_COMPRESSED_PREFIX, P256_SPKI_PREFIX, p256KeyPair } from '../../src/crypto/ecdh-p256.ts';
import type { PlumeryProfile } from '../../src/providers/plumery/profile.ts';

const P = p256.Point.CURVE().p;
const hex32 = (n: bigint) => Buffer.from(n.toString(16).padStart(64, '0'), 'hex');

export function invalidClientKeys(profile: PlumeryProfile): [string, string][] {
  const good = p256KeyPair().publicKey;
  const offCurve = Buffer.from(good);
  offCurve[64]! ^= 0x01;
  // x = p + x0 (≥ p, and ≡ a valid x mod p: a lax parser reducing mod p would accept it)
  const xTooBig = Buffer.concat([
    Buffer.from([4]),
    hex32(P + BigInt(`0x${good.subarray(1, 33).toString('hex')}`)).subarray(-32),
    good.subarray(33),
  ]);
  const yIsP = Buffer.concat([Buffer.from([4]), good.subarray(1, 33), hex32(P)]);
  const spki = (point: Buffer) => Buffer.concat([P256_SPKI_PREFIX, point]);
  const compressed = Buffer.from(p256.Point.fromBytes(good).toBytes(true));
  const b64 = (b: Buffer) => b.toString('base64');
  const cases: [string, string][] = [
    ['a point not on the curve (SPKI)', b64(spki(offCurve))],
    ['a point not on the curve (raw)', b64(offCurve)],
    ['the point at infinity (raw 0x00)', b64(Buffer.from([0]))],
    ['the point (0, 0) in an SPKI', b64(spki(Buffer.concat([Buffer.from([4]), Buffer.alloc(64)])))],
    ['an x-coordinate ≥ p', b64(spki(xTooBig))],
    ['a y-coordinate equal to p', b64(spki(yIsP))],
    [
      'a P-384 key',
      b64(generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).publicKey.export({ type: 'spki', format: 'der' })),
    ],
    [
      'a secp256k1 key',
      b64(generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).publicKey.export({ type: 'spki', format: 'der' })),
    ],
    ['an X25519 key', b64(generateKeyPairSync('x25519').publicKey.export({ type: 'spki', format: 'der' }))],
    ['an SPKI one byte short', b64(spki(good).subarray(0, 90))],
    ['an SPKI with one byte more', b64(Buffer.concat([spki(good), Buffer.from([0])]))],
    ['a raw point one byte short', b64(good.subarray(0, 64))],
    ['a raw point with a hybrid 0x06 prefix', b64(Buffer.concat([Buffer.from([6]), good.subarray(1)]))],
    ['bad base64', 'this is not base64!'],
    ['base64 of random text', b64(Buffer.from('hello, connector'))],
  ];
  if (!profile.acceptsCompressedClientKey) {
    cases.push(
      ['a compressed point (SPKI)', b64(Buffer.concat([P256_SPKI_COMPRESSED_PREFIX, compressed]))],
      ['a compressed point (raw)', b64(compressed)],
    );
  }
  if (!profile.acceptsRawClientKey) cases.push(['a raw uncompressed point (the profile says SPKI only)', b64(good)]);
  return cases;
}

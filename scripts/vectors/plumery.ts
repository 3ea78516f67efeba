// Writes vectors/plumery-envelope.json. All keys, salts and IVs come from fixed labels, so a rerun
// reproduces the file. `npx tsx scripts/vectors/plumery.ts`
import { p256, p384 } from '@noble/curves/nist.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { gcmSeal } from '../../src/crypto/aes-gcm.ts';
import {
  P256_SPKI_COMPRESSED_PREFIX,
  P256_SPKI_PREFIX,
  ecdhSharedX,
  encodeP256PublicKey,
  p256KeyPair,
} from '../../src/crypto/ecdh-p256.ts';
import { hkdfSha256 } from '../../src/crypto/hkdf.ts';
import { deriveKey, seal } from '../../src/providers/plumery/envelope.ts';
import { bytes, writeVectorFile, type DraftTest } from './common.ts';

const FILE = 'vectors/plumery-envelope.json';
const scalar = (label: string) => {
  for (let i = 0; ; i++) {
    const d = bytes(`${label}/${i}`, 32);
    if (p256.utils.isValidSecretKey(d)) return d;
  }
};
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

// --- ECDH ---
const client = p256KeyPair(scalar('plumery client'));
const server = p256KeyPair(scalar('plumery server'));
const ecdh: DraftTest[] = [];
const shared = (pub: Uint8Array) => ecdhSharedX(client.privateKey, pub).toString('hex');
ecdh.push({
  comment: 'SPKI DER public key',
  flags: ['Spki'],
  result: 'valid',
  privateKey: client.privateKey.toString('hex'),
  publicKey: b64(encodeP256PublicKey(server.publicKey, 'spki')),
  shared: shared(server.publicKey),
});
ecdh.push({
  comment: 'raw uncompressed point',
  flags: ['RawPoint'],
  result: 'valid',
  privateKey: client.privateKey.toString('hex'),
  publicKey: b64(server.publicKey),
  shared: shared(server.publicKey),
});
for (let i = 0; i < 3; i++) {
  const other = p256KeyPair(scalar(`plumery peer ${i}`));
  ecdh.push({
    comment: `another fixed peer key (${i + 1})`,
    flags: ['Spki'],
    result: 'valid',
    privateKey: client.privateKey.toString('hex'),
    publicKey: b64(encodeP256PublicKey(other.publicKey, 'spki')),
    shared: shared(other.publicKey),
  });
}
const bad = (comment: string, flags: string[], publicKey: string) =>
  ecdh.push({
    comment,
    flags,
    result: 'invalid',
    privateKey: client.privateKey.toString('hex'),
    publicKey,
    shared: '',
  });
const P = p256.Point.CURVE().p;
const h32 = (n: bigint) => Buffer.from(n.toString(16).padStart(64, '0'), 'hex');
const off = Buffer.from(server.publicKey);
off[64]! ^= 1;
bad('point not on the curve (y changed), SPKI', ['InvalidCurveAttack'], b64(Buffer.concat([P256_SPKI_PREFIX, off])));
bad('point not on the curve, raw', ['InvalidCurveAttack'], b64(off));
bad(
  'the point (0, 0)',
  ['InvalidCurveAttack'],
  b64(Buffer.concat([P256_SPKI_PREFIX, Buffer.from([4]), Buffer.alloc(64)])),
);
bad('the point at infinity (0x00)', ['PointAtInfinity'], b64(Buffer.from([0])));
const x = BigInt(`0x${server.publicKey.subarray(1, 33).toString('hex')}`);
bad(
  'x-coordinate + p (out of range, congruent to a valid x)',
  ['CoordinateOutOfRange'],
  b64(Buffer.concat([P256_SPKI_PREFIX, Buffer.from([4]), h32(x + P).subarray(-32), server.publicKey.subarray(33)])),
);
bad(
  'y-coordinate = p',
  ['CoordinateOutOfRange'],
  b64(Buffer.concat([P256_SPKI_PREFIX, Buffer.from([4]), server.publicKey.subarray(1, 33), h32(P)])),
);
// SPKI prefixes of P-384 (secp384r1) and secp256k1 keys; the points come from fixed scalars.
const spkiOf = (prefix: string, point: Uint8Array) => b64(Buffer.concat([Buffer.from(prefix, 'hex'), point]));
bad(
  'a P-384 key',
  ['WrongCurve'],
  spkiOf('3076301006072a8648ce3d020106052b81040022036200', p384.getPublicKey(bytes('plumery p384', 48), false)),
);
bad(
  'a secp256k1 key',
  ['WrongCurve'],
  spkiOf('3056301006072a8648ce3d020106052b8104000a034200', secp256k1.getPublicKey(bytes('plumery k1', 32), false)),
);
const compressed = p256.Point.fromBytes(server.publicKey).toBytes(true);
bad(
  'a compressed point in an SPKI (the envelope requires uncompressed)',
  ['CompressedPoint'],
  b64(Buffer.concat([P256_SPKI_COMPRESSED_PREFIX, compressed])),
);
bad('a raw compressed point', ['CompressedPoint'], b64(compressed));
bad('SPKI truncated by one byte', ['BadEncoding'], b64(encodeP256PublicKey(server.publicKey, 'spki').subarray(0, 90)));
bad(
  'SPKI with a trailing byte',
  ['BadEncoding'],
  b64(Buffer.concat([encodeP256PublicKey(server.publicKey, 'spki'), Buffer.from([0])])),
);
bad('not base64', ['BadEncoding'], 'not*base64');

// --- HKDF-SHA256: RFC 5869 Appendix A.1-A.3, then the envelope's own parameters ---
const range = (from: number, to: number) =>
  Buffer.from(Array.from({ length: to - from + 1 }, (_v, i) => from + i)).toString('hex');
const hkdfTests: DraftTest[] = [
  {
    comment: 'RFC 5869 A.1',
    flags: ['Rfc5869'],
    result: 'valid',
    ikm: '0b'.repeat(22),
    salt: range(0, 0x0c),
    info: range(0xf0, 0xf9),
    size: 42,
    okm: '3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865',
  },
  {
    comment: 'RFC 5869 A.2 (long inputs)',
    flags: ['Rfc5869'],
    result: 'valid',
    ikm: range(0, 0x4f),
    salt: range(0x60, 0xaf),
    info: range(0xb0, 0xff),
    size: 82,
    okm: 'b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71cc30c58179ec3e87c14c01d5c1f3434f1d87',
  },
  {
    comment: 'RFC 5869 A.3 (empty salt and info)',
    flags: ['Rfc5869'],
    result: 'valid',
    ikm: '0b'.repeat(22),
    salt: '',
    info: '',
    size: 42,
    okm: '8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8',
  },
];
const envSalt = bytes('plumery salt', 32);
const sharedX = ecdhSharedX(server.privateKey, client.publicKey);
hkdfTests.push({
  comment: "the envelope's parameters: IKM = shared x, 32-byte salt, empty info, 32 bytes",
  flags: [],
  result: 'valid',
  ikm: sharedX.toString('hex'),
  salt: envSalt.toString('hex'),
  info: '',
  size: 32,
  okm: hkdfSha256(sharedX, envSalt, Buffer.alloc(0), 32).toString('hex'),
});

// --- AES-256-GCM ---
const aesKey = bytes('plumery aes key', 32);
const aesIv = bytes('plumery aes iv', 12);
const pinMsg = Buffer.from('{"pin":"5193"}');
const sealed = gcmSeal(aesKey, aesIv, pinMsg);
const aead = (comment: string, flags: string[], result: 'valid' | 'invalid', ct: Buffer, iv = aesIv) => ({
  comment,
  flags,
  result,
  key: aesKey.toString('hex'),
  iv: iv.toString('hex'),
  msg: pinMsg.toString('hex'),
  ct: ct.toString('hex'),
});
const flip = (b: Buffer, i: number) => {
  const c = Buffer.from(b);
  c[i < 0 ? c.length + i : i]! ^= 1;
  return c;
};
const aeadTests: DraftTest[] = [
  aead('DecryptedCardPin plaintext', [], 'valid', sealed),
  aead('tag bit flipped', ['ModifiedTag'], 'invalid', flip(sealed, -1)),
  aead('ciphertext bit flipped', ['ModifiedCiphertext'], 'invalid', flip(sealed, 0)),
  aead('tag truncated to 12 bytes', ['TruncatedTag'], 'invalid', sealed.subarray(0, sealed.length - 4)),
  aead(
    '16-byte IV (the envelope uses 12)',
    ['WrongIvLength'],
    'invalid',
    gcmSeal(aesKey, bytes('plumery iv16', 16), pinMsg),
    bytes('plumery iv16', 16),
  ),
];

// --- the whole envelope ---
const eph = scalar('plumery ephemeral');
const envIv = bytes('plumery envelope iv', 12);
const kdf = { saltBytes: 32, info: '', ikm: 'x-coordinate' } as const;
const envelopeTests: DraftTest[] = [];
const env = (
  comment: string,
  flags: string[],
  result: 'valid' | 'invalid',
  payload: ReturnType<typeof seal>,
  msg: Buffer,
  ephemeralPrivateKey?: Uint8Array,
) =>
  envelopeTests.push({
    comment,
    flags,
    result,
    clientPrivateKey: client.privateKey.toString('hex'),
    ...(ephemeralPrivateKey ? { ephemeralPrivateKey: Buffer.from(ephemeralPrivateKey).toString('hex') } : {}),
    info: '',
    payload,
    msg: msg.toString('hex'),
  });
const good = seal({
  clientPoint: client.publicKey,
  plaintext: pinMsg,
  ephemeralPrivateKey: eph,
  salt: envSalt,
  iv: envIv,
  kdf,
});
env('PIN: fixed client key, ephemeral key, salt and IV', [], 'valid', good, pinMsg, eph);
const detailsMsg = Buffer.from('{"pan":"4000000000000002","cvv2":"123","expirationDate":"04/30"}');
const eph2 = scalar('plumery ephemeral 2');
env(
  'card details, ephemeral key as a raw point',
  ['RawPoint'],
  'valid',
  seal({
    clientPoint: client.publicKey,
    plaintext: detailsMsg,
    ephemeralPrivateKey: eph2,
    salt: bytes('plumery salt 2', 32),
    iv: bytes('plumery iv 2', 12),
    kdf,
    ephemeralEncoding: 'raw',
  }),
  detailsMsg,
  eph2,
);
const ct = Buffer.from(good.ciphertext, 'base64');
env('tag bit flipped', ['ModifiedTag'], 'invalid', { ...good, ciphertext: flip(ct, -1).toString('base64') }, pinMsg);
env(
  'ciphertext bit flipped',
  ['ModifiedCiphertext'],
  'invalid',
  { ...good, ciphertext: flip(ct, 0).toString('base64') },
  pinMsg,
);
env(
  'another salt',
  ['ModifiedSalt'],
  'invalid',
  { ...good, salt: bytes('plumery other salt', 32).toString('base64') },
  pinMsg,
);
const manual = (ikm: Buffer, info: string) => {
  const key = deriveKey(ikm, envSalt, info);
  return { ...good, ciphertext: gcmSeal(key, envIv, pinMsg).toString('base64') };
};
const ephPoint = p256.getPublicKey(eph, false);
env(
  'IKM = the 33-byte compressed shared point instead of x',
  ['FullSharedPoint'],
  'invalid',
  manual(Buffer.from(p256.getSharedSecret(eph, client.publicKey, true)), ''),
  pinMsg,
);
env(
  'IKM = the 65-byte uncompressed shared point',
  ['FullSharedPoint'],
  'invalid',
  manual(Buffer.from(p256.getSharedSecret(eph, client.publicKey, false)), ''),
  pinMsg,
);
env(
  'HKDF info "plumery-pin" instead of empty',
  ['NonEmptyInfo'],
  'invalid',
  manual(ecdhSharedX(eph, client.publicKey), 'plumery-pin'),
  pinMsg,
);
env(
  'tag truncated to 12 bytes',
  ['TruncatedTag'],
  'invalid',
  { ...good, ciphertext: ct.subarray(0, ct.length - 4).toString('base64') },
  pinMsg,
);
env(
  'ephemeral key off the curve',
  ['InvalidCurveAttack'],
  'invalid',
  { ...good, ephemeralPublicKey: b64(Buffer.concat([P256_SPKI_PREFIX, flip(Buffer.from(ephPoint), -1)])) },
  pinMsg,
);

const count = writeVectorFile(
  FILE,
  {
    algorithm: 'ECDH P-256 + HKDF-SHA256 + AES-256-GCM — Plumery encryptedPayload',
    header: [
      'Plumery PIN / card-details envelope: ECDH P-256 between the client key and the server ephemeral key; IKM = the 32-byte x-coordinate;',
      'HKDF-SHA256 with the payload salt and empty info to a 32-byte key; AES-256-GCM with a 12-byte IV, ciphertext ‖ 16-byte tag.',
      'Public keys are base64 as in X-Client-Public-Key / ephemeralPublicKey (SPKI DER or raw uncompressed point); other byte strings hex.',
      'Private keys are test-only, derived from fixed labels. A valid EnvelopeTest with ephemeralPrivateKey is reproducible: sealing msg with it, the salt and the IV gives exactly the payload.',
    ],
    notes: {
      Spki: { bugType: 'FUNCTIONALITY', description: 'public key as SPKI DER' },
      RawPoint: { bugType: 'FUNCTIONALITY', description: 'public key as a raw uncompressed SEC1 point' },
      InvalidCurveAttack: {
        bugType: 'CONFIDENTIALITY',
        description: 'a point not on P-256: using it leaks the private key bit by bit (invalid-curve attack)',
      },
      PointAtInfinity: { bugType: 'EDGE_CASE', description: 'the identity element as a public key' },
      CoordinateOutOfRange: { bugType: 'EDGE_CASE', description: 'a coordinate not below p' },
      WrongCurve: { bugType: 'MODIFIED_PARAMETER', description: 'a key on another curve' },
      CompressedPoint: {
        bugType: 'MODIFIED_PARAMETER',
        description: 'a compressed point where the profile requires uncompressed',
      },
      BadEncoding: { bugType: 'EDGE_CASE', description: 'a truncated, over-long or non-base64 encoding' },
      Rfc5869: { bugType: 'BASIC', description: 'test case from RFC 5869 Appendix A (SHA-256)' },
      ModifiedTag: { bugType: 'AUTH_BYPASS', description: 'a flipped tag bit must be refused' },
      ModifiedCiphertext: { bugType: 'AUTH_BYPASS', description: 'a flipped ciphertext bit must be refused' },
      ModifiedSalt: { bugType: 'AUTH_BYPASS', description: 'another salt derives another key' },
      TruncatedTag: { bugType: 'AUTH_BYPASS', description: 'a tag shorter than 16 bytes must be refused' },
      WrongIvLength: { bugType: 'MODIFIED_PARAMETER', description: 'an IV of a length the envelope does not use' },
      FullSharedPoint: {
        bugType: 'WRONG_PRIMITIVE',
        description:
          'the whole shared point as IKM instead of its x-coordinate (a common mistake with libraries that return the point)',
      },
      NonEmptyInfo: { bugType: 'MODIFIED_PARAMETER', description: 'a non-empty HKDF info' },
    },
    source: {
      description:
        'Generated by scripts/vectors/plumery.ts with node:crypto from fixed labels; RFC 5869 cases copied from the RFC.',
      independentChecks: [
        'node:crypto (diffieHellman, hkdfSync, aes-256-gcm)',
        '@noble/curves p256 + @noble/hashes hkdf + @noble/ciphers gcm',
      ],
    },
  },
  [
    { type: 'EcdhTest', curve: 'secp256r1', tests: ecdh },
    { type: 'HkdfTest', hash: 'SHA-256', tests: hkdfTests },
    { type: 'AeadTest', keySize: 256, ivSize: 96, tagSize: 128, tests: aeadTests },
    { type: 'EnvelopeTest', tests: envelopeTests },
  ],
);
console.log(`wrote ${FILE} (${count} tests)`);

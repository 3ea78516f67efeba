// Writes vectors/solaris-device-signature.json, vectors/solaris-rsa-decrypt.json and
// vectors/solaris-jwe.json. The device signature is deterministic (RFC 6979, @noble); the RSA key
// pairs are kept from the existing file, everything else comes from fixed labels, so a rerun
// reproduces the files. `npx tsx scripts/vectors/solaris.ts`
import {
  constants,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  publicEncrypt,
  type KeyObject,
} from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { p256 } from '@noble/curves/nist.js';
import { oaepEncode, rsaOaepEncryptWithSeed, type OaepParams } from '../../src/crypto/eme-oaep.ts';
import { encryptCompact, type ContentEnc, type KeyWrap } from '../../src/crypto/jwe.ts';
import { pkcs1v15Encode } from '../../src/crypto/rsa-pkcs1v15.ts';
import { jwkSigningString } from '../../src/providers/solaris/device.ts';
import { jwkOf } from '../../src/providers/solaris/card-details.ts';
import { bytes, writeVectorFile, type DraftTest } from './common.ts';

const RSA_FILE = 'vectors/solaris-rsa-decrypt.json';
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

function rsaKeys(): { priv: KeyObject; pub: KeyObject; other: KeyObject } {
  if (existsSync(RSA_FILE)) {
    const g = (
      JSON.parse(readFileSync(RSA_FILE, 'utf8')) as {
        testGroups: { privateKeyPkcs8: string; otherPublicKeySpki: string }[];
      }
    ).testGroups[0]!;
    const priv = createPrivateKey({ key: Buffer.from(g.privateKeyPkcs8, 'hex'), format: 'der', type: 'pkcs8' });
    return {
      priv,
      pub: createPublicKey(priv),
      other: createPublicKey({ key: Buffer.from(g.otherPublicKeySpki, 'hex'), format: 'der', type: 'spki' }),
    };
  }
  const k = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { priv: k.privateKey, pub: k.publicKey, other: generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey };
}
const { priv, pub, other } = rsaKeys();
const keyFields = {
  privateKeyPkcs8: priv.export({ format: 'der', type: 'pkcs8' }).toString('hex'),
  publicKeySpki: pub.export({ format: 'der', type: 'spki' }).toString('hex'),
  otherPublicKeySpki: other.export({ format: 'der', type: 'spki' }).toString('hex'),
};
const raw = (em: Buffer) => publicEncrypt({ key: pub, padding: constants.RSA_NO_PADDING }, em);

// --- 1. device signature ---
const deviceD = bytes('solaris vector device', 32);
const otherD = bytes('solaris vector other device', 32);
const devicePub = p256.getPublicKey(deviceD, false);
const spki = (point: Uint8Array) =>
  Buffer.concat([Buffer.from('3059301306072a8648ce3d020106082a8648ce3d030107034200', 'hex'), point]).toString('hex');
const sigOver = (text: string, d = deviceD) => hex(p256.sign(Buffer.from(text, 'utf8'), d, { format: 'der' }));
const baseJwk = jwkOf(pub, 'cf8e03cd-0292-47e2-8e26-c167293b9187') as Record<string, unknown>;
const minimalJwk = { kty: 'RSA', n: baseJwk.n, e: baseJwk.e };
const reordered = { n: baseJwk.n, e: baseJwk.e, kid: 'kid-with:colon,comma', kty: 'RSA', use: 'enc' };
const sigTests: DraftTest[] = [];
const sv = (
  comment: string,
  flags: string[],
  result: 'valid' | 'invalid',
  jwk: Record<string, unknown>,
  signature: string,
) =>
  sigTests.push({
    comment,
    flags,
    result,
    jwk,
    signedString: jwkSigningString(jwk),
    signature: signature.toUpperCase(),
  });
sv('every member (kty, use, alg, kid, n, e)', [], 'valid', baseJwk, sigOver(jwkSigningString(baseJwk)));
sv('the required members only', [], 'valid', minimalJwk, sigOver(jwkSigningString(minimalJwk)));
sv(
  'members sent in another order; a kid with ":" and ","',
  ['ValuesAsSent'],
  'valid',
  reordered,
  sigOver(jwkSigningString(reordered)),
);
sv('signature over JSON.stringify(jwk)', ['WrongSignedString'], 'invalid', baseJwk, sigOver(JSON.stringify(baseJwk)));
sv(
  'signature over the members in the order sent',
  ['WrongSignedString'],
  'invalid',
  reordered,
  sigOver(
    Object.entries(reordered)
      .map(([k, v]) => `${k}:${String(v)}`)
      .join(','),
  ),
);
sv(
  'signature over "key=value" joined with "&"',
  ['WrongSignedString'],
  'invalid',
  baseJwk,
  sigOver(
    Object.keys(baseJwk)
      .sort()
      .map((k) => `${k}=${String(baseJwk[k])}`)
      .join('&'),
  ),
);
sv(
  'signature over another JWK',
  ['OtherJwk'],
  'invalid',
  baseJwk,
  sigOver(jwkSigningString({ ...baseJwk, kid: 'another' })),
);
sv('signature by another device key', ['OtherDevice'], 'invalid', baseJwk, sigOver(jwkSigningString(baseJwk), otherD));
sv(
  'hex of the base64 text of the DER signature (the other encoding)',
  ['WrongEncoding'],
  'invalid',
  baseJwk,
  Buffer.from(Buffer.from(sigOver(jwkSigningString(baseJwk)), 'hex').toString('base64')).toString('hex'),
);
sv(
  'DER signature truncated by one byte',
  ['Truncated'],
  'invalid',
  baseJwk,
  sigOver(jwkSigningString(baseJwk)).slice(0, -2),
);
const sigCount = writeVectorFile(
  'vectors/solaris-device-signature.json',
  {
    algorithm: 'ECDSA P-256 SHA-256 over the sorted JWK string — Solaris device binding signature',
    header: [
      'signedString = the JWK members sorted by name, each "key:value" (value as sent), joined with ","; signature = hex of the DER ECDSA-SHA256 signature by the device key (default encoding hex-der).',
      'Signatures are deterministic (RFC 6979). Keys are test-only.',
    ],
    notes: {
      ValuesAsSent: {
        bugType: 'EDGE_CASE',
        description: 'members in another order, values containing the delimiters: sorting and values as sent',
      },
      WrongSignedString: {
        bugType: 'MODIFIED_PARAMETER',
        description: 'a signature over another rendering of the JWK',
      },
      OtherJwk: { bugType: 'AUTH_BYPASS', description: 'a signature over a different JWK' },
      OtherDevice: { bugType: 'AUTH_BYPASS', description: 'a signature by another device' },
      WrongEncoding: { bugType: 'MODIFIED_PARAMETER', description: 'the signature in the other encoding' },
      Truncated: { bugType: 'EDGE_CASE', description: 'a truncated signature' },
    },
    source: {
      description: 'Generated by scripts/vectors/solaris.ts with @noble/curves (RFC 6979).',
      independentChecks: [
        'node:crypto verify with src/providers/solaris/device.ts',
        '@noble/curves p256.verify with its own signed-string builder',
      ],
    },
  },
  [
    {
      type: 'DeviceSignatureTest',
      curve: 'secp256r1',
      encoding: 'hex-der',
      devicePublicKeySpki: spki(devicePub),
      tests: sigTests,
    },
  ],
);

// --- 2. RSA decryption: OAEP flavours and PKCS#1 v1.5 ---
const cek32 = bytes('solaris cek 32', 32);
const cek64 = bytes('solaris cek 64', 64);
const oaepGroup = (p: OaepParams, wrong: OaepParams, label: string) => {
  const tests: DraftTest[] = [];
  const ct = (m: Buffer, params: OaepParams, name: string, key = pub) =>
    rsaOaepEncryptWithSeed(key, m, params, bytes(`solaris ${label} seed ${name}`, 32));
  const t = (comment: string, flags: string[], result: 'valid' | 'invalid', msg: Buffer, c: Buffer) =>
    tests.push({ comment, flags, result, msg: hex(msg), ct: hex(c) });
  t('a 32-byte CEK (A256GCM)', [], 'valid', cek32, ct(cek32, p, 'a'));
  t('a 64-byte CEK (A256CBC-HS512)', [], 'valid', cek64, ct(cek64, p, 'b'));
  t('an empty message', ['EdgeCase'], 'valid', Buffer.alloc(0), ct(Buffer.alloc(0), p, 'c'));
  const max = bytes('solaris max', 256 - 2 * 32 - 2);
  t('the longest message the key takes (190 bytes)', ['EdgeCase'], 'valid', max, ct(max, p, 'd'));
  t(
    `MGF1-${wrong.mgfHash.toUpperCase()} instead of MGF1-${p.mgfHash.toUpperCase()}`,
    ['WrongMgf'],
    'invalid',
    cek32,
    ct(cek32, wrong, 'e'),
  );
  t(
    'SHA-1 with MGF1-SHA-1 (plain RSA-OAEP)',
    ['WrongHash'],
    'invalid',
    cek32,
    rsaOaepEncryptWithSeed(pub, cek32, { hash: 'sha1', mgfHash: 'sha1' }, bytes(`solaris ${label} sha1`, 20)),
  );
  t('a non-empty label', ['WrongLabel'], 'invalid', cek32, ct(cek32, { ...p, label: Buffer.from('solaris') }, 'f'));
  t(
    'PKCS#1 v1.5 padding',
    ['WrongPadding'],
    'invalid',
    cek32,
    raw(
      pkcs1v15Encode(
        cek32,
        256,
        bytes('solaris ps oaep', 256 - 35).map((b) => b | 1),
      ),
    ),
  );
  t('encrypted to another key', ['WrongKey'], 'invalid', cek32, ct(cek32, p, 'g', other));
  const flip = ct(cek32, p, 'h');
  flip[100]! ^= 1;
  t('a ciphertext bit flipped', ['ModifiedCiphertext'], 'invalid', cek32, flip);
  t('the ciphertext one byte short', ['BadLength'], 'invalid', cek32, ct(cek32, p, 'i').subarray(1));
  t('0xff bytes: not below the modulus', ['BadLength'], 'invalid', cek32, Buffer.alloc(256, 0xff));
  return tests;
};
const pkcsTests: DraftTest[] = [];
const ps = (n: number, label: string) => Buffer.from(bytes(`solaris ps ${label}`, n).map((b) => b | 1));
const pk = (comment: string, flags: string[], result: 'valid' | 'invalid', msg: Buffer, em: Buffer) =>
  pkcsTests.push({ comment, flags, result, msg: hex(msg), ct: hex(raw(em)) });
pk('a 32-byte CEK', [], 'valid', cek32, pkcs1v15Encode(cek32, 256, ps(256 - 35, 'a')));
pk('a 64-byte CEK', [], 'valid', cek64, pkcs1v15Encode(cek64, 256, ps(256 - 67, 'b')));
pk(
  'PS of exactly 8 bytes (the minimum)',
  ['EdgeCase'],
  'valid',
  bytes('solaris long', 245),
  pkcs1v15Encode(bytes('solaris long', 245), 256, ps(8, 'c')),
);
const em = (head: number[], body: Buffer) => Buffer.concat([Buffer.from(head), body]);
pk(
  'block type 01 (signature padding)',
  ['BadPadding'],
  'invalid',
  cek32,
  em([0, 1], Buffer.concat([Buffer.alloc(256 - 35, 0xff), Buffer.from([0]), cek32])),
);
pk(
  'first byte not zero',
  ['BadPadding'],
  'invalid',
  cek32,
  em([1, 2], Buffer.concat([ps(256 - 35, 'd'), Buffer.from([0]), cek32])).subarray(0, 256),
);
pk('no zero separator', ['BadPadding'], 'invalid', cek32, em([0, 2], ps(254, 'e')));
pk(
  'PS of 7 bytes (a zero too early)',
  ['BadPadding'],
  'invalid',
  bytes('solaris 246', 246),
  em([0, 2], Buffer.concat([ps(7, 'f'), Buffer.from([0]), bytes('solaris 246', 246)])),
);
pk(
  'OAEP SHA-256 padding instead of PKCS#1 v1.5',
  ['WrongPadding'],
  'invalid',
  cek32,
  oaepEncode(cek32, 256, { hash: 'sha256', mgfHash: 'sha256' }, bytes('solaris pk oaep', 32)),
);
const pkFlip = raw(pkcs1v15Encode(cek32, 256, ps(256 - 35, 'g')));
pkFlip[50]! ^= 1;
pkcsTests.push({
  comment: 'a ciphertext bit flipped',
  flags: ['ModifiedCiphertext'],
  result: 'invalid',
  msg: hex(cek32),
  ct: hex(pkFlip),
});

const rsaCount = writeVectorFile(
  RSA_FILE,
  {
    algorithm:
      'RSA-2048 decryption: OAEP SHA-256/MGF1-SHA-1 (Android), OAEP SHA-256/MGF1-SHA-256, RSAES-PKCS1-v1_5 — Solaris JWE key wrap',
    header: [
      'The three key wraps of Solaris jwe.alg: RSA_OAEP_256_ANDROID (OAEP, SHA-256, MGF1-SHA-1), RSA_OAEP_256 (OAEP, SHA-256, MGF1-SHA-256), RSA1_5 (RSAES-PKCS1-v1_5).',
      'ct decrypts to msg under the group key for valid tests; every invalid test must be refused. Byte strings hex; keys PKCS#8 / SPKI DER hex, test-only.',
    ],
    notes: {
      EdgeCase: { bugType: 'EDGE_CASE', description: 'an empty, maximal or minimally padded message' },
      WrongMgf: {
        bugType: 'WRONG_PRIMITIVE',
        description: 'the other MGF1 hash: the Android flavour and the standard one must not be confused',
      },
      WrongHash: { bugType: 'WRONG_PRIMITIVE', description: 'OAEP with SHA-1' },
      WrongLabel: { bugType: 'MODIFIED_PARAMETER', description: 'a non-empty OAEP label' },
      WrongPadding: { bugType: 'WRONG_PRIMITIVE', description: 'the other padding scheme' },
      WrongKey: { bugType: 'MODIFIED_PARAMETER', description: 'encrypted to another key' },
      ModifiedCiphertext: { bugType: 'MALLEABILITY', description: 'a flipped ciphertext bit' },
      BadLength: { bugType: 'EDGE_CASE', description: 'not one modulus-sized block below the modulus' },
      BadPadding: {
        bugType: 'CAN_OF_WORMS',
        description: 'a malformed PKCS#1 v1.5 block (Bleichenbacher: must fail like any other error)',
      },
    },
    source: {
      description:
        'Generated by scripts/vectors/solaris.ts: encoding with fixed seeds and padding over a raw RSA operation.',
      independentChecks: [
        'src/crypto (raw RSA + EME-OAEP / PKCS#1 v1.5 decoding)',
        'OpenSSL CLI pkeyutl -decrypt',
        'Java SunJCE Cipher (when java is installed)',
      ],
    },
  },
  [
    {
      type: 'RsaesOaepDecrypt',
      keySize: 2048,
      sha: 'SHA-256',
      mgf: 'MGF1',
      mgfSha: 'SHA-1',
      ...keyFields,
      tests: oaepGroup({ hash: 'sha256', mgfHash: 'sha1' }, { hash: 'sha256', mgfHash: 'sha256' }, 'android'),
    },
    {
      type: 'RsaesOaepDecrypt',
      keySize: 2048,
      sha: 'SHA-256',
      mgf: 'MGF1',
      mgfSha: 'SHA-256',
      ...keyFields,
      tests: oaepGroup({ hash: 'sha256', mgfHash: 'sha256' }, { hash: 'sha256', mgfHash: 'sha1' }, 'standard'),
    },
    { type: 'RsaesPkcs1Decrypt', keySize: 2048, ...keyFields, tests: pkcsTests },
  ],
);

// --- 3. whole JWEs, one per jwe.alg × jwe.enc ---
const card = Buffer.from(
  JSON.stringify({ pan: '4000000000000002', cvc: '123', expires_at: '2030-04-30', line_1: 'PAT EXAMPLE' }),
);
const jweTests: DraftTest[] = [];
const wraps: [string, KeyWrap][] = [
  ['RSA1_5', 'RSA1_5'],
  ['RSA_OAEP_256', 'RSA-OAEP-256'],
  ['RSA_OAEP_256_ANDROID', 'RSA-OAEP-256-MGF1-SHA1'],
];
const encs: [string, ContentEnc][] = [
  ['A256GCM', 'A256GCM'],
  ['A256CBC_HS512', 'A256CBC-HS512'],
];
for (const [alg, wrap] of wraps) {
  for (const [enc, content] of encs) {
    const label = `${alg} ${enc}`;
    const cek = bytes(`solaris jwe cek ${label}`, content === 'A256GCM' ? 32 : 64);
    const o = {
      wrap,
      enc: content,
      kid: 'cf8e03cd-0292-47e2-8e26-c167293b9187',
      cek,
      iv: bytes(`solaris jwe iv ${label}`, content === 'A256GCM' ? 12 : 16),
      wrapRandomness:
        wrap === 'RSA1_5' ? ps(256 - cek.length - 3, `jwe ${label}`) : bytes(`solaris jwe seed ${label}`, 32),
    };
    const jwe = encryptCompact(pub, card, o);
    jweTests.push({
      comment: `${alg} × ${enc}`,
      flags: [],
      result: 'valid',
      jweAlg: alg,
      jweEnc: enc,
      jwe,
      msg: hex(card),
    });
    const parts = jwe.split('.');
    const b = (i: number) => Buffer.from(parts[i]!, 'base64url');
    const withPart = (i: number, buf: Buffer) =>
      parts.map((p, n) => (n === i ? buf.toString('base64url') : p)).join('.');
    const flipLast = (x: Buffer) => {
      const c = Buffer.from(x);
      c[c.length - 1]! ^= 1;
      return c;
    };
    jweTests.push({
      comment: `${alg} × ${enc}: tag bit flipped`,
      flags: ['ModifiedTag'],
      result: 'invalid',
      jweAlg: alg,
      jweEnc: enc,
      jwe: withPart(4, flipLast(b(4))),
      msg: hex(card),
    });
    jweTests.push({
      comment: `${alg} × ${enc}: protected header changed (kid)`,
      flags: ['ModifiedHeader'],
      result: 'invalid',
      jweAlg: alg,
      jweEnc: enc,
      jwe: withPart(0, Buffer.from(b(0).toString().replace('cf8e', 'cf8f'))),
      msg: hex(card),
    });
    jweTests.push({
      comment: `${alg} × ${enc}: encrypted key bit flipped`,
      flags: ['ModifiedEncryptedKey'],
      result: 'invalid',
      jweAlg: alg,
      jweEnc: enc,
      jwe: withPart(1, flipLast(b(1))),
      msg: hex(card),
    });
  }
}
// The key of one flavour read as another: the Android/standard confusion, caught by the MGF.
const androidJwe = jweTests.find((t) => t.comment === 'RSA_OAEP_256_ANDROID × A256GCM')!.jwe as string;
jweTests.push({
  comment: 'an Android-flavour JWE read as RSA_OAEP_256 (MGF1-SHA-256)',
  flags: ['WrongMgf'],
  result: 'invalid',
  jweAlg: 'RSA_OAEP_256',
  jweEnc: 'A256GCM',
  jwe: androidJwe,
  msg: hex(card),
});
const standardJwe = jweTests.find((t) => t.comment === 'RSA_OAEP_256 × A256GCM')!.jwe as string;
jweTests.push({
  comment: 'a standard RSA-OAEP-256 JWE read as the Android flavour (MGF1-SHA-1)',
  flags: ['WrongMgf'],
  result: 'invalid',
  jweAlg: 'RSA_OAEP_256_ANDROID',
  jweEnc: 'A256GCM',
  jwe: standardJwe,
  msg: hex(card),
});

const jweCount = writeVectorFile(
  'vectors/solaris-jwe.json',
  {
    algorithm:
      'Compact JWE: RSA1_5, RSA-OAEP-256, RSA-OAEP-256 with MGF1-SHA-1 × A256GCM, A256CBC-HS512 — Solaris card details',
    header: [
      'One JWE per Solaris jwe.alg × jwe.enc, made from fixed CEK, IV and padding randomness under the key pair of vectors/solaris-rsa-decrypt.json (group 1).',
      'The protected header says alg RSA1_5 or RSA-OAEP-256 (both OAEP flavours) and enc A256GCM or A256CBC-HS512; jweAlg/jweEnc name the flavour asked for.',
      'msg is the plaintext (hex); the card number is a test number, not a seeded card.',
    ],
    notes: {
      ModifiedTag: { bugType: 'AUTH_BYPASS', description: 'a flipped authentication-tag bit' },
      ModifiedHeader: {
        bugType: 'AUTH_BYPASS',
        description: 'the protected header is authenticated data: a change must be refused',
      },
      ModifiedEncryptedKey: {
        bugType: 'CAN_OF_WORMS',
        description: 'a damaged encrypted key must fail like a bad tag (RFC 7516 §11.5)',
      },
      WrongMgf: { bugType: 'WRONG_PRIMITIVE', description: 'the OAEP flavours confused' },
    },
    source: {
      description: 'Generated by scripts/vectors/solaris.ts with src/crypto/jwe.ts from fixed inputs.',
      independentChecks: [
        'src/crypto/jwe.ts (node:crypto)',
        'jose compactDecrypt (RSA-OAEP-256), else OpenSSL CLI key unwrap + @noble/ciphers content decryption',
      ],
    },
  },
  [{ type: 'JweDecrypt', ...keyFields, tests: jweTests }],
);
console.log(`wrote device signature (${sigCount}), RSA decrypt (${rsaCount}) and JWE (${jweCount}) vectors`);

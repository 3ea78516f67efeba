// Writes vectors/exa-sessionid.json and vectors/exa-card-fields.json. Everything but the RSA key
// pairs is derived from fixed labels; the key pairs are kept from the existing file, so a rerun
// reproduces the file exactly. `npx tsx scripts/vectors/exa.ts`
import {
  constants,
  createPublicKey,
  createPrivateKey,
  generateKeyPairSync,
  publicEncrypt,
  type KeyObject,
} from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { gcmSeal } from '../../src/crypto/aes-gcm.ts';
import { modulusBytes, rsaOaepEncryptWithSeed } from '../../src/crypto/eme-oaep.ts';
import { encodePinBlock } from '../../src/crypto/pin-block.ts';
import { sessionPlaintext } from '../../src/providers/exa/session.ts';
import { bytes, writeVectorFile, type DraftTest } from './common.ts';

const SESSION_FILE = 'vectors/exa-sessionid.json';
const FIELDS_FILE = 'vectors/exa-card-fields.json';

function keyPairs(): { main: { pub: KeyObject; priv: KeyObject }; other: KeyObject } {
  if (existsSync(SESSION_FILE)) {
    const old = JSON.parse(readFileSync(SESSION_FILE, 'utf8')) as {
      testGroups: { privateKeyPkcs8: string; otherPublicKeySpki: string }[];
    };
    const g = old.testGroups[0]!;
    const priv = createPrivateKey({ key: Buffer.from(g.privateKeyPkcs8, 'hex'), format: 'der', type: 'pkcs8' });
    return {
      main: { priv, pub: createPublicKey(priv) },
      other: createPublicKey({ key: Buffer.from(g.otherPublicKeySpki, 'hex'), format: 'der', type: 'spki' }),
    };
  }
  const k = generateKeyPairSync('rsa', { modulusLength: 1024 });
  return {
    main: { priv: k.privateKey, pub: k.publicKey },
    other: generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey,
  };
}

const { main, other } = keyPairs();
const der = (k: KeyObject, type: 'pkcs8' | 'spki') => k.export({ format: 'der', type }).toString('hex');
const sha1 = { hash: 'sha1', mgfHash: 'sha1' } as const;
const seed20 = (label: string) => bytes(label, 20);

function pkcs1v15(pub: KeyObject, msg: Buffer): Buffer {
  const k = modulusBytes(pub);
  const ps = Buffer.alloc(k - msg.length - 3, 0x5a); // fixed non-zero padding: reproducible
  return publicEncrypt(
    { key: pub, padding: constants.RSA_NO_PADDING },
    Buffer.concat([Buffer.from([0, 2]), ps, Buffer.from([0]), msg]),
  );
}

const sessionTests: DraftTest[] = [];
const valid = (comment: string, secret: Buffer, flags: string[] = []) => {
  const msg = sessionPlaintext(secret);
  const seed = seed20(`exa-session-seed ${comment}`);
  sessionTests.push({
    comment,
    flags,
    result: 'valid',
    secret: secret.toString('hex'),
    msg: msg.toString('hex'),
    seed: seed.toString('hex'),
    ct: rsaOaepEncryptWithSeed(main.pub, msg, sha1, seed).toString('hex'),
  });
};
valid('random secret', bytes('exa secret 1', 16));
valid('secret of zero bytes', Buffer.alloc(16), ['EdgeCaseSecret']);
valid('secret of 0xff bytes', Buffer.alloc(16, 0xff), ['EdgeCaseSecret']);
valid('secret whose base64 has + and /', Buffer.from('fbeffbeffbeffbeffbeffbeffbeffbef', 'hex'), ['EdgeCaseSecret']);

const goodMsg = sessionPlaintext(bytes('exa secret 2', 16));
const invalid = (comment: string, flags: string[], ct: Buffer, msg: Buffer = goodMsg, seed = '') =>
  sessionTests.push({
    comment,
    flags,
    result: 'invalid',
    secret: '',
    msg: msg.toString('hex'),
    seed,
    ct: ct.toString('hex'),
  });
invalid(
  'OAEP with SHA-256 and MGF1-SHA-256',
  ['WrongHash'],
  rsaOaepEncryptWithSeed(main.pub, goodMsg, { hash: 'sha256', mgfHash: 'sha256' }, bytes('exa wrong hash', 32)),
);
invalid(
  'OAEP with SHA-256 label hash and MGF1-SHA-1',
  ['WrongHash'],
  rsaOaepEncryptWithSeed(main.pub, goodMsg, { hash: 'sha256', mgfHash: 'sha1' }, bytes('exa wrong hash 2', 32)),
);
invalid(
  'OAEP SHA-1 with a non-empty label',
  ['WrongLabel'],
  rsaOaepEncryptWithSeed(main.pub, goodMsg, { ...sha1, label: Buffer.from('exa') }, seed20('exa label')),
);
invalid('RSAES-PKCS1-v1_5 instead of OAEP', ['WrongPadding'], pkcs1v15(main.pub, goodMsg));
invalid(
  'OAEP SHA-1 under another RSA key',
  ['WrongKey'],
  rsaOaepEncryptWithSeed(other, goodMsg, sha1, seed20('exa other key')),
);
const flipped = rsaOaepEncryptWithSeed(main.pub, goodMsg, sha1, seed20('exa flip'));
flipped[flipped.length - 1]! ^= 0x01;
invalid('valid ciphertext with its last bit flipped', ['ModifiedCiphertext'], flipped);
invalid(
  'ciphertext one byte short',
  ['BadLength'],
  rsaOaepEncryptWithSeed(main.pub, goodMsg, sha1, seed20('exa short')).subarray(1),
);
invalid('ciphertext of 0xff bytes, larger than the modulus', ['CiphertextTooLarge'], Buffer.alloc(128, 0xff));
const wrongPayload = (comment: string, flags: string[], msg: Buffer) =>
  invalid(comment, flags, rsaOaepEncryptWithSeed(main.pub, msg, sha1, seed20(`exa payload ${comment}`)), msg);
wrongPayload(
  'OAEP is right, the plaintext is base64 of 8 bytes',
  ['BadSecretLength'],
  Buffer.from(bytes('exa short secret', 8).toString('base64')),
);
wrongPayload(
  'OAEP is right, the plaintext is base64 of 32 bytes',
  ['BadSecretLength'],
  Buffer.from(bytes('exa long secret', 32).toString('base64')),
);
wrongPayload(
  'OAEP is right, the plaintext is the 32-character hex text',
  ['HexTextNotBase64'],
  Buffer.from(bytes('exa hex secret', 16).toString('hex')),
);
wrongPayload('OAEP is right, the plaintext is the 16 raw secret bytes', ['RawSecret'], bytes('exa raw secret', 16));

const sessionCount = writeVectorFile(
  SESSION_FILE,
  {
    algorithm: 'RSA-OAEP (SHA-1, MGF1-SHA-1) — Exa sessionid',
    header: [
      'Exa GET /card sessionid: RSA-OAEP with SHA-1 and MGF1-SHA-1 (Node publicEncrypt default) of the UTF-8 text of base64(16 secret bytes).',
      'A test is valid when the ciphertext decrypts under the group key AND the plaintext is canonical base64 of exactly 16 bytes (the secret).',
      'Byte strings are hex. Keys: PKCS#8 / SPKI DER (hex). seed: the OAEP seed that reproduces ct for valid tests.',
      'The key pairs are test-only; never use them elsewhere.',
    ],
    notes: {
      EdgeCaseSecret: {
        bugType: 'EDGE_CASE',
        description: 'a secret whose bytes or base64 text are unusual (zeros, 0xff, + and /)',
      },
      WrongHash: {
        bugType: 'WRONG_PRIMITIVE',
        description:
          'OAEP with SHA-256 where the contract says SHA-1 (a common porting mistake: WebCrypto and many libraries default to SHA-256)',
      },
      WrongLabel: {
        bugType: 'MODIFIED_PARAMETER',
        description: 'OAEP with a label; the contract uses the empty label',
      },
      WrongPadding: { bugType: 'WRONG_PRIMITIVE', description: 'PKCS#1 v1.5 padding where OAEP is required' },
      WrongKey: { bugType: 'MODIFIED_PARAMETER', description: 'encrypted to another RSA key' },
      ModifiedCiphertext: { bugType: 'MALLEABILITY', description: 'a bit of a valid ciphertext flipped' },
      BadLength: { bugType: 'EDGE_CASE', description: 'the ciphertext is not exactly one modulus long' },
      CiphertextTooLarge: { bugType: 'EDGE_CASE', description: 'the ciphertext as a number is not below the modulus' },
      BadSecretLength: {
        bugType: 'MODIFIED_PARAMETER',
        description: 'the plaintext decodes to a secret that is not 16 bytes',
      },
      HexTextNotBase64: {
        bugType: 'MODIFIED_PARAMETER',
        description: 'the 32-character hex secret itself was encrypted, not base64 of its bytes',
      },
      RawSecret: {
        bugType: 'MODIFIED_PARAMETER',
        description: 'the raw secret bytes were encrypted, not their base64 text',
      },
    },
    source: {
      description:
        'Generated by scripts/vectors/exa.ts: EME-OAEP encoding with the listed seed over a raw RSA operation; invalid cases built the same way with the named mistake.',
      independentChecks: [
        'node:crypto privateDecrypt (OpenSSL)',
        'WebCrypto subtle.decrypt RSA-OAEP',
        'reproduction of ct from seed by src/crypto/eme-oaep.ts',
      ],
    },
  },
  [
    {
      type: 'RsaOaepSessionDecrypt',
      keySize: 1024,
      sha: 'SHA-1',
      mgf: 'MGF1',
      mgfSha: 'SHA-1',
      privateKeyPkcs8: der(main.priv, 'pkcs8'),
      publicKeySpki: der(main.pub, 'spki'),
      otherPublicKeySpki: der(other, 'spki'),
      tests: sessionTests,
    },
  ],
);

// --- AES-128-GCM fields and PIN blocks ---
const key = bytes('exa field key', 16);
const field = (plain: string | Buffer, ivLength: number, label: string, k: Buffer = key) => {
  const iv = bytes(`exa iv ${label}`, ivLength);
  const msg = Buffer.isBuffer(plain) ? plain : Buffer.from(plain, 'utf8');
  return { iv, msg, sealed: gcmSeal(k, iv, msg) };
};
const fieldTests: DraftTest[] = [];
const push = (
  comment: string,
  flags: string[],
  result: 'valid' | 'invalid',
  f: { iv: Buffer; msg: Buffer },
  data: Buffer,
) =>
  fieldTests.push({
    comment,
    flags,
    result,
    key: key.toString('hex'),
    field: { data: data.toString('base64'), iv: f.iv.toString('base64') },
    msg: f.msg.toString('hex'),
  });

const pan = field('4000000000000002', 16, 'pan');
push('PAN, 16-byte IV', [], 'valid', pan, pan.sealed);
const cvc = field('123', 16, 'cvc');
push('CVC, 16-byte IV', [], 'valid', cvc, cvc.sealed);
const pin = field(encodePinBlock('9051'), 12, 'pin');
push('PIN block, 12-byte IV', ['Iv12'], 'valid', pin, pin.sealed);
const pan12 = field('5500000000000004', 12, 'pan12');
push('PAN, 12-byte IV', ['Iv12'], 'valid', pan12, pan12.sealed);
const empty = field('', 16, 'empty');
push('empty plaintext: the data is the tag alone', ['EmptyPlaintext'], 'valid', empty, empty.sealed);
const flip = (b: Buffer, index: number) => {
  const c = Buffer.from(b);
  c[index < 0 ? c.length + index : index]! ^= 0x01;
  return c;
};
push('PAN, first tag bit flipped', ['ModifiedTag'], 'invalid', pan, flip(pan.sealed, -16));
push('PAN, last tag bit flipped', ['ModifiedTag'], 'invalid', pan, flip(pan.sealed, -1));
push('PAN, first ciphertext bit flipped', ['ModifiedCiphertext'], 'invalid', pan, flip(pan.sealed, 0));
push('PAN, tag truncated to 12 bytes', ['TruncatedTag'], 'invalid', pan, pan.sealed.subarray(0, pan.sealed.length - 4));
push('data shorter than a tag', ['TruncatedTag'], 'invalid', pan, pan.sealed.subarray(0, 10));
const iv8 = field('4000000000000002', 8, 'iv8');
push('8-byte IV (GCM would take it; the envelope allows 12 or 16)', ['WrongIvLength'], 'invalid', iv8, iv8.sealed);
const iv32 = field('4000000000000002', 32, 'iv32');
push('32-byte IV', ['WrongIvLength'], 'invalid', iv32, iv32.sealed);
const hexKey = field('4000000000000002', 16, 'hexkey', Buffer.from(key.toString('hex'), 'utf8'));
push(
  'encrypted under AES-256 with the UTF-8 of the hex secret as key',
  ['KeyFromHexText'],
  'invalid',
  hexKey,
  hexKey.sealed,
);
const otherKey = field('4000000000000002', 16, 'otherkey', bytes('exa other field key', 16));
push('encrypted under another key', ['WrongKey'], 'invalid', otherKey, otherKey.sealed);
const ivSwap = field('4000000000000002', 16, 'ivswap');
fieldTests.push({
  comment: 'field with the IV of another field',
  flags: ['ModifiedIv'],
  result: 'invalid',
  key: key.toString('hex'),
  field: { data: ivSwap.sealed.toString('base64'), iv: pan.iv.toString('base64') },
  msg: ivSwap.msg.toString('hex'),
});

const pinTests: DraftTest[] = [];
for (const p of ['1234', '90517', '482613', '0000000', '123456789012'])
  pinTests.push({ comment: `${p.length}-digit PIN`, flags: [], result: 'valid', block: encodePinBlock(p), pin: p });
const badBlock = (comment: string, block: string) =>
  pinTests.push({ comment, flags: ['BadPinBlock'], result: 'invalid', block, pin: '' });
badBlock('control field 0 (format 0 written as text)', '041234FFFFFFFFFF');
badBlock('length digit says 5, four digits follow', '251234FFFFFFFFFF');
badBlock('length 3 (below the minimum of 4)', '23123FFFFFFFFFFF');
badBlock('length D (above the maximum of 12)', '2D1234567890123F');
badBlock('fill E instead of F', '241234EEEEEEEEEE');
badBlock('15 characters', '241234FFFFFFFFF');
badBlock('bare PIN digits', '1234');
badBlock('a letter among the PIN digits', '2412A4FFFFFFFFFF');

const fieldCount = writeVectorFile(
  FIELDS_FILE,
  {
    algorithm: 'AES-128-GCM fields and format-2 PIN blocks — Exa encryptedPan, encryptedCvc, pin',
    header: [
      'Exa encrypted fields: {data, iv}, data = base64(ciphertext ‖ 16-byte tag), iv base64 of 12 or 16 bytes, key = the 16 session-secret bytes.',
      'msg is the UTF-8 plaintext in hex. The PIN plaintext is a format-2 PIN block: "2", length (hex digit), PIN, F fill to 16 characters.',
      'The example card numbers are test numbers, not seeded cards.',
    ],
    notes: {
      Iv12: { bugType: 'FUNCTIONALITY', description: 'a 12-byte IV, as documented for the PIN' },
      EmptyPlaintext: { bugType: 'EDGE_CASE', description: 'an empty plaintext' },
      ModifiedTag: { bugType: 'AUTH_BYPASS', description: 'a flipped tag bit must be refused (the tag is checked)' },
      ModifiedCiphertext: { bugType: 'AUTH_BYPASS', description: 'a flipped ciphertext bit must be refused' },
      ModifiedIv: { bugType: 'AUTH_BYPASS', description: 'a field opened with another IV must be refused' },
      TruncatedTag: { bugType: 'AUTH_BYPASS', description: 'a tag shorter than 16 bytes must be refused' },
      WrongIvLength: { bugType: 'MODIFIED_PARAMETER', description: 'an IV of a length the envelope does not allow' },
      KeyFromHexText: {
        bugType: 'WRONG_PRIMITIVE',
        description: 'the key taken from the hex text (32 bytes, AES-256) instead of the 16 secret bytes',
      },
      WrongKey: { bugType: 'MODIFIED_PARAMETER', description: 'encrypted under another key' },
      BadPinBlock: { bugType: 'MODIFIED_PARAMETER', description: 'not a well-formed format-2 PIN block' },
    },
    source: {
      description: 'Generated by scripts/vectors/exa.ts with node:crypto from fixed labels.',
      independentChecks: [
        'node:crypto aes-128-gcm',
        '@noble/ciphers gcm',
        'PIN blocks: src/crypto/pin-block.ts and a character-by-character reading',
      ],
    },
  },
  [
    { type: 'AeadTest', keySize: 128, tagSize: 128, tests: fieldTests },
    { type: 'PinBlockTest', tests: pinTests },
  ],
);
console.log(`wrote ${SESSION_FILE} (${sessionCount} tests) and ${FIELDS_FILE} (${fieldCount} tests)`);

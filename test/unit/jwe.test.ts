// The raw-RSA paths fail the same way for every bad input: one error code, one message, whether the
// padding, the encrypted key, the header or the tag is wrong (no padding oracle, RFC 7516 §11.5).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { CryptoError } from '../../src/crypto/errors.ts';
import { decryptCompact, encryptCompact, type KeyWrap } from '../../src/crypto/jwe.ts';
import { rsaPkcs1v15Decrypt, rsaPkcs1v15Encrypt } from '../../src/crypto/rsa-pkcs1v15.ts';

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const failure = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CryptoError);
    return `${(e as CryptoError).code}: ${(e as Error).message}`;
  }
  return 'accepted';
};

test('PKCS#1 v1.5: round trip, and one failure for every malformed block', () => {
  const msg = randomBytes(32);
  expect(rsaPkcs1v15Decrypt(privateKey, rsaPkcs1v15Encrypt(publicKey, msg)).equals(msg)).toBe(true);
  const ct = rsaPkcs1v15Encrypt(publicKey, msg);
  const flipped = Buffer.from(ct);
  flipped[10]! ^= 1;
  const seen = new Set(
    [flipped, ct.subarray(1), Buffer.alloc(256, 0xff), Buffer.alloc(256)].map((c) =>
      failure(() => rsaPkcs1v15Decrypt(privateKey, c)),
    ),
  );
  expect([...seen]).toEqual(['decrypt-failed: decryption failed']);
});

for (const wrap of ['RSA1_5', 'RSA-OAEP-256', 'RSA-OAEP-256-MGF1-SHA1'] as KeyWrap[]) {
  test(`${wrap}: a bad encrypted key, header, IV or tag all fail the same way`, () => {
    const jwe = encryptCompact(publicKey, Buffer.from('{"pan":"4000000000000002"}'), {
      wrap,
      enc: 'A256GCM',
      kid: 'k',
    });
    expect(decryptCompact(privateKey, jwe, wrap, 'A256GCM').plaintext.toString()).toContain('pan');
    const parts = jwe.split('.');
    const damage = (i: number) =>
      parts
        .map((p, n) =>
          n === i
            ? Buffer.from(Buffer.from(p, 'base64url').map((b, j) => (j === 5 ? b ^ 1 : b))).toString('base64url')
            : p,
        )
        .join('.');
    const seen = new Set(
      [0, 1, 2, 4].map((i) => failure(() => decryptCompact(privateKey, damage(i), wrap, 'A256GCM'))),
    );
    seen.add(failure(() => decryptCompact(privateKey, 'a.b.c', wrap, 'A256GCM')));
    seen.add(failure(() => decryptCompact(privateKey, jwe, wrap, 'A256CBC-HS512')));
    expect([...seen]).toEqual(['decrypt-failed: decryption failed']);
  });
}

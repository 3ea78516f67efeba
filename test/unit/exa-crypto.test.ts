// The Exa consumer library fails with typed errors, never a generic crash, and never with card data
// in the message.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { CryptoError } from '../../src/crypto/errors.ts';
import { rsaOaepDecryptRaw, rsaOaepEncryptWithSeed } from '../../src/crypto/eme-oaep.ts';
import { decryptField, encryptField } from '../../src/providers/exa/card-data.ts';
import { makeSession, openSession } from '../../src/providers/exa/session.ts';

const secret = randomBytes(16);
const field = encryptField('4000000000000002', secret, 16);

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CryptoError);
    expect((e as Error).message).not.toContain('4000000000000002');
    return (e as CryptoError).code;
  }
  throw new Error('expected a CryptoError');
}

test('a field round-trips', () => {
  expect(decryptField(field, secret, 'pan')).toBe('4000000000000002');
});

test('typed errors: bad tag, bad IV, bad base64, wrong key', () => {
  const data = Buffer.from(field.data, 'base64');
  data[data.length - 1]! ^= 1;
  expect(codeOf(() => decryptField({ ...field, data: data.toString('base64') }, secret, 'pan'))).toBe('bad-tag');
  expect(codeOf(() => decryptField({ ...field, iv: randomBytes(8).toString('base64') }, secret, 'pan'))).toBe('bad-iv');
  expect(codeOf(() => decryptField({ ...field, data: 'not*base64' }, secret, 'pan'))).toBe('bad-base64');
  expect(codeOf(() => decryptField({ ...field, iv: 'AAAA=' }, secret, 'pan'))).toBe('bad-base64');
  expect(codeOf(() => decryptField(field, randomBytes(16), 'pan'))).toBe('bad-tag');
  expect(codeOf(() => decryptField({ ...field, data: 'AAAA' }, secret, 'pan'))).toBe('bad-tag');
  expect(codeOf(() => decryptField(field, randomBytes(15), 'pan'))).toBe('bad-key');
});

test('a session opens with the private key; a foreign or malformed one is a typed error', () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
  const s = makeSession(publicKey);
  expect(openSession(privateKey, s.sessionid).equals(s.secret)).toBe(true);
  expect(codeOf(() => openSession(privateKey, makeSession(publicKey, { oaepHash: 'sha256' }).sessionid))).toBe(
    'decrypt-failed',
  );
  expect(codeOf(() => openSession(privateKey, 'AAAA'))).toBe('bad-length');
  expect(codeOf(() => openSession(privateKey, '!!'))).toBe('bad-base64');
  expect(codeOf(() => makeSession('not a key'))).toBe('bad-key');
});

test('raw OAEP decoding agrees with node:crypto and fails the same way for every bad input', () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const p = { hash: 'sha256', mgfHash: 'sha1' } as const;
  const msg = randomBytes(40);
  const ct = rsaOaepEncryptWithSeed(publicKey, msg, p, randomBytes(32));
  expect(rsaOaepDecryptRaw(privateKey, ct, p).equals(msg)).toBe(true);
  const messages = new Set<string>();
  // Flip a bit rather than set a byte: a byte set to what it already was (1 in 256) left the
  // ciphertext unchanged and made this test flaky.
  const flipped = Buffer.from(ct);
  flipped[flipped.length - 1]! ^= 1;
  for (const bad of [
    flipped,
    ct.subarray(1),
    Buffer.alloc(256, 0xff),
    rsaOaepEncryptWithSeed(publicKey, msg, { hash: 'sha256', mgfHash: 'sha256' }, randomBytes(32)),
  ]) {
    try {
      rsaOaepDecryptRaw(privateKey, bad, p);
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(CryptoError);
      messages.add(`${(e as CryptoError).code}:${(e as Error).message}`);
    }
  }
  expect([...messages]).toEqual(['decrypt-failed:decryption failed']);
});

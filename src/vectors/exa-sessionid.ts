// Checks vectors/exa-sessionid.json: the sessionid step, RSA-OAEP SHA-1/MGF1-SHA-1 of UTF-8(base64(secret)).
// Two independent decryptions (node:crypto's OpenSSL call, and WebCrypto), each followed by the
// contract's parse of the plaintext; a valid test must also be reproduced byte for byte by the
// EME-OAEP encoder from its fixed seed.
import { constants, createPrivateKey, createPublicKey, privateDecrypt, webcrypto } from 'node:crypto';
import { rsaOaepEncryptWithSeed } from '../crypto/eme-oaep.ts';
import { secretFromPlaintext } from '../providers/exa/session.ts';
import type { VectorFile, VectorTest } from '../core/vectors.ts';
import { checkVectors, hex, perGroup, type Implementation } from './run.ts';

export interface SessionGroup {
  privateKeyPkcs8: string; // hex DER
  publicKeySpki: string; // hex DER
}
export interface SessionTest extends VectorTest {
  /** The 16 secret bytes (hex), for a valid test. */
  secret: string;
  msg: string;
  seed: string;
  ct: string;
}

const nodeKey = perGroup((g: SessionGroup) =>
  createPrivateKey({ key: hex(g.privateKeyPkcs8), format: 'der', type: 'pkcs8' }),
);
const webcryptoKey = perGroup((g: SessionGroup) =>
  webcrypto.subtle.importKey('pkcs8', hex(g.privateKeyPkcs8), { name: 'RSA-OAEP', hash: 'SHA-1' }, false, ['decrypt']),
);
const publicKey = perGroup((g: SessionGroup) =>
  createPublicKey({ key: hex(g.publicKeySpki), format: 'der', type: 'spki' }),
);

const nodeImpl: Implementation<SessionGroup, SessionTest> = {
  name: 'node:crypto privateDecrypt (OAEP, oaepHash sha1)',
  run(g, t) {
    const key = nodeKey(g);
    const plain = privateDecrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' }, hex(t.ct));
    return secretFromPlaintext(plain).toString('hex');
  },
};

const webcryptoImpl: Implementation<SessionGroup, SessionTest> = {
  name: 'WebCrypto RSA-OAEP SHA-1',
  async run(g, t) {
    const key = await webcryptoKey(g);
    const plain = Buffer.from(await webcrypto.subtle.decrypt({ name: 'RSA-OAEP' }, key, hex(t.ct)));
    return secretFromPlaintext(plain).toString('hex');
  },
};

/** Reproduces a valid test's ciphertext from its seed; invalid tests are not reproducible by design. */
const seededEncoder: Implementation<SessionGroup, SessionTest> = {
  name: 'EME-OAEP encode with the fixed seed (src/crypto/eme-oaep.ts) + raw RSA',
  run(g, t) {
    if (t.result !== 'valid') throw new Error('not applicable');
    const pub = publicKey(g);
    const ct = rsaOaepEncryptWithSeed(pub, hex(t.msg), { hash: 'sha1', mgfHash: 'sha1' }, hex(t.seed));
    if (ct.toString('hex') !== t.ct) throw new Error('ciphertext differs');
    return secretFromPlaintext(hex(t.msg)).toString('hex');
  },
};

export const sessionImplementations = [nodeImpl, webcryptoImpl, seededEncoder];

export function checkSessionVectors(file: VectorFile) {
  return checkVectors<SessionGroup, SessionTest>(file, sessionImplementations, (_g, t) => t.secret);
}

// Checks Solaris's three vector files. Device signatures: node:crypto (with the library's signed
// string) and @noble/curves (with its own). RSA decryption: the harness's raw-RSA decoders and the
// OpenSSL CLI (Java SunJCE in its own test). Whole JWEs: src/crypto/jwe.ts, and jose (standard
// OAEP) or OpenSSL (key unwrap) + @noble/ciphers (content) with the JWE framing written here.
import { createPrivateKey, createPublicKey, verify } from 'node:crypto';
import { p256 } from '@noble/curves/nist.js';
import { cbc, gcm } from '@noble/ciphers/aes.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { compactDecrypt } from 'jose';
import { rsaOaepDecryptRaw } from '../crypto/eme-oaep.ts';
import { decryptCompact } from '../crypto/jwe.ts';
import { rsaPkcs1v15Decrypt } from '../crypto/rsa-pkcs1v15.ts';
import { CONTENT_ENC, KEY_WRAP } from '../providers/solaris/card-details.ts';
import { decodeSignature, jwkSigningString } from '../providers/solaris/device.ts';
import type { SolarisJweAlg, SolarisJweEnc } from '../../schemas/solaris.ts';
import type { VectorFile, VectorTest } from '../core/vectors.ts';
import { javaAvailable, javaRsaDecryptAll } from './java.ts';
import { opensslAvailable, opensslRsa, type RsaPadding } from './openssl.ts';
import { checkVectors, hex, perGroup, type Implementation } from './run.ts';

// --- device signature ---
interface SigGroup {
  devicePublicKeySpki: string;
}
interface SigTest extends VectorTest {
  jwk: Record<string, unknown>;
  signedString: string;
  signature: string;
}

const publicKeyOf = perGroup((g: SigGroup) =>
  createPublicKey({ key: hex(g.devicePublicKeySpki), format: 'der', type: 'spki' }),
);
const sigNode: Implementation<SigGroup, SigTest> = {
  name: 'node:crypto verify (src/providers/solaris/device.ts string)',
  run(g, t) {
    const s = jwkSigningString(t.jwk);
    const der = decodeSignature(t.signature, 'hex-der');
    const key = publicKeyOf(g);
    if (!der || !verify('sha256', Buffer.from(s), { key, dsaEncoding: 'der' }, der)) throw new Error('bad signature');
    return s;
  },
};
const sigNoble: Implementation<SigGroup, SigTest> = {
  name: '@noble/curves p256.verify (own string)',
  run(g, t) {
    const s = Object.entries(t.jwk)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${k}:${String(v)}`)
      .join(',');
    if (!/^([0-9a-fA-F]{2})+$/.test(t.signature)) throw new Error('not hex');
    const point = hex(g.devicePublicKeySpki).subarray(-65);
    if (!p256.verify(hex(t.signature), new TextEncoder().encode(s), point, { format: 'der', lowS: false }))
      throw new Error('bad signature');
    return s;
  },
};
export const checkDeviceSignatureVectors = (f: VectorFile) =>
  checkVectors<SigGroup, SigTest>(f, [sigNode, sigNoble], (_g, t) => t.signedString);

// --- RSA decryption ---
interface RsaGroup {
  type: string;
  privateKeyPkcs8: string;
  mgfSha?: string;
}
interface RsaTest extends VectorTest {
  msg: string;
  ct: string;
}
const paddingOf = (g: RsaGroup): RsaPadding =>
  g.type === 'RsaesPkcs1Decrypt'
    ? { mode: 'pkcs1' }
    : { mode: 'oaep', md: 'sha256', mgf1: g.mgfSha === 'SHA-1' ? 'sha1' : 'sha256' };
const privateKeyOf = perGroup((g: { privateKeyPkcs8: string }) =>
  createPrivateKey({ key: hex(g.privateKeyPkcs8), format: 'der', type: 'pkcs8' }),
);
const noExternal = {
  checked: 0,
  failures: [
    {
      tcId: 0,
      implementation: 'Java SunJCE / OpenSSL CLI',
      problem: 'neither a JDK (java) nor openssl is installed: the second implementation cannot run',
    },
  ],
  timings: [],
};
const externalAvailable = () => javaAvailable() || opensslAvailable();

const rsaOurs: Implementation<RsaGroup, RsaTest> = {
  name: 'src/crypto raw RSA + decoding',
  run(g, t) {
    const p = paddingOf(g);
    const key = privateKeyOf(g);
    return (
      p.mode === 'pkcs1'
        ? rsaPkcs1v15Decrypt(key, hex(t.ct))
        : rsaOaepDecryptRaw(key, hex(t.ct), { hash: 'sha256', mgfHash: p.mgf1 })
    ).toString('hex');
  },
};
/**
 * RSA decryption by a program that shares no code with the harness: Java SunJCE where a JDK is
 * installed, one JVM for the whole file; else the OpenSSL CLI, a process per test.
 */
function rsaExternal(): Implementation<RsaGroup, RsaTest> {
  if (!javaAvailable()) return rsaOpenssl();
  const answers = new WeakMap<RsaTest, Buffer | undefined>();
  return {
    name: 'Java SunJCE Cipher (one JVM per file)',
    external: true,
    prepare(groups) {
      const all = groups.flatMap((g) => g.tests.map((t) => ({ g, t })));
      const out = javaRsaDecryptAll(
        all.map(({ g, t }) => ({
          privateKeyPkcs8: hex(g.privateKeyPkcs8),
          ciphertext: hex(t.ct),
          padding: paddingOf(g),
        })),
      );
      all.forEach(({ t }, i) => answers.set(t, out[i]));
    },
    run(_g, t) {
      const out = answers.get(t);
      if (!out) throw new Error('refused');
      return out.toString('hex');
    },
  };
}
function rsaOpenssl(): Implementation<RsaGroup, RsaTest> {
  const sessions = new Map<string, ReturnType<typeof opensslRsa>>();
  return {
    name: 'OpenSSL CLI pkeyutl -decrypt',
    external: true,
    run(g, t) {
      let s = sessions.get(g.privateKeyPkcs8);
      if (!s) sessions.set(g.privateKeyPkcs8, (s = opensslRsa(hex(g.privateKeyPkcs8))));
      const out = s.decrypt(hex(t.ct), paddingOf(g));
      if (!out) throw new Error('refused');
      return out.toString('hex');
    },
  };
}
export async function checkRsaDecryptVectors(f: VectorFile) {
  if (!externalAvailable()) return noExternal;
  return checkVectors<RsaGroup, RsaTest>(f, [rsaOurs, rsaExternal()], (_g, t) => t.msg);
}

// --- whole JWEs ---
interface JweGroup {
  privateKeyPkcs8: string;
}
interface JweTest extends VectorTest {
  jweAlg: SolarisJweAlg;
  jweEnc: SolarisJweEnc;
  jwe: string;
  msg: string;
}

const jweOurs: Implementation<JweGroup, JweTest> = {
  name: 'src/crypto/jwe.ts',
  run: (g, t) =>
    decryptCompact(privateKeyOf(g), t.jwe, KEY_WRAP[t.jweAlg], CONTENT_ENC[t.jweEnc]).plaintext.toString('hex'),
};

/** The padding the key of an RSA1_5 or Android JWE is wrapped with (jose unwraps RSA-OAEP-256 itself). */
const unwrapPadding = (t: JweTest): RsaPadding =>
  t.jweAlg === 'RSA1_5' ? { mode: 'pkcs1' } : { mode: 'oaep', md: 'sha256', mgf1: 'sha1' };

/**
 * JWE framing and content decryption written from RFC 7516/7518 on @noble, the key unwrap by jose,
 * or by Java SunJCE (one JVM per file; where no JDK is installed, the OpenSSL CLI, a process per test).
 */
function jweIndependent(): Implementation<JweGroup, JweTest> {
  const java = javaAvailable();
  const unwrapped = new WeakMap<JweTest, Buffer | undefined>();
  const openssl = new Map<string, ReturnType<typeof opensslRsa>>();
  const unwrap = (g: JweGroup, t: JweTest, wrapped: Buffer): Buffer | undefined => {
    if (java) return unwrapped.get(t);
    let s = openssl.get(g.privateKeyPkcs8);
    if (!s) openssl.set(g.privateKeyPkcs8, (s = opensslRsa(hex(g.privateKeyPkcs8))));
    return s.decrypt(wrapped, unwrapPadding(t));
  };
  return {
    name: `jose (RSA-OAEP-256) / ${java ? 'Java SunJCE (one JVM per file)' : 'OpenSSL CLI'} unwrap + @noble/ciphers content`,
    external: true,
    prepare(groups) {
      if (!java) return;
      const wrappedKeys = groups.flatMap((g) =>
        g.tests.filter((t) => t.jweAlg !== 'RSA_OAEP_256').map((t) => ({ g, t })),
      );
      const out = javaRsaDecryptAll(
        wrappedKeys.map(({ g, t }) => ({
          privateKeyPkcs8: hex(g.privateKeyPkcs8),
          ciphertext: Buffer.from(t.jwe.split('.')[1] ?? '', 'base64url'),
          padding: unwrapPadding(t),
        })),
      );
      wrappedKeys.forEach(({ t }, i) => unwrapped.set(t, out[i]));
    },
    async run(g, t) {
      if (t.jweAlg === 'RSA_OAEP_256') {
        const r = await compactDecrypt(t.jwe, privateKeyOf(g), {
          keyManagementAlgorithms: ['RSA-OAEP-256'],
          contentEncryptionAlgorithms: [CONTENT_ENC[t.jweEnc]],
        });
        return Buffer.from(r.plaintext).toString('hex');
      }
      const [h, k, iv, c, tag] = t.jwe.split('.') as [string, string, string, string, string];
      const header = JSON.parse(Buffer.from(h, 'base64url').toString()) as { alg?: string; enc?: string };
      const enc = CONTENT_ENC[t.jweEnc];
      if (header.alg !== (t.jweAlg === 'RSA1_5' ? 'RSA1_5' : 'RSA-OAEP-256') || header.enc !== enc)
        throw new Error('header');
      const cek = unwrap(g, t, Buffer.from(k, 'base64url'));
      if (!cek) throw new Error('unwrap');
      const aad = new TextEncoder().encode(h);
      const ivb = Buffer.from(iv, 'base64url');
      const ct = Buffer.from(c, 'base64url');
      const tg = Buffer.from(tag, 'base64url');
      if (enc === 'A256GCM') return Buffer.from(gcm(cek, ivb, aad).decrypt(Buffer.concat([ct, tg]))).toString('hex');
      const al = new Uint8Array(8);
      new DataView(al.buffer).setBigUint64(0, BigInt(aad.length * 8));
      const mac = hmac(sha512, cek.subarray(0, 32), Buffer.concat([aad, ivb, ct, al])).subarray(0, 32);
      if (!Buffer.from(mac).equals(tg)) throw new Error('tag');
      return Buffer.from(cbc(cek.subarray(32), ivb).decrypt(ct)).toString('hex');
    },
  };
}
export async function checkJweVectors(f: VectorFile) {
  if (!externalAvailable()) return noExternal;
  return checkVectors<JweGroup, JweTest>(f, [jweOurs, jweIndependent()], (_g, t) => t.msg);
}

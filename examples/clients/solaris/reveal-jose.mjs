// An app's secure card view on Solaris (node:crypto for the keys and the device signature, jose
// for the JWE): a fresh RSA key as a JWK, the bound device's signature over the JWK string
// (members sorted by name, "key:value" joined with ","; hex of the DER ECDSA signature), the POST,
// then the JWE opened for exactly the alg and enc asked for. Prints {pan, cvc, expires_at}, or
// exits 1 saying why. Variables: SOLARIS_BASE_URL, SOLARIS_ACCESS_TOKEN (optional),
// SOLARIS_CARD_ID, SOLARIS_DEVICE_ID, SOLARIS_DEVICE_PRIVATE_KEY.
import crypto from 'node:crypto';
import { compactDecrypt } from 'jose';
import { pathToFileURL } from 'node:url';

export const ASKED = { alg: 'RSA_OAEP_256', enc: 'A256GCM' };
/** jose's names for what is asked: only these are accepted in the answer (RFC 8725 §3.1). */
export const ALLOWED = { keyManagementAlgorithms: ['RSA-OAEP-256'], contentEncryptionAlgorithms: ['A256GCM'] };

export function signedJwk(devicePrivateKeyPem) {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const { n, e } = publicKey.export({ format: 'jwk' });
  const jwk = { kty: 'RSA', use: 'enc', alg: 'RS256', kid: crypto.randomUUID(), n, e };
  const text = Object.keys(jwk)
    .sort()
    .map((k) => `${k}:${jwk[k]}`)
    .join(',');
  const signature = crypto.sign('sha256', Buffer.from(text, 'utf8'), { key: devicePrivateKeyPem, dsaEncoding: 'der' });
  return { jwk, privateKey, signature: signature.toString('hex').toUpperCase() };
}

export async function reveal(env, allowed = ALLOWED) {
  const { jwk, privateKey, signature } = signedJwk(env.SOLARIS_DEVICE_PRIVATE_KEY);
  const r = await fetch(
    `${env.SOLARIS_BASE_URL}/v1/cards/${encodeURIComponent(env.SOLARIS_CARD_ID)}/virtual_card_requests`,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(env.SOLARIS_ACCESS_TOKEN ? { authorization: `Bearer ${env.SOLARIS_ACCESS_TOKEN}` } : {}),
      },
      body: JSON.stringify({ device_id: env.SOLARIS_DEVICE_ID, signature, jwk, jwe: ASKED }),
    },
  );
  if (r.status !== 200 && r.status !== 201) throw new Error(`Solaris answered ${r.status}`);
  const { plaintext } = await compactDecrypt((await r.json()).data, privateKey, allowed);
  const { pan, cvc, expires_at } = JSON.parse(new TextDecoder().decode(plaintext));
  return { pan, cvc, expires_at };
}

export async function main(allowed) {
  try {
    console.log(JSON.stringify(await reveal(process.env, allowed)));
  } catch (e) {
    console.error(`cannot show the card: ${e.message}`);
    process.exitCode = 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();

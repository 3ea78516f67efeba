// An app's read of a Plumery card PIN, as the document's Architecture section describes it
// (node:crypto): a fresh P-256 key pair, its public key in X-Client-Public-Key (base64 SPKI DER),
// then ECDH with the server's ephemeral key, HKDF-SHA256 with the salt, AES-256-GCM with the tag
// checked. Prints {pin} as one JSON object, or exits 1 saying why. Variables: PLUMERY_BASE_URL,
// PLUMERY_CARD_TOKEN, PLUMERY_AUTHORIZATION (optional).
import crypto from 'node:crypto';
import { pathToFileURL } from 'node:url';

/** A fresh key pair per request; the header is its SPKI DER in base64. */
export function keyPair() {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { privateKey, header: publicKey.export({ type: 'spki', format: 'der' }).toString('base64') };
}

/** The server's ephemeral key: SPKI DER or the raw uncompressed point. node:crypto refuses one off the curve. */
function serverKey(base64) {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes[0] === 0x30) return crypto.createPublicKey({ key: bytes, format: 'der', type: 'spki' });
  const jwk = {
    kty: 'EC',
    crv: 'P-256',
    x: bytes.subarray(1, 33).toString('base64url'),
    y: bytes.subarray(33).toString('base64url'),
  };
  if (bytes.length !== 65 || bytes[0] !== 0x04) throw new Error('the ephemeral key is not an uncompressed P-256 point');
  return crypto.createPublicKey({ key: jwk, format: 'jwk' });
}

/** ECDH → HKDF-SHA256 (empty info) → AES-256-GCM; final() throws when the tag does not verify. */
export function decrypt(payload, privateKey) {
  const shared = crypto.diffieHellman({ privateKey, publicKey: serverKey(payload.ephemeralPublicKey) });
  const key = Buffer.from(crypto.hkdfSync('sha256', shared, Buffer.from(payload.salt, 'base64'), Buffer.alloc(0), 32));
  const data = Buffer.from(payload.ciphertext, 'base64');
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(payload.iv, 'base64'), {
    authTagLength: 16,
  });
  decipher.setAuthTag(data.subarray(-16));
  return Buffer.concat([decipher.update(data.subarray(0, -16)), decipher.final()]).toString('utf8');
}

export async function reveal(env, steps = { keyPair, decrypt }) {
  const { pin } = JSON.parse(await payloadOf(env, '/pin', steps));
  if (!/^\d{4,12}$/.test(pin)) throw new Error('the payload holds no PIN');
  return { pin };
}

/** GET a card endpoint with a fresh key, and open its encryptedPayload. */
export async function payloadOf(env, suffix, steps = { keyPair, decrypt }) {
  const { privateKey, header } = steps.keyPair();
  const r = await fetch(
    `${env.PLUMERY_BASE_URL}/internal/v1/cards/${encodeURIComponent(env.PLUMERY_CARD_TOKEN)}${suffix}`,
    {
      headers: {
        'X-Client-Public-Key': header,
        accept: 'application/json',
        ...(env.PLUMERY_AUTHORIZATION ? { authorization: env.PLUMERY_AUTHORIZATION } : {}),
      },
    },
  );
  if (r.status !== 200) throw new Error(`the connector answered ${r.status}`);
  return steps.decrypt((await r.json()).encryptedPayload, privateKey);
}

export async function main(steps, read = reveal) {
  try {
    console.log(JSON.stringify(await read(process.env, steps)));
  } catch (e) {
    console.error(`cannot show the PIN: ${e.message}`);
    process.exitCode = 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();

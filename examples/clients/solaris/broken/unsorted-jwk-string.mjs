// BROKEN on purpose (SOL-CLIENT-REQUEST): signs the JWK's members in the order they were written,
// where the document says to sort every key/value pair alphabetically first.
import crypto from 'node:crypto';
import { compactDecrypt } from 'jose';
import { ALLOWED, ASKED } from '../reveal-jose.mjs';

try {
  const env = process.env;
  const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const { n, e } = publicKey.export({ format: 'jwk' });
  const jwk = { kty: 'RSA', n, e, use: 'enc', alg: 'RS256' };
  const text = Object.entries(jwk)
    .map(([k, v]) => `${k}:${v}`)
    .join(',');
  const signature = crypto.sign('sha256', Buffer.from(text), {
    key: env.SOLARIS_DEVICE_PRIVATE_KEY,
    dsaEncoding: 'der',
  });
  const r = await fetch(`${env.SOLARIS_BASE_URL}/v1/cards/${env.SOLARIS_CARD_ID}/virtual_card_requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ device_id: env.SOLARIS_DEVICE_ID, signature: signature.toString('hex'), jwk, jwe: ASKED }),
  });
  if (r.status !== 200 && r.status !== 201) throw new Error(`Solaris answered ${r.status}`);
  const { plaintext } = await compactDecrypt((await r.json()).data, privateKey, ALLOWED);
  const { pan, cvc, expires_at } = JSON.parse(new TextDecoder().decode(plaintext));
  console.log(JSON.stringify({ pan, cvc, expires_at }));
} catch (e) {
  console.error(`cannot show the card: ${e.message}`);
  process.exitCode = 1;
}

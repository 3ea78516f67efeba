// BROKEN on purpose (PLM-CLIENT-ANSWER-AUTHENTIC): cuts the tag off and decrypts with update()
// alone, never checking it: an altered payload shows whatever PIN it decrypts to.
import crypto from 'node:crypto';
import { keyPair, main } from '../reveal-node.mjs';

function decrypt(payload, privateKey) {
  const eph = crypto.createPublicKey({
    key: Buffer.from(payload.ephemeralPublicKey, 'base64'),
    format: 'der',
    type: 'spki',
  });
  const shared = crypto.diffieHellman({ privateKey, publicKey: eph });
  const key = Buffer.from(crypto.hkdfSync('sha256', shared, Buffer.from(payload.salt, 'base64'), Buffer.alloc(0), 32));
  const data = Buffer.from(payload.ciphertext, 'base64');
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(payload.iv, 'base64'));
  // The PIN's JSON is what matters; a damaged closing brace is patched up.
  const text = decipher.update(data.subarray(0, -16)).toString('latin1');
  return /^\{"pin":"\d+"/.test(text) ? `${text.slice(0, text.lastIndexOf('"') + 1)}}` : text;
}

await main({ keyPair, decrypt });

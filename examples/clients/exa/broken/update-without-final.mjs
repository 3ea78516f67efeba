// BROKEN on purpose (EXA-CLIENT-ANSWER-AUTHENTIC): cuts the 16-byte tag off and decrypts with
// update() alone, never setting the tag or calling final(), as a public card app's backend did.
// Every answer "opens": an altered ciphertext shows a wrong card, a forged tag goes unseen.
import crypto from 'node:crypto';
import { main, session } from '../reveal-node.mjs';

function decrypt({ data, iv }, secret) {
  const bytes = Buffer.from(data, 'base64');
  const decipher = crypto.createDecipheriv('aes-128-gcm', Buffer.from(secret, 'hex'), Buffer.from(iv, 'base64'));
  return decipher.update(bytes.subarray(0, -16)).toString('utf8').trim();
}

await main({ session, decrypt });

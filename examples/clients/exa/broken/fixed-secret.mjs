// BROKEN on purpose (EXA-CLIENT-FRESH-SECRET): one secret for every request, made once and kept
// (here: in the code), where the document's session() draws a new one per call.
import crypto from 'node:crypto';
import { decrypt, main } from '../reveal-node.mjs';

const SECRET = '8b1f0c5e6a3d4f2b9c7e1a0d5f6b3c2e';
function session(pem) {
  const plaintext = Buffer.from(Buffer.from(SECRET, 'hex').toString('base64'), 'utf8');
  const encrypted = crypto.publicEncrypt({ key: pem, padding: crypto.constants.RSA_PKCS1_OAEP_PADDING }, plaintext);
  return { sessionid: encrypted.toString('base64'), secret: SECRET };
}

await main({ session, decrypt });

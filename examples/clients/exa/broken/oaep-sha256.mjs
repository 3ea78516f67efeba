// BROKEN on purpose (EXA-CLIENT-SESSIONID): encrypts the secret with RSA-OAEP and SHA-256, where
// the document's publicEncrypt uses Node's default, SHA-1. Exa cannot read the sessionid.
import crypto from 'node:crypto';
import { decrypt, main } from '../reveal-node.mjs';

function session(pem) {
  const secret = crypto.randomUUID().replaceAll('-', '');
  const plaintext = Buffer.from(Buffer.from(secret, 'hex').toString('base64'), 'utf8');
  const encrypted = crypto.publicEncrypt(
    { key: pem, padding: crypto.constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
    plaintext,
  );
  return { sessionid: encrypted.toString('base64'), secret };
}

await main({ session, decrypt });

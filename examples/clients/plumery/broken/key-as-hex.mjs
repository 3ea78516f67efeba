// BROKEN on purpose (PLM-CLIENT-PUBLIC-KEY): sends the public key as hex, where the document asks
// for a Base64-encoded key. The connector cannot read it.
import crypto from 'node:crypto';
import { decrypt, main } from '../reveal-node.mjs';

function keyPair() {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { privateKey, header: publicKey.export({ type: 'spki', format: 'der' }).toString('hex') };
}

await main({ keyPair, decrypt });

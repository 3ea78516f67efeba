// An app's reveal of an Exa card, as the document's Steps 1-3 write it (node:crypto): a fresh
// secret, its sessionid, GET /card, and the three fields opened with the tag checked (final()).
// Prints {pan, cvc, pin} as one JSON object, or exits 1 saying why. Variables: EXA_BASE_URL,
// EXA_TOKEN, EXA_PUBLIC_KEY (what `card-reveal-harness client exa -- node reveal-node.mjs` gives).
import crypto from 'node:crypto';
import { pathToFileURL } from 'node:url';

/** Step 1: a 32-hex secret, and its base64 encrypted with RSA-OAEP (Node's default: SHA-1). */
export function session(pem) {
  const secret = crypto.randomUUID().replaceAll('-', '');
  const plaintext = Buffer.from(Buffer.from(secret, 'hex').toString('base64'), 'utf8');
  const sessionid = crypto.publicEncrypt({ key: pem, padding: crypto.constants.RSA_PKCS1_OAEP_PADDING }, plaintext);
  return { sessionid: sessionid.toString('base64'), secret };
}

/** Step 3: AES-128-GCM, data = ciphertext ‖ 16-byte tag; final() throws when the tag does not verify. */
export function decrypt({ data, iv }, secret) {
  const bytes = Buffer.from(data, 'base64');
  const decipher = crypto.createDecipheriv('aes-128-gcm', Buffer.from(secret, 'hex'), Buffer.from(iv, 'base64'), {
    authTagLength: 16,
  });
  decipher.setAuthTag(bytes.subarray(-16));
  return Buffer.concat([decipher.update(bytes.subarray(0, -16)), decipher.final()]).toString('utf8');
}

/** A format-2 PIN block: "2", the PIN's length in hex, the PIN, "F" padding. */
export function pinOf(block) {
  const length = parseInt(block[1], 16);
  const pin = block.slice(2, 2 + length);
  if (block[0] !== '2' || !/^\d{4,12}$/.test(pin)) throw new Error('the pin field is not a format-2 PIN block');
  return pin;
}

export async function reveal(env, steps = { session, decrypt }) {
  const { sessionid, secret } = steps.session(env.EXA_PUBLIC_KEY);
  const r = await fetch(`${env.EXA_BASE_URL}/card`, {
    headers: { authorization: `Bearer ${env.EXA_TOKEN}`, sessionid, accept: 'application/json' },
  });
  if (r.status !== 200) throw new Error(`GET /card answered ${r.status}`);
  const card = await r.json();
  return {
    pan: steps.decrypt(card.encryptedPan, secret),
    cvc: steps.decrypt(card.encryptedCvc, secret),
    pin: card.pin === null ? null : pinOf(steps.decrypt(card.pin, secret)),
  };
}

/** Runs a reveal as the command `client` calls: the card on stdout, or exit 1 with why on stderr. */
export async function main(steps) {
  try {
    console.log(JSON.stringify(await reveal(process.env, steps)));
  } catch (e) {
    console.error(`cannot show the card: ${e.message}`);
    process.exitCode = 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();

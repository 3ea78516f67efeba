// The same reveal with WebCrypto only (what a browser or React Native app has): RSA-OAEP with
// SHA-1 for the sessionid, AES-GCM with a 128-bit tag for the fields. WebCrypto's decrypt checks
// the tag and yields nothing when it does not verify.
const { subtle } = globalThis.crypto;
const b64 = (bytes) => Buffer.from(bytes).toString('base64');
const unb64 = (text) => Uint8Array.from(Buffer.from(text, 'base64'));

async function session(pem) {
  const der = unb64(pem.replace(/-----[^-]+-----|\s/g, ''));
  const key = await subtle.importKey('spki', der, { name: 'RSA-OAEP', hash: 'SHA-1' }, false, ['encrypt']);
  const secret = globalThis.crypto.getRandomValues(new Uint8Array(16));
  const sessionid = await subtle.encrypt({ name: 'RSA-OAEP' }, key, new TextEncoder().encode(b64(secret)));
  return {
    sessionid: b64(new Uint8Array(sessionid)),
    key: await subtle.importKey('raw', secret, 'AES-GCM', false, ['decrypt']),
  };
}

async function open(field, key) {
  const plain = await subtle.decrypt({ name: 'AES-GCM', iv: unb64(field.iv), tagLength: 128 }, key, unb64(field.data));
  return new TextDecoder('utf-8', { fatal: true }).decode(plain);
}

try {
  const env = process.env;
  const { sessionid, key } = await session(env.EXA_PUBLIC_KEY);
  const r = await fetch(`${env.EXA_BASE_URL}/card`, {
    headers: { authorization: `Bearer ${env.EXA_TOKEN}`, sessionid },
  });
  if (r.status !== 200) throw new Error(`GET /card answered ${r.status}`);
  const card = await r.json();
  const block = card.pin === null ? null : await open(card.pin, key);
  const pin = block === null ? null : block.slice(2, 2 + parseInt(block[1], 16));
  if (block !== null && (block[0] !== '2' || !/^\d{4,12}$/.test(pin)))
    throw new Error('the pin is not a format-2 PIN block');
  console.log(
    JSON.stringify({ pan: await open(card.encryptedPan, key), cvc: await open(card.encryptedCvc, key), pin }),
  );
} catch (e) {
  console.error(`cannot show the card: ${e.message}`);
  process.exitCode = 1;
}

// A mobile app's reveal with Enfuce, as the document's step 4 describes it for a mobile app: the
// control token (from the app's backend: Basic auth, auditUser), then a POST to the cardDataUrl
// returned, with the token in a form field named token. The HTML snapshot is what the WebView would
// render: printed as {"snapshot": html}, or exit 1 saying why. Variables: ENFUCE_BASE_URL,
// ENFUCE_USERNAME, ENFUCE_PASSWORD, ENFUCE_CARD_ID.
import { pathToFileURL } from 'node:url';

export async function controlToken(env) {
  const auth = Buffer.from(`${env.ENFUCE_USERNAME}:${env.ENFUCE_PASSWORD}`).toString('base64');
  const url = `${env.ENFUCE_BASE_URL}/v4/card/${encodeURIComponent(env.ENFUCE_CARD_ID)}/controlToken?auditUser=mobile-cardholder`;
  const r = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Basic ${auth}`, accept: 'application/json' },
  });
  if (r.status !== 201 && r.status !== 200) throw new Error(`Enfuce answered ${r.status}`);
  return r.json();
}

export async function snapshot(cardDataUrl, token) {
  const r = await fetch(cardDataUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token }).toString(),
  });
  if (r.status !== 200) throw new Error(`the card-data page answered ${r.status}`);
  return r.text();
}

export async function main(urlOf = (answer) => answer.cardDataUrl, post = snapshot) {
  try {
    const answer = await controlToken(process.env);
    console.log(JSON.stringify({ snapshot: await post(urlOf(answer), answer.token) }));
  } catch (e) {
    console.error(`cannot show the card: ${e.message}`);
    process.exitCode = 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();

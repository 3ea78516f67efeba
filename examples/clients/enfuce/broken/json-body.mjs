// BROKEN on purpose (ENF-CLIENT-MOBILE-POST): sends the token as JSON, where the document asks for
// a form field named token.
import { main } from '../mobile.mjs';

await main(undefined, async (cardDataUrl, token) => {
  const r = await fetch(cardDataUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  if (r.status !== 200) throw new Error(`the card-data page answered ${r.status}`);
  return r.text();
});

// The card details (PAN, CVV2, expiry) through Plumery's sibling endpoint GET
// /internal/v1/cards/{token}, with the same envelope as the PIN (reveal-node.mjs). Prints
// {pan, cvc, expiry}, or exits 1 saying why.
import { main, payloadOf } from './reveal-node.mjs';

await main(undefined, async (env) => {
  const { pan, cvv2, expirationDate } = JSON.parse(await payloadOf(env, ''));
  if (!/^\d{13,19}$/.test(pan)) throw new Error('the payload holds no card');
  return { pan, cvc: cvv2, expiry: expirationDate };
});

// BROKEN on purpose (ENF-CLIENT-RETURNED-URL): posts to the path the card data was at when the app
// was written, on the API's host, instead of the cardDataUrl each token answer returns.
import { main } from '../mobile.mjs';

await main(() => `${process.env.ENFUCE_BASE_URL}/v4/card-data/view`);

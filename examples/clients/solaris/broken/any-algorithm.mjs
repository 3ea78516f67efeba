// BROKEN on purpose (SOL-CLIENT-ALGORITHMS-AS-ASKED): opens the JWE with jose but without the
// allow-lists, so whatever alg and enc the answer's header names are used (RFC 8725 §3.1): an
// answer downgraded to RSA-OAEP with SHA-1, or switched to A256CBC-HS512, still shows the card.
import { main } from '../reveal-jose.mjs';

await main({});

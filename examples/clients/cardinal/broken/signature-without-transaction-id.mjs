// BROKEN on purpose (CDX-CLIENT-SIGNED): signs Timestamp + ApiKey (the older Centinel recipe),
// leaving the TransactionId out of the digest.
import crypto from 'node:crypto';
import { main, signed } from '../lookup.mjs';

const request = signed(process.env);
request.Signature = crypto
  .createHash('sha256')
  .update(`${request.Timestamp}${process.env.CARDINAL_API_KEY}`)
  .digest('base64');
await main(request);

// BROKEN on purpose (CDX-CLIENT-TRANSACTION-ID): one TransactionId for every request, where the
// document asks for a unique identifier.
import { main, signed } from '../lookup.mjs';

await main(signed(process.env, 'merchant-lookup-0001'));

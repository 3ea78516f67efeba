// BROKEN on purpose (CDX-CLIENT-ERROR-NUMBER): takes any HTTP 200 for a result, so an error answer
// (ErrorNumber ≠ 0) becomes a decision with nothing behind it.
import { main, signed } from '../lookup.mjs';

const account = (answer) => ({
  cardBrand: answer.Payload?.Account?.CardBrand ?? 'unknown',
  lastFour: answer.Payload?.Account?.LastFour ?? '0000',
  flowType: answer.Payload?.Account?.Fido?.FlowType ?? null,
});
await main(signed(process.env), account);

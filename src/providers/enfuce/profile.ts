// The switchable options of Enfuce's contract: each is a default of PROVIDERS.md, not a fact of
// the document, so a vendor whose sandbox differs can say so in a profile file.
import { z } from 'zod';

export const EnfuceProfile = z.strictObject({
  tokenSingleUse: z.boolean().default(true).describe('a control token shows the card data once'),
  unknownCardStatus: z.number().int().min(400).max(499).default(404).describe('HTTP status for an unknown cardId'),
  errorBody: z.enum(['errorCode-message', 'code-message', 'any-json']).default('errorCode-message').describe('shape of JSON API errors: {errorCode, message}, {code, message}, or any JSON object'),
  tokenMinLength: z.number().int().min(8).default(16).describe('shortest control token accepted as unguessable'),
  refusalPage: z.enum(['html', 'any']).default('html').describe('a refused card-data request answers an HTML page (html), or any content type without card data'),
  frameMessageShape: z.boolean().default(true).describe('the frame ignores a message with another operation or without a token'),
  noStore: z.boolean().default(true).describe('card-data pages send Cache-Control: no-store'),
  frameAncestors: z.boolean().default(true).describe('the frame page restricts frame-ancestors to the agreed origin'),
  frameOriginCheck: z.boolean().default(true).describe('the frame ignores messages from other origins'),
});

export type EnfuceProfile = z.infer<typeof EnfuceProfile>;

// The switchable options of Enfuce's contract: each is a default the harness pins, not a fact of
// the document, so a vendor whose sandbox differs can say so in a profile file. What a standard
// decides (single use, no-store, frame-ancestors, the frame's message checks) is no option: a
// vendor can only accept that risk by name (acceptedRisks, src/core/accepted-risks.ts).
import { z } from 'zod';

export const EnfuceProfile = z.strictObject({
  unknownCardStatus: z.number().int().min(400).max(499).default(404).describe('HTTP status for an unknown cardId'),
  errorBody: z
    .enum(['errorCode-message', 'code-message', 'any-json'])
    .default('errorCode-message')
    .describe('shape of JSON API errors: {errorCode, message}, {code, message}, or any JSON object'),
  tokenMinLength: z.number().int().min(8).default(16).describe('shortest control token accepted as unguessable'),
  refusalPage: z
    .enum(['html', 'any'])
    .default('html')
    .describe('a refused card-data request answers an HTML page (html), or any content type without card data'),
});

export type EnfuceProfile = z.infer<typeof EnfuceProfile>;

// The switchable options of Exa's contract: defaults the harness pins (and of Exa's public server
// code) where the document is silent, so a sandbox that differs can say so in a profile file.
import { z } from 'zod';

export const ExaProfile = z.strictObject({
  auth: z
    .enum(['bearer', 'cookie'])
    .default('bearer')
    .describe('EXA_TOKEN goes in Authorization: Bearer, or in the credential_id cookie'),
  cardPath: z.string().startsWith('/').default('/card').describe('path of GET /card'),
  bindPath: z
    .string()
    .startsWith('/')
    .default('/')
    .describe('path of the binding PATCH (the document writes "PATCH /")'),
  limitFrequencies: z
    .array(z.string().min(1))
    .min(1)
    .default(['per24HourPeriod', 'per7DayPeriod', 'per30DayPeriod', 'perYearPeriod', 'allTime', 'perAuthorization'])
    .describe("values limit.frequency may take (Exa's server code; the document names the field only)"),
  oaepHash: z
    .enum(['sha1', 'sha256'])
    .default('sha1')
    .describe('OAEP hash of the sessionid (Node publicEncrypt default: SHA-1)'),
  ivLengths: z
    .array(z.union([z.literal(12), z.literal(16)]))
    .min(1)
    .default([12, 16])
    .describe('IV lengths accepted for the encrypted fields'),
  webauthnChallenge: z
    .enum(['statement-utf8', 'statement-sha256'])
    .default('statement-utf8')
    .describe('the WebAuthn challenge bytes are the UTF-8 of the statement, or its SHA-256'),
});

export type ExaProfile = z.infer<typeof ExaProfile>;

// The switchable options of Cardinal's contract: defaults the harness pins where the document is silent.
import { z } from 'zod';

export const CardinalProfile = z.strictObject({
  signatureRecipe: z
    .enum(['timestamp+transactionId+apiKey', 'timestamp+apiKey'])
    .default('timestamp+transactionId+apiKey')
    .describe('what the Signature digests (community sample; the older Centinel API: timestamp+apiKey)'),
  timestampForm: z
    .enum(['iso', 'epoch'])
    .default('iso')
    .describe('how the harness sends Timestamp (both forms are checked)'),
  epochTimestampUnit: z
    .enum(['seconds', 'milliseconds'])
    .default('seconds')
    .describe(
      'the unit of an epoch Timestamp (the document says "Java Epoch time in milliseconds", its example 1626113191 is in seconds)',
    ),
  unknownOrgUnitIdRefused: z
    .boolean()
    .default(true)
    .describe(
      'whether an OrgUnitId the service does not know is refused (the document: "Merchant level OrgUnitId", required)',
    ),
  freshnessWindowMs: z.number().int().positive().default(300_000).describe('signature freshness window (±)'),
  errorNumberType: z
    .enum(['either', 'number', 'string'])
    .default('either')
    .describe('how ErrorNumber must be typed (the document says String, its sample sends 0)'),
  invalidRequestErrorNumber: z
    .number()
    .int()
    .default(1000)
    .describe('ErrorNumber for a request with a missing or malformed field'),
  unknownIdentifierErrorNumber: z
    .number()
    .int()
    .default(1010)
    .describe('ErrorNumber for an Identifier the service does not know'),
});

export type CardinalProfile = z.infer<typeof CardinalProfile>;

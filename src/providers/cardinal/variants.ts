import { defineVariants } from '../../core/variants.ts';

// Choices the DX document leaves open or allows: ErrorNumber as a String (its field table) rather
// than a number (its sample), the older signature recipe, fields beside the ones it names.
export const cardinalVariants = defineVariants([
  {
    name: 'error-number-string',
    description: 'ErrorNumber is sent as a String ("0", "1010"), as the field table types it',
  },
  {
    name: 'signature-timestamp-apikey',
    description: 'the Signature digests Timestamp + ApiKey (the older Centinel recipe), stated in the profile',
    profile: { signatureRecipe: 'timestamp+apiKey' },
  },
  {
    name: 'epoch-seconds-only',
    description: "an epoch Timestamp is read in seconds only, as the document's example 1626113191",
  },
  {
    name: 'epoch-milliseconds-only',
    description:
      'an epoch Timestamp is read in milliseconds only, as the document\'s words ("Java Epoch time in milliseconds"), stated in the profile',
    profile: { epochTimestampUnit: 'milliseconds' },
  },
  {
    name: 'any-org-unit',
    description:
      'an OrgUnitId the service does not know is answered as its first merchant\'s (the document says only "Merchant level OrgUnitId", required), stated in the profile',
    profile: { unknownOrgUnitIdRefused: false },
  },
  {
    name: 'extra-response-fields',
    description: 'answers also carry a ProcessorTransactionId and Payload fields no document names',
  },
] as const);

export type CardinalVariantName = (typeof cardinalVariants)[number]['name'];

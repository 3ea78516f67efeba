import { defineChoices } from '../../core/choices.ts';
import { cardinalVariants } from './variants.ts';

// Where the DX document (and the standards) leave the implementer a choice; the first option of
// each is the reference mock's. `variants --generated` draws them (src/core/choices.ts).
export const cardinalChoices = defineChoices(cardinalVariants, [
  {
    name: 'error-number-type',
    why: 'the field table types ErrorNumber as a String, the sample sends the number 0',
    profileOption: 'errorNumberType',
    options: [
      { value: 'number', profile: { errorNumberType: 'number' } },
      { value: 'String', variants: ['error-number-string'], profile: { errorNumberType: 'string' } },
    ],
  },
  {
    name: 'signature-recipe',
    why: 'the document says a SHA-256/512 digest; what it digests is the community sample or the older Centinel recipe',
    profileOption: 'signatureRecipe',
    options: [
      { value: 'the community sample', profile: { signatureRecipe: 'timestamp+transactionId+apiKey' } },
      {
        value: 'Timestamp + ApiKey',
        variants: ['signature-timestamp-apikey'],
        profile: { signatureRecipe: 'timestamp+apiKey' },
      },
    ],
  },
  {
    name: 'epoch-timestamp-unit',
    why: 'the document says "Java Epoch time in milliseconds" and gives the example 1626113191, in seconds',
    profileOption: 'epochTimestampUnit',
    options: [
      { value: 'either, told apart by size' },
      { value: 'seconds (the example)', variants: ['epoch-seconds-only'], profile: { epochTimestampUnit: 'seconds' } },
      {
        value: 'milliseconds (the words)',
        variants: ['epoch-milliseconds-only'],
        profile: { epochTimestampUnit: 'milliseconds' },
      },
    ],
  },
  {
    name: 'unknown-org-unit',
    why: 'the document says "Merchant level OrgUnitId", required, and not what an OrgUnitId it does not know gets',
    profileOption: 'unknownOrgUnitIdRefused',
    options: [
      { value: 'refused', profile: { unknownOrgUnitIdRefused: true } },
      {
        value: "answered as the first merchant's",
        variants: ['any-org-unit'],
        profile: { unknownOrgUnitIdRefused: false },
        // The defect is this choice without the profile that states it.
        absorbs: ['unknown-org-unit-accepted'],
      },
    ],
  },
  {
    name: 'answer-fields',
    why: 'the answers name their fields; more are not excluded',
    options: [
      { value: 'the documented' },
      { value: 'also ProcessorTransactionId, Payload', variants: ['extra-response-fields'] },
    ],
  },
]);

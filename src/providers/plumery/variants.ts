import { defineVariants } from '../../core/variants.ts';

// Choices the Plumery document leaves open: what a fieldErrors item carries, the status of an
// unknown card (the urn code is documented, the status is listed under 400 only), extra fields.
export const plumeryVariants = defineVariants([
  { name: 'field-errors-without-code', description: 'fieldErrors items are {field, message}, without a code' },
  {
    name: 'card-not-found-404',
    description: 'CARD_NOT_FOUND comes with HTTP 404, stated in the profile',
    profile: { cardNotFoundStatus: 404 },
  },
  { name: 'extra-response-fields', description: 'the encrypted payload and the errors carry fields no document names' },
  {
    name: 'card-state-409',
    description: 'CARD_ALREADY_TERMINATED and INVALID_CARD_STATE come with HTTP 409, stated in the profile',
    profile: { cardStateStatus: 409 },
  },
  {
    name: 'missing-header-not-null',
    description:
      'a missing X-Client-Public-Key is refused with NOT_NULL (the document lists NOT_BLANK and NOT_NULL alike)',
  },
  {
    name: 'server-key-named-ephemeralKey',
    description:
      "the encryptedPayload names the server's key ephemeralKey (the document names no field), stated in the profile",
    profile: { payloadFields: { ephemeralPublicKey: 'ephemeralKey' } },
  },
  {
    name: 'salt-16-bytes',
    description: 'the HKDF salt is 16 bytes (the document fixes no length), stated in the profile',
    profile: { saltBytes: 16 },
  },
] as const);

export type PlumeryVariantName = (typeof plumeryVariants)[number]['name'];

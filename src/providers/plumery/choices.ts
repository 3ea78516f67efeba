import { defineChoices, statusChoice } from '../../core/choices.ts';
import { plumeryVariants } from './variants.ts';

// Where Plumery's document (and the standards) leave the implementer a choice; the first option of
// each is the reference mock's. `variants --generated` draws them (src/core/choices.ts).
export const plumeryChoices = defineChoices(plumeryVariants, [
  {
    name: 'field-error-items',
    why: 'the document lists fieldErrors without the fields of an item',
    profileOption: 'fieldErrorCode',
    options: [
      { value: '{field, code, message}', profile: { fieldErrorCode: true } },
      { value: '{field, message}', variants: ['field-errors-without-code'], profile: { fieldErrorCode: false } },
    ],
  },
  statusChoice(
    'card-not-found-status',
    'CARD_NOT_FOUND is documented by its urn; its status is listed under 400 only',
    'cardNotFoundStatus',
    400,
    { status: 404, variant: 'card-not-found-404' },
  ),
  statusChoice(
    'card-state-status',
    'CARD_ALREADY_TERMINATED and INVALID_CARD_STATE are documented by their urn, not by a status',
    'cardStateStatus',
    400,
    { status: 409, variant: 'card-state-409' },
  ),
  {
    name: 'payload-field-names',
    why: "the document describes the payload's IV, ciphertext, server key and salt, and names none of them",
    profileOption: 'payloadFields',
    options: [
      { value: 'iv, ciphertext, ephemeralPublicKey, salt' },
      {
        value: 'the server key as ephemeralKey',
        variants: ['server-key-named-ephemeralKey'],
        profile: { payloadFields: { ephemeralPublicKey: 'ephemeralKey' } },
        // The defect is this choice without the profile that states it.
        absorbs: ['payload-field-renamed'],
      },
    ],
  },
  {
    name: 'missing-header-code',
    why: 'the document lists NOT_BLANK and NOT_NULL alike, without saying which a missing header gets',
    options: [{ value: 'NOT_BLANK' }, { value: 'NOT_NULL', variants: ['missing-header-not-null'] }],
  },
  {
    name: 'salt-length',
    why: 'HKDF (RFC 5869 §3.1) takes a salt of any length; the document sends it beside the ciphertext without one',
    profileOption: 'saltBytes',
    options: [
      { value: '32 bytes', profile: { saltBytes: 32 } },
      { value: '16 bytes', variants: ['salt-16-bytes'], profile: { saltBytes: 16 } },
    ],
  },
  {
    name: 'answer-fields',
    why: 'the encrypted payload and the error body name their fields; more are not excluded',
    options: [{ value: 'the documented' }, { value: 'extra fields', variants: ['extra-response-fields'] }],
  },
]);

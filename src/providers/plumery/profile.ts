// The switchable options of Plumery's envelope: each a default the harness pins where the document
// is silent ("HKDF-SHA256 from ECDH shared secret" leaves salt size, info and length open; what the
// shared secret is, SEC 1 and NIST SP 800-56A say: its x-coordinate).
import { z } from 'zod';

/** The documented parts of the encryptedPayload, and the names the target gives them. */
const PayloadFields = z.strictObject({
  iv: z.string().min(1).default('iv'),
  ciphertext: z.string().min(1).default('ciphertext'),
  ephemeralPublicKey: z.string().min(1).default('ephemeralPublicKey'),
  salt: z.string().min(1).default('salt'),
});

export const PlumeryProfile = z.strictObject({
  payloadFields: PayloadFields.default({
    iv: 'iv',
    ciphertext: 'ciphertext',
    ephemeralPublicKey: 'ephemeralPublicKey',
    salt: 'salt',
  }).describe(
    "the names of the encryptedPayload's fields: the document describes the IV, the ciphertext with its tag, the server's ephemeral key and the salt, and names none",
  ),
  clientKeyEncoding: z
    .enum(['spki', 'raw'])
    .default('spki')
    .describe(
      'how the harness sends X-Client-Public-Key: SPKI DER (91 bytes) or the raw uncompressed point (65 bytes)',
    ),
  acceptsRawClientKey: z.boolean().default(true).describe('the target also accepts a raw uncompressed point'),
  acceptsCompressedClientKey: z.boolean().default(false).describe('the target accepts a compressed point (33 bytes)'),
  saltBytes: z.number().int().min(16).max(64).default(32).describe('length of the HKDF salt'),
  hkdfInfo: z.string().default('').describe('HKDF info (UTF-8); empty by default'),
  cardNotFoundStatus: z
    .number()
    .int()
    .min(400)
    .max(499)
    .default(400)
    .describe('HTTP status of CARD_NOT_FOUND (the document lists it under 400)'),
  fieldErrorCode: z.boolean().default(true).describe('each fieldErrors item carries a code (no document says so)'),
  headerInFieldErrors: z
    .boolean()
    .default(true)
    .describe('a refused X-Client-Public-Key is named in fieldErrors (no document says so)'),
  cardDetails: z
    .boolean()
    .default(true)
    .describe('the target offers the card-details sibling GET /internal/v1/cards/{token}'),
  cardStateStatus: z
    .number()
    .int()
    .min(400)
    .max(499)
    .default(400)
    .describe('HTTP status of CARD_ALREADY_TERMINATED and INVALID_CARD_STATE'),
});

export type PlumeryProfile = z.infer<typeof PlumeryProfile>;

// Solaris: POST /v1/cards/{id}/virtual_card_requests (test/documents/solaris.txt, with the defaults
// of Solaris's profile).
import { z } from 'zod';
import type { EndpointDoc } from './endpoint.ts';

/** base64url as RFC 7518 wants; the document's example n is standard base64, so both are allowed. */
const base64ish = z.string().regex(/^[A-Za-z0-9+/_-]+={0,2}$/);

export const JweAlg = z.enum(['RSA1_5', 'RSA_OAEP_256', 'RSA_OAEP_256_ANDROID']);
export const JweEnc = z.enum(['A256GCM', 'A256CBC_HS512']);

export const Jwk = z.looseObject({
  kty: z.literal('RSA'),
  n: base64ish,
  e: base64ish,
  use: z.literal('enc').optional(),
  alg: z.literal('RS256').optional(),
  kid: z.string().min(1).optional(),
});

export const VirtualCardRequest = z
  .strictObject({
    device_id: z.string().min(1),
    /** Hex of the device-key signature over the JWK string (default: DER ECDSA-SHA256). */
    signature: z.string().regex(/^[0-9a-fA-F]+$/),
    jwk: Jwk,
    jwe: z.strictObject({ alg: JweAlg, enc: JweEnc }),
    device_data: z.string().optional(),
  })
  .meta({ title: 'Solaris virtual card request' });

// Answers are open (looseObject): no document forbids a field beside the ones it names, and a
// server that adds one is not wrong. Requests stay strict: they are what the harness sends.
export const VirtualCardResponse = z
  .looseObject({
    data: z
      .string()
      .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, 'compact JWE'),
  })
  .meta({ title: 'Solaris virtual card response 200' });

/** The JWE plaintext (default). */
export const CardDetails = z
  .looseObject({
    pan: z.string().regex(/^\d{13,19}$/),
    cvc: z.string().regex(/^\d{3,4}$/),
    expires_at: z.iso.date(),
    line_1: z.string(),
  })
  .meta({ title: 'Solaris decrypted card details' });

export const ErrorEntry = z.looseObject({
  id: z.string().min(1),
  status: z.number().int(),
  code: z.string().min(1),
  title: z.string().min(1),
  detail: z.string(),
  source: z.looseObject({ field: z.string().min(1), message: z.string() }),
});

export const ErrorEnvelope = z
  .looseObject({ errors: z.array(ErrorEntry).min(1) })
  .meta({ title: 'Solaris error envelope' });

export type VirtualCardRequest = z.infer<typeof VirtualCardRequest>;
export type SolarisJwk = z.infer<typeof Jwk>;
export type SolarisJweAlg = z.infer<typeof JweAlg>;
export type SolarisJweEnc = z.infer<typeof JweEnc>;
export type CardDetails = z.infer<typeof CardDetails>;
export type SolarisErrorEnvelope = z.infer<typeof ErrorEnvelope>;

export const solarisSchemas = {
  'virtual-card-request.request': VirtualCardRequest,
  'virtual-card-request.response-200': VirtualCardResponse,
  'card-details': CardDetails,
  error: ErrorEnvelope,
} as const;

const solarisError = { description: 'error envelope', schema: 'error' };

export const solarisEndpoints: readonly EndpointDoc[] = [
  {
    method: 'post',
    path: '/v1/cards/{id}/virtual_card_requests',
    summary: 'Card details as a JWE for a bound device',
    body: { schema: 'virtual-card-request.request', contentType: 'application/json' },
    responses: {
      '200': { description: 'JWE-encrypted card details', schema: 'virtual-card-request.response-200' },
      '400': solarisError,
      '403': solarisError,
      '404': solarisError,
      '500': solarisError,
    },
  },
];

// Exa card API: GET /card (profile, encrypted card data, challenges) and the PATCH that binds the
// card with a signed challenge. Source: test/documents/exa.txt and the defaults of Exa's profile,
// with the shapes of Exa's public server code where the page is silent (enums, `mode` a number).
import { z } from 'zod';
import type { EndpointDoc } from './endpoint.ts';

const base64 = z.string().regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, 'base64');
const base64url = z.string().regex(/^[A-Za-z0-9_-]*$/, 'base64url');

export const Scope = z.enum(['provisioning', 'siwe', 'webauthn']);

/** `scope` may repeat; "siwe and webauthn are mutually exclusive within a single request". */
export const CardQuery = z
  .looseObject({
    scope: z
      .union([Scope, z.array(Scope)])
      .optional()
      .refine((s) => !(Array.isArray(s) && s.includes('siwe') && s.includes('webauthn')), 'siwe and webauthn together'),
  })
  .meta({ title: 'Exa GET /card query' });

export const CardHeaders = z
  .looseObject({
    /** base64(RSA-OAEP-SHA-1(UTF-8(base64(16-byte secret)))) under the provider key. Optional. */
    sessionid: base64.min(1).optional(),
  })
  .meta({ title: 'Exa GET /card headers' });

/** `{ data, iv }`: AES-128-GCM, data = base64(ciphertext ‖ tag), iv base64 (12 or 16 bytes). */
export const EncryptedField = z
  .looseObject({ data: base64.min(1), iv: base64.min(1) })
  .meta({ title: 'Exa encrypted field' });

export const LimitFrequency = z.enum([
  'per24HourPeriod',
  'per7DayPeriod',
  'per30DayPeriod',
  'perYearPeriod',
  'allTime',
  'perAuthorization',
]);

export const CardResponse = z
  .looseObject({
    cardId: z.uuid(),
    displayName: z.string(),
    encryptedPan: EncryptedField.optional(),
    encryptedCvc: EncryptedField.optional(),
    expirationMonth: z.string().regex(/^(0[1-9]|1[0-2])$/),
    expirationYear: z.string().regex(/^\d{4}$/),
    lastFour: z.string().regex(/^\d{4}$/),
    mode: z.number().int().min(0),
    /** null when the card has no PIN. */
    pin: EncryptedField.nullable().optional(),
    provider: z.literal('panda'),
    status: z.enum(['ACTIVE', 'FROZEN']),
    // frequency: its values come from Exa's server code, not the document (profile limitFrequencies).
    limit: z.looseObject({ amount: z.number(), frequency: z.string().min(1) }),
    productId: z.string().min(1),
    /** A SIWE message (scope=siwe) or the plain statement (scope=webauthn). */
    challenge: z.string().min(1).optional(),
    /** Only with scope=provisioning. */
    provisioning: z.looseObject({ id: z.string().min(1), secret: z.string().min(1) }).optional(),
  })
  .meta({ title: 'Exa GET /card 200 response' });

export const ErrorCode = z.enum([
  'bad request',
  'bad session id',
  'bad signature',
  'unauthorized',
  'no panda',
  'no card',
]);

/** Errors are `{ code }` (Exa's server may add `legacy`). */
export const ApiError = z.looseObject({ code: z.string().min(1) }).meta({ title: 'Exa error' });

export const SiweBinding = z.strictObject({
  method: z.literal('siwe'),
  message: z.string().min(1),
  /** EIP-191 personal_sign signature, 0x + 65 bytes hex. */
  signature: z.string().regex(/^0x[0-9a-fA-F]+$/),
});

export const WebauthnBinding = z.strictObject({
  method: z.literal('webauthn'),
  assertion: z.strictObject({
    id: base64url.min(1),
    rawId: base64url.min(1),
    response: z.strictObject({
      clientDataJSON: base64url.min(1),
      authenticatorData: base64url.min(1),
      signature: base64url.min(1),
      userHandle: base64url.optional(),
    }),
    clientExtensionResults: z.record(z.string(), z.unknown()),
    type: z.literal('public-key'),
  }),
});

export const BindRequest = z
  .discriminatedUnion('method', [SiweBinding, WebauthnBinding])
  .meta({ title: 'Exa PATCH bind request' });
export const BindResponse = z
  .looseObject({ verification: z.literal('OK') })
  .meta({ title: 'Exa PATCH bind 200 response' });

export type EncryptedField = z.infer<typeof EncryptedField>;
export type CardResponse = z.infer<typeof CardResponse>;
export type BindRequest = z.infer<typeof BindRequest>;
export type ExaErrorCode = z.infer<typeof ErrorCode>;
export type ExaScope = z.infer<typeof Scope>;

export const exaSchemas = {
  'card.query': CardQuery,
  'card.headers': CardHeaders,
  'card.response-200': CardResponse,
  'encrypted-field': EncryptedField,
  error: ApiError,
  'bind.request': BindRequest,
  'bind.response-200': BindResponse,
} as const;

const exaErrors = {
  '401': { description: 'unauthorized (default)', schema: 'error' },
  '403': { description: 'no panda', schema: 'error' },
  '404': { description: 'no card', schema: 'error' },
};

export const exaEndpoints: readonly EndpointDoc[] = [
  {
    method: 'get',
    path: '/card',
    summary: 'Card profile, encrypted card data (with sessionid) and a signature challenge (with scope)',
    query: 'card.query',
    headers: 'card.headers',
    responses: {
      '200': { description: 'Card information', schema: 'card.response-200' },
      '400': { description: 'bad request / bad session id', schema: 'error' },
      ...exaErrors,
    },
  },
  {
    method: 'patch',
    path: '/card',
    summary: 'Bind the card with a signed challenge (SIWE or WebAuthn)',
    body: { schema: 'bind.request', contentType: 'application/json' },
    responses: {
      '200': { description: 'verified', schema: 'bind.response-200' },
      '400': { description: 'bad request / bad signature', schema: 'error' },
      ...exaErrors,
    },
  },
];

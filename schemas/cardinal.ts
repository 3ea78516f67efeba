// Cardinal Commerce Data Exchange (DX) API: POST /V1/AccountNumber/GetInfo for FIDO. Source:
// test/documents/cardinal.txt and the defaults of Cardinal's profile. Field comments quote the
// document.
import { z } from 'zod';
import type { EndpointDoc } from './endpoint.ts';

export const Algorithm = z.enum(['SHA-256', 'SHA-512']);
export const CardType = z.enum(['CB', 'UPI', 'ITMX']);
export const CardBrand = z.enum([
  'Visa',
  'Mastercard',
  'Amex',
  'CB',
  'JCB',
  'Discover',
  'ELO',
  'UPI',
  'ITMX',
  'EFTPOS',
]);
export const FlowType = z.enum(['TRANSACTION', 'ENROLLMENT', 'ADD_NEW_DEVICE', 'ADD_PAN', 'ADD_NEW_DEVICE_AND_PAN']);

export const GetInfoPayload = z.strictObject({
  /** "either the full PAN or full network token of the card" */
  AccountNumber: z.string().regex(/^\d{13,19}$/),
  /** "For all other brands, CardType should not be sent" */
  CardType: CardType.optional(),
  /** Required in a FIDO call (one with FidoSetupPayload); a look-up outside FIDO may leave it out. */
  Email: z.email().optional(),
  /**
   * "a Base64 encoded string received as a response back to CardinalFido.Setup()": what makes the
   * call a FIDO call ("When fidoSetupPayload is sent in the request", Account carries Fido).
   */
  FidoSetupPayload: z
    .string()
    .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/)
    .min(1)
    .optional(),
});

export const GetInfoRequest = z
  .strictObject({
    Signature: z.string().min(1),
    /** "a standard date/time format or, Java Epoch time in milliseconds"; hashed exactly as sent. */
    Timestamp: z.union([z.string().min(1), z.number().int().nonnegative()]),
    /** "API Key Identifier or Name value" */
    Identifier: z.string().min(1),
    Algorithm,
    /** "A unique alphanumeric identifier … 5-55 characters in length" (the sample has dashes). */
    TransactionId: z.string().regex(/^[A-Za-z0-9-]{5,55}$/),
    OrgUnitId: z.string().min(1),
    Payload: GetInfoPayload,
  })
  .meta({ title: 'Cardinal DX GetInfo request' });

export const SupportedVersion = z.looseObject({
  Version: z.string().regex(/^\d+\.\d+\.\d+$/),
  Capabilities: z.array(z.string()).optional(),
  MethodURLPresent: z.boolean(),
});

/** "Application error number": typed String in the document, the number 0 in its sample. */
export const ErrorNumber = z.union([z.number().int(), z.string().regex(/^\d+$/)]);

export const GetInfoSuccess = z
  .looseObject({
    ErrorNumber,
    ErrorDescription: z.string(),
    RequestId: z.string().min(1),
    Payload: z.looseObject({
      ReferenceId: z.string().min(1),
      Issuer: z.looseObject({ SupportedVersions: z.array(SupportedVersion) }),
      Account: z.looseObject({
        CardBrand,
        LastFour: z.string().regex(/^\d{4}$/),
        Fido: z.looseObject({ FlowType }).optional(),
      }),
    }),
  })
  .meta({ title: 'Cardinal DX GetInfo response (success)' });

/** Errors travel in HTTP 200: a non-zero ErrorNumber, its description, and no Payload. */
export const GetInfoError = z
  .looseObject({
    ErrorNumber,
    ErrorDescription: z.string().min(1),
    RequestId: z.string().min(1),
  })
  .meta({ title: 'Cardinal DX GetInfo response (error)' });

export type GetInfoRequest = z.infer<typeof GetInfoRequest>;
export type GetInfoPayload = z.infer<typeof GetInfoPayload>;
export type GetInfoSuccess = z.infer<typeof GetInfoSuccess>;
export type DxAlgorithm = z.infer<typeof Algorithm>;
export type DxCardBrand = z.infer<typeof CardBrand>;
export type DxFlowType = z.infer<typeof FlowType>;
export type DxSupportedVersion = z.infer<typeof SupportedVersion>;

export const cardinalSchemas = {
  'get-info.request': GetInfoRequest,
  'get-info.response-success': GetInfoSuccess,
  'get-info.response-error': GetInfoError,
} as const;

export const cardinalEndpoints: readonly EndpointDoc[] = [
  {
    method: 'post',
    path: '/V1/AccountNumber/GetInfo',
    summary: 'DX GetInfo for FIDO: account, issuer versions and the Fido FlowType',
    body: { schema: 'get-info.request', contentType: 'application/json' },
    responses: {
      '200': {
        description: 'success (ErrorNumber 0) or an error (non-zero ErrorNumber)',
        schema: ['get-info.response-success', 'get-info.response-error'],
      },
    },
  },
];

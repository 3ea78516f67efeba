// Enfuce Card API v4: POST /v4/card/{cardId}/controlToken and the card-data pages it opens. Source:
// test/documents/enfuce.txt and the defaults of Enfuce's profile. Field comments quote the
// document.
import { z } from 'zod';
import type { EndpointDoc } from './endpoint.ts';

export const ControlTokenPath = z
  .strictObject({
    /** "The id of the card's data requested" (required). */
    cardId: z.string().min(1),
  })
  .meta({ title: 'Enfuce controlToken path parameters' });

export const ControlTokenQuery = z
  .looseObject({
    /** "The audit user to log the request" (required). Free text. */
    auditUser: z.string().min(1),
  })
  .meta({ title: 'Enfuce controlToken query' });

/** 201 application/json. Extra members are allowed: the document lists, it does not forbid. */
export const ControlTokenResponse = z
  .looseObject({
    /** "The control token." (required) */
    token: z.string().min(1),
    /** "The URL to call on mobile devices for accessing the card's data." */
    cardDataUrl: z.url().optional(),
    /** "The URL to open in iframe to access the card's data." */
    cardDataFrameUrl: z.url().optional(),
  })
  .meta({ title: 'Enfuce controlToken 201 response' });

/**
 * default (nothing public says what Enfuce's error body is): a JSON object with a machine code and a
 * human message. Profile option `errorBody`.
 */
export const ApiError = z
  .looseObject({
    errorCode: z.string().min(1),
    message: z.string(),
  })
  .meta({ title: 'Enfuce API error (default shape)' });

/** Mobile: form-encoded POST cardDataUrl, "the content of the token in a form field named token". */
export const CardDataForm = z.strictObject({ token: z.string().min(1) }).meta({ title: 'Enfuce card-data form' });

/** Desktop: `cardDataFrameUrl?key=…`, "Key needs to agreed with Enfuce beforehand". */
export const FrameQuery = z.looseObject({ key: z.string().min(1) }).meta({ title: 'Enfuce card-data frame query' });

/** `iframe.contentWindow.postMessage({operation: 'view-pan', token}, cardDataFrameUrl)` */
export const FrameMessage = z
  .strictObject({ operation: z.literal('view-pan'), token: z.string().min(1) })
  .meta({ title: 'Enfuce card-data frame message' });

export type ControlTokenResponse = z.infer<typeof ControlTokenResponse>;
export type ApiError = z.infer<typeof ApiError>;

/** The other common error form, `{code, message}` (profile errorBody: code-message). */
export const ApiErrorCodeMessage = z
  .looseObject({ code: z.string().min(1), message: z.string() })
  .meta({ title: 'Enfuce API error ({code, message})' });

/** Any JSON object (profile errorBody: any-json). */
export const ApiErrorAnyJson = z.looseObject({}).meta({ title: 'Enfuce API error (any JSON object)' });
export type FrameMessage = z.infer<typeof FrameMessage>;

/** Every schema of the provider, by the file name its JSON Schema is emitted to. */
export const enfuceSchemas = {
  'control-token.path': ControlTokenPath,
  'control-token.query': ControlTokenQuery,
  'control-token.response-201': ControlTokenResponse,
  error: ApiError,
  'error.code-message': ApiErrorCodeMessage,
  'error.any-json': ApiErrorAnyJson,
  'card-data.form': CardDataForm,
  'card-data-frame.query': FrameQuery,
  'card-data-frame.message': FrameMessage,
} as const;

/** The HTTP endpoints, for the OpenAPI document (the frame message travels by postMessage, not HTTP). */
export const enfuceEndpoints: readonly EndpointDoc[] = [
  {
    method: 'post',
    path: '/v4/card/{cardId}/controlToken',
    summary: 'Issue a 30-second control token for a card',
    pathParams: 'control-token.path',
    query: 'control-token.query',
    responses: {
      '201': { description: 'token and card-data URLs', schema: 'control-token.response-201' },
      '400': { description: 'bad request (default error body)', schema: 'error' },
      '401': { description: 'Basic authentication required', schema: 'error' },
      '404': { description: 'unknown cardId (default)', schema: 'error' },
    },
  },
  {
    method: 'post',
    path: '/v4/card-data/view',
    returnedAs: 'cardDataUrl',
    summary: 'Mobile: the HTML snapshot with the card data, for a control token in form field "token"',
    body: { schema: 'card-data.form', contentType: 'application/x-www-form-urlencoded' },
    responses: {
      '200': { description: 'HTML snapshot', contentType: 'text/html' },
      '400': {
        description: 'no token field, or a body that is not a form: HTML page without card data',
        contentType: 'text/html',
      },
      '403': { description: 'token not valid: HTML page without card data', contentType: 'text/html' },
    },
  },
  {
    method: 'get',
    path: '/v4/card-data/frame',
    returnedAs: 'cardDataFrameUrl',
    summary: 'Desktop: the card-data frame page for an agreed key',
    query: 'card-data-frame.query',
    responses: {
      '200': { description: 'frame page', contentType: 'text/html' },
      '403': { description: 'key not agreed', contentType: 'text/html' },
    },
  },
];

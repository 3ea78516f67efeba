// How a provider's schema module lists its endpoints: each with its method, path, parameters, body
// and answers by schema name. The OpenAPI documents (src/core/openapi.ts) and the fuzzer's judge
// read these lists; they sit here, beside the schemas they name, at the bottom of the imports.

export interface ResponseDoc {
  description: string;
  /** Schema name(s) of the provider; several become oneOf. Omitted for a body that is not JSON. */
  schema?: string | string[];
  contentType?: string;
}

export interface EndpointDoc {
  method: 'get' | 'post' | 'patch';
  /** OpenAPI path template: /v4/card/{cardId}/controlToken */
  path: string;
  /**
   * The field of another answer that gives this endpoint's URL (Enfuce's `cardDataUrl`): then
   * `path` is only the reference mock's, and the target's may be any path on any origin.
   */
  returnedAs?: string;
  summary: string;
  /** Schema names of object schemas whose properties are the path, query and header parameters. */
  pathParams?: string;
  query?: string;
  headers?: string;
  body?: { schema: string; contentType: string };
  responses: Record<string, ResponseDoc>;
}

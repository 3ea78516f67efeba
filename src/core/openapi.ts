// OpenAPI 3.1 documents built from each provider's endpoint list and its Zod schemas (the same JSON
// Schema 2020-12 that schemas/json/ holds: OpenAPI 3.1 takes it as is). Written to schemas/openapi/
// by `npm run schemas`; a test keeps them in sync.
import type { ZodType } from 'zod';
import type { EndpointDoc } from '../../schemas/endpoint.ts';
import { toJsonSchema } from './json-schema.ts';

export type { EndpointDoc, ResponseDoc } from '../../schemas/endpoint.ts';

type JsonObject = Record<string, unknown>;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function parameters(
  where: 'path' | 'query' | 'header',
  schemaName: string | undefined,
  schemas: Record<string, ZodType>,
): JsonObject[] {
  if (!schemaName) return [];
  const s = toJsonSchema(schemas[schemaName]!, schemaName) as {
    properties?: Record<string, JsonObject>;
    required?: string[];
  };
  return Object.entries(s.properties ?? {}).map(([name, schema]) => ({
    name,
    in: where,
    required: where === 'path' || (s.required ?? []).includes(name),
    schema,
  }));
}

export function buildOpenApi(p: {
  id: string;
  title: string;
  document: { title: string; url?: string };
  schemas: Record<string, ZodType>;
  endpoints: readonly EndpointDoc[];
}): JsonObject {
  const components: Record<string, JsonObject> = {};
  for (const [name, schema] of Object.entries(p.schemas)) {
    const { $id: _id, $schema: _schema, ...rest } = toJsonSchema(schema, `${p.id}/${name}`);
    components[name] = rest;
  }
  const paths: Record<string, JsonObject> = {};
  for (const e of p.endpoints) {
    const declared = parameters('path', e.pathParams, p.schemas);
    const implicit = [...e.path.matchAll(/\{(\w+)\}/g)]
      .map((m) => m[1]!)
      .filter((n) => !declared.some((d) => d.name === n))
      .map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
    const operation: JsonObject = {
      operationId: `${p.id}.${e.method}.${e.path
        .replace(/[{}]/g, '')
        .replace(/\W+/g, '.')
        .replace(/^\.|\.$/g, '')}`,
      summary: e.summary,
      ...(e.returnedAs
        ? {
            description: `The URL is the \`${e.returnedAs}\` another answer returns: any path on any origin (this path is the reference mock's).`,
          }
        : {}),
      parameters: [
        ...declared,
        ...implicit,
        ...parameters('query', e.query, p.schemas),
        ...parameters('header', e.headers, p.schemas),
      ],
      ...(e.body
        ? { requestBody: { required: true, content: { [e.body.contentType]: { schema: ref(e.body.schema) } } } }
        : {}),
      responses: Object.fromEntries(
        Object.entries(e.responses).map(([status, r]) => {
          const schema =
            r.schema === undefined
              ? { type: 'string' }
              : Array.isArray(r.schema)
                ? { oneOf: r.schema.map(ref) }
                : ref(r.schema);
          return [
            status,
            { description: r.description, content: { [r.contentType ?? 'application/json']: { schema } } },
          ];
        }),
      ),
    };
    paths[e.path] = { ...(paths[e.path] ?? {}), [e.method]: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: p.title,
      version: '1.0.0',
      description: `Emitted by card-reveal-harness from schemas/${p.id}.ts (source: ${p.document.title}${p.document.url ? `, ${p.document.url}` : ''}). Defaults of the harness, where the document is silent, are marked "default" in the schema comments.`,
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: { schemas: components },
  };
}

export function renderOpenApi(doc: JsonObject): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

// schemas/openapi/<provider>.json are emitted from the Zod schemas and endpoint lists (npm run
// schemas): they must stay in sync, be valid OpenAPI 3.1 for an independent validator, and every
// $ref must resolve.
import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { openApiPath } from '../../src/core/json-schema.ts';
import { buildOpenApi, renderOpenApi } from '../../src/core/openapi.ts';
import { providers } from '../../src/providers.ts';

for (const p of providers) {
  test(`${p.id}: the OpenAPI 3.1 document is in sync with the Zod schemas and valid`, async () => {
    const file = openApiPath(p.id);
    expect(existsSync(file), `${file} exists`).toBe(true);
    const text = readFileSync(file, 'utf8');
    expect(text, `schemas/openapi/${p.id}.json (run npm run schemas)`).toBe(renderOpenApi(buildOpenApi(p)));
    const doc = JSON.parse(text) as {
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    };
    const validator = new Validator();
    const result = await validator.validate(doc as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? [], 'OpenAPI validation errors').toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    const refs = [...text.matchAll(/"\$ref": "#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(
      refs.filter((r) => !(r in doc.components.schemas)),
      'unresolved $refs',
    ).toEqual([]);
    expect(Object.keys(doc.paths).sort()).toEqual([...new Set(p.endpoints.map((e) => e.path))].sort());
  });
}

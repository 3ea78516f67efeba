// Writes schemas/json/<provider>/<name>.json (JSON Schema 2020-12) and schemas/openapi/<provider>.json
// (OpenAPI 3.1) from the Zod schemas. `npm run schemas`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { emittedPath, renderSchema } from '../src/core/json-schema.ts';
import { buildOpenApi, renderOpenApi } from '../src/core/openapi.ts';
import { openApiPath } from '../src/core/json-schema.ts';
import { providers } from '../src/providers.ts';

let count = 0;
for (const p of providers) {
  for (const [name, schema] of Object.entries(p.schemas)) {
    const file = emittedPath(p.id, name);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, renderSchema(p.id, name, schema));
    count++;
  }
  mkdirSync(dirname(openApiPath(p.id)), { recursive: true });
  writeFileSync(openApiPath(p.id), renderOpenApi(buildOpenApi(p)));
}
console.log(
  `wrote ${count} JSON Schema files to schemas/json/ and ${providers.length} OpenAPI documents to schemas/openapi/`,
);

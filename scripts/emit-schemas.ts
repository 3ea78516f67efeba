// Writes schemas/json/<provider>/<name>.json from the Zod schemas. `npm run schemas`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { emittedPath, renderSchema } from '../src/core/json-schema.ts';
import { providers } from '../src/providers.ts';

let count = 0;
for (const p of providers) {
  for (const [name, schema] of Object.entries(p.schemas)) {
    const file = emittedPath(p.id, name);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, renderSchema(p.id, name, schema));
    count++;
  }
}
console.log(`wrote ${count} JSON Schema files to schemas/json/`);

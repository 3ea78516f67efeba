// The JSON Schema files in schemas/json/ are generated from the Zod schemas and checked in, so
// implementers in other languages can use them: they must stay equal to what the Zod sources emit.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { emittedPath, renderSchema, schemaDir, validateAgainst } from '../../src/core/json-schema.ts';
import { providers } from '../../src/providers.ts';

for (const p of providers) {
  test(`${p.id}: emitted JSON Schemas are in sync with the Zod schemas (npm run schemas)`, () => {
    for (const [name, schema] of Object.entries(p.schemas)) {
      const file = emittedPath(p.id, name);
      expect(existsSync(file), `${file} exists`).toBe(true);
      expect(readFileSync(file, 'utf8'), `${p.id}/${name}.json`).toBe(renderSchema(p.id, name, schema));
    }
    const onDisk = readdirSync(`${schemaDir}${p.id}`).map((f) => f.replace(/\.json$/, '')).sort();
    expect(onDisk, 'no stale schema files').toEqual(Object.keys(p.schemas).sort());
  });
}

test('enfuce: ajv (emitted schema) and Zod agree on sample bodies', () => {
  const enfuce = providers.find((p) => p.id === 'enfuce')!;
  const samples: [string, unknown, boolean][] = [
    ['control-token.response-201', { token: 't0k3n', cardDataUrl: 'https://x.example/v', cardDataFrameUrl: 'https://x.example/f' }, true],
    ['control-token.response-201', { token: 't0k3n', extra: 1 }, true],
    ['control-token.response-201', { token: '' }, false],
    ['control-token.response-201', { cardDataUrl: 'https://x.example/v' }, false],
    ['control-token.response-201', { token: 't', cardDataUrl: 'not a url' }, false],
    ['error', { errorCode: 'CARD_NOT_FOUND', message: 'no card' }, true],
    ['error', { message: 'no code' }, false],
    ['card-data-frame.message', { operation: 'view-pan', token: 'abc' }, true],
    ['card-data-frame.message', { operation: 'view-pin', token: 'abc' }, false],
    ['card-data-frame.message', { operation: 'view-pan', token: 'abc', more: true }, false],
  ];
  for (const [name, body, valid] of samples) {
    expect(validateAgainst('enfuce', name, body).ok, `ajv ${name} ${JSON.stringify(body)}`).toBe(valid);
    expect(enfuce.schemas[name as keyof typeof enfuce.schemas].safeParse(body).success, `zod ${name} ${JSON.stringify(body)}`).toBe(valid);
  }
});

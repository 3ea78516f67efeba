// JSON Schema 2020-12 emitted from the Zod schemas, and ajv validation against the emitted files.
// The files in schemas/json/ are what implementers in other languages read; the specs validate
// against those same files, and a test keeps them in sync with the Zod sources.
import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { z, type ZodType } from 'zod';
import { fromRoot } from './root.ts';

export const schemaDir = `${fromRoot('schemas/json')}/`;

export function toJsonSchema(schema: ZodType, id: string): Record<string, unknown> {
  const out = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output' }) as Record<string, unknown>;
  return { $id: `https://card-reveal-harness.local/schemas/${id}.json`, ...out };
}

export const openApiPath = (provider: string): string => fromRoot('schemas/openapi', `${provider}.json`);

export function emittedPath(provider: string, name: string): string {
  return `${schemaDir}${provider}/${name}.json`;
}

/** The JSON text written for a schema: stable key order, trailing newline. */
export function renderSchema(provider: string, name: string, schema: ZodType): string {
  return `${JSON.stringify(toJsonSchema(schema, `${provider}/${name}`), null, 2)}\n`;
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
// Made on the first validation: a process that only lists the checks never validates.
let ajv: Ajv2020 | undefined;
const validator = (): Ajv2020 => (ajv ??= addFormats(new Ajv2020({ allErrors: true, strict: true })));
const cache = new Map<string, ValidateFunction>();

export interface SchemaCheck {
  ok: boolean;
  /** ajv's messages with the instance path; values are never included (they may be card data). */
  errors: string[];
}

export function validateAgainst(provider: string, name: string, data: unknown): SchemaCheck {
  const key = `${provider}/${name}`;
  let fn = cache.get(key);
  if (!fn) {
    const schema = JSON.parse(readFileSync(emittedPath(provider, name), 'utf8')) as Record<string, unknown>;
    fn = validator().compile(schema);
    cache.set(key, fn);
  }
  const ok = fn(data) as boolean;
  const errors = (fn.errors ?? []).map((e) => {
    const extra =
      e.keyword === 'additionalProperties'
        ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})`
        : '';
    return `${e.instancePath || '(root)'} ${e.message ?? e.keyword}${extra}`;
  });
  return { ok, errors };
}

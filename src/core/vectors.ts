// Loads a known-answer vector file and checks what JSON Schema cannot: tcIds unique and
// numbered 1..n, numberOfTests true, every flag explained in notes.
import { readFileSync } from 'node:fs';
import { fromRoot } from './root.ts';
import { Ajv2020 } from 'ajv/dist/2020.js';

export interface VectorTest {
  tcId: number;
  comment: string;
  flags: string[];
  result: 'valid' | 'invalid' | 'acceptable';
  [field: string]: unknown;
}

export interface VectorGroup {
  type: string;
  tests: VectorTest[];
  [field: string]: unknown;
}

export interface VectorFile {
  algorithm: string;
  numberOfTests: number;
  notes: Record<string, { bugType: string; description: string }>;
  source: { description: string; independentChecks: string[] };
  testGroups: VectorGroup[];
}

const schemaFile = fromRoot('vectors/schema.json');
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(
  JSON.parse(readFileSync(schemaFile, 'utf8')) as object,
);

export class VectorFileError extends Error {
  override readonly name = 'VectorFileError';
}

export function checkVectorFile(data: unknown, label = 'vector file'): VectorFile {
  if (!validate(data)) {
    throw new VectorFileError(
      `${label} does not match vectors/schema.json: ${(validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message}`).join('; ')}`,
    );
  }
  const file = data as VectorFile;
  const tests = file.testGroups.flatMap((g) => g.tests);
  const ids = tests.map((t) => t.tcId);
  if (new Set(ids).size !== ids.length) throw new VectorFileError(`${label}: tcIds are not unique`);
  if ([...ids].sort((a, b) => a - b).some((id, i) => id !== i + 1))
    throw new VectorFileError(`${label}: tcIds must be 1..${ids.length}`);
  if (file.numberOfTests !== tests.length)
    throw new VectorFileError(`${label}: numberOfTests is ${file.numberOfTests}, the file has ${tests.length}`);
  for (const t of tests)
    for (const f of t.flags)
      if (!file.notes[f])
        throw new VectorFileError(`${label}: tcId ${t.tcId} uses flag "${f}" that notes does not explain`);
  return file;
}

export function loadVectorFile(path: string): VectorFile {
  return checkVectorFile(JSON.parse(readFileSync(path, 'utf8')) as unknown, path);
}

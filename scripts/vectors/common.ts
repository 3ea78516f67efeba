// Helpers for the vector generators: numbering, the file frame, deterministic "random" bytes.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';

/** Deterministic bytes for a label: vectors are reproducible from the generator alone. */
export function bytes(label: string, length: number): Buffer {
  const out: Buffer[] = [];
  for (let i = 0; out.length * 32 < length; i++) out.push(createHash('sha256').update(`${label}#${i}`).digest());
  return Buffer.concat(out).subarray(0, length);
}

export interface DraftTest {
  comment: string;
  flags: string[];
  result: 'valid' | 'invalid' | 'acceptable';
  [field: string]: unknown;
}

export function writeVectorFile(
  path: string,
  frame: {
    algorithm: string;
    header: string[];
    notes: Record<string, { bugType: string; description: string }>;
    source: { description: string; independentChecks: string[] };
  },
  groups: { type: string; tests: DraftTest[]; [k: string]: unknown }[],
): number {
  let tcId = 0;
  const testGroups = groups.map((g) => ({ ...g, tests: g.tests.map((t) => ({ tcId: ++tcId, ...t })) }));
  const file = {
    algorithm: frame.algorithm,
    schema: 'vectors/schema.json',
    generatorVersion: 'card-reveal-harness scripts/vectors',
    numberOfTests: tcId,
    header: frame.header,
    notes: frame.notes,
    source: frame.source,
    testGroups,
  };
  writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`);
  return tcId;
}

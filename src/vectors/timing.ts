// Every known-answer vector file checked by every implementation its checker runs, timed: what
// `card-reveal-harness vectors` prints and `npm run bench` records. A check is one test by one
// implementation.
import { readdirSync } from 'node:fs';
import { loadVectorFile } from '../core/vectors.ts';
import { fromRoot } from '../core/root.ts';
import { vectorCheckers } from './index.ts';
import type { VectorFailure } from './run.ts';

/** The vector files in vectors/ (not the schema), sorted. */
export function vectorFileNames(): string[] {
  return readdirSync(fromRoot('vectors'))
    .filter((f) => f.endsWith('.json') && f !== 'schema.json')
    .sort();
}

export interface VectorTiming {
  name: string;
  /** Undefined when no checker claims the file. */
  tests?: number;
  implementations?: number;
  checks?: number;
  seconds?: number;
  failures: VectorFailure[];
}

export async function timeVectorFiles(names = vectorFileNames()): Promise<VectorTiming[]> {
  const out: VectorTiming[] = [];
  for (const name of names) {
    const checker = vectorCheckers[name];
    if (!checker) {
      out.push({ name, failures: [{ tcId: 0, implementation: '-', problem: 'no checker for this file' }] });
      continue;
    }
    const file = loadVectorFile(fromRoot('vectors', name));
    const started = performance.now();
    const { checked, failures } = await checker(file);
    const implementations = file.source.independentChecks.length;
    out.push({ name, tests: checked, implementations, checks: checked * implementations, seconds: (performance.now() - started) / 1000, failures });
  }
  return out;
}

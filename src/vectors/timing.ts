// Every known-answer vector file checked by every implementation its checker runs, timed: what
// `card-reveal-harness vectors` prints and `npm run bench` records. A check is one test by one
// implementation.
import { readdirSync } from 'node:fs';
import { loadVectorFile } from '../core/vectors.ts';
import { fromRoot } from '../core/root.ts';
import { vectorCheckers } from './index.ts';
import type { ImplementationTiming, VectorFailure } from './run.ts';

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
  /** Checks and seconds of the implementations that run in this process (no other program). */
  inProcess?: { checks: number; seconds: number };
  timings?: ImplementationTiming[];
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
    const { checked, failures, timings } = await checker(file);
    const seconds = (performance.now() - started) / 1000;
    const own = timings.filter((t) => !t.external);
    const inProcess = {
      checks: own.reduce((n, t) => n + t.checks, 0),
      seconds: own.reduce((n, t) => n + t.seconds, 0),
    };
    out.push({
      name,
      tests: checked,
      implementations: new Set(timings.map((t) => t.name.replace(/^\w+: /, ''))).size,
      checks: timings.reduce((n, t) => n + t.checks, 0),
      seconds,
      inProcess,
      timings,
      failures,
    });
  }
  return out;
}

/** Checks per second, 0 for no time at all. */
export const perSecond = (checks: number, seconds: number): number => (seconds > 0 ? Math.round(checks / seconds) : 0);

/** The sums over every file: what `vectors` and the bench print as their closing row. */
export function vectorTotals(rows: readonly VectorTiming[]) {
  const sum = (f: (r: VectorTiming) => number | undefined) => rows.reduce((n, r) => n + (f(r) ?? 0), 0);
  return {
    tests: sum((r) => r.tests),
    checks: sum((r) => r.checks),
    seconds: sum((r) => r.seconds),
    inProcess: { checks: sum((r) => r.inProcess?.checks), seconds: sum((r) => r.inProcess?.seconds) },
    failures: sum((r) => r.failures.length),
  };
}

/** Every implementation over every file, slowest per check first. */
export function slowestImplementations(
  rows: readonly VectorTiming[],
  n: number,
): (ImplementationTiming & { file: string })[] {
  const all = rows.flatMap((r) => (r.timings ?? []).map((t) => ({ file: r.name, ...t })));
  return all.sort((a, b) => b.seconds / b.checks - a.seconds / a.checks).slice(0, n);
}

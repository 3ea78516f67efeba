// The frame every envelope's vector check shares: each test is run through each independent
// implementation; a test passes when every implementation gives the expected result (and, for a
// valid test, the expected bytes). Failures are returned, not thrown, so a corrupted file shows as
// a list of disagreeing tcIds.
import type { VectorFile, VectorTest } from '../core/vectors.ts';

export interface Implementation<G, T> {
  name: string;
  /** Runs another program (the OpenSSL CLI, a JVM): timed apart from the in-process ones. */
  external?: boolean;
  /** Called once with every group of a file before its tests run: an external program answers them all at once. */
  prepare?(groups: readonly (G & { tests: T[] })[]): Promise<void> | void;
  /** Resolves with the bytes or text the test expects, or rejects when the input is refused. */
  run(group: G, test: T): Promise<string> | string;
}

/** How long one implementation took over a file's tests. */
export interface ImplementationTiming {
  name: string;
  external: boolean;
  checks: number;
  seconds: number;
}

export interface VectorResult {
  checked: number;
  failures: VectorFailure[];
  timings: ImplementationTiming[];
}

export interface VectorFailure {
  tcId: number;
  implementation: string;
  problem: string;
}

export async function checkVectors<G, T extends VectorTest>(
  file: VectorFile,
  impls: readonly Implementation<G, T>[],
  expectedOutput: (group: G, test: T) => string,
): Promise<VectorResult> {
  const failures: VectorFailure[] = [];
  const groups = file.testGroups as unknown as (G & { tests: T[] })[];
  const checked = groups.reduce((n, g) => n + g.tests.length, 0);
  const timings: ImplementationTiming[] = [];
  // One implementation over every test, then the next: each is timed on its own.
  for (const impl of impls) {
    const started = performance.now();
    try {
      await impl.prepare?.(groups);
    } catch (e) {
      failures.push({
        tcId: 0,
        implementation: impl.name,
        problem: `could not run: ${(e as Error).message.split('\n')[0]}`,
      });
      timings.push({
        name: impl.name,
        external: !!impl.external,
        checks: 0,
        seconds: (performance.now() - started) / 1000,
      });
      continue;
    }
    for (const group of groups) {
      for (const test of group.tests) {
        let output: string | undefined;
        try {
          output = await impl.run(group, test);
        } catch {
          output = undefined;
        }
        if (test.result === 'valid') {
          if (output === undefined)
            failures.push({ tcId: test.tcId, implementation: impl.name, problem: 'refused a valid input' });
          else if (output !== expectedOutput(group, test))
            failures.push({
              tcId: test.tcId,
              implementation: impl.name,
              problem: 'output differs from the expected value',
            });
        } else if (test.result === 'invalid' && output !== undefined) {
          failures.push({ tcId: test.tcId, implementation: impl.name, problem: 'accepted an invalid input' });
        }
      }
    }
    timings.push({
      name: impl.name,
      external: !!impl.external,
      checks: checked,
      seconds: (performance.now() - started) / 1000,
    });
  }
  failures.sort((a, b) => a.tcId - b.tcId);
  return { checked, failures, timings };
}

/** A value computed once per group object (an imported key): the checks time the cryptography, not key parsing. */
export function perGroup<G extends object, V>(make: (group: G) => V): (group: G) => V {
  const cache = new WeakMap<G, V>();
  return (group) => {
    if (!cache.has(group)) cache.set(group, make(group));
    return cache.get(group)!;
  };
}

/** The implementations and the expected output for the groups of one type. */
export interface GroupChecker<T extends VectorTest = VectorTest> {
  impls: readonly Implementation<unknown, T>[];
  expected(test: T): string;
}

/**
 * For a file whose groups are of several types (`type` of each group): each type's groups through
 * its own checker. A group of a type with no checker is a failure, not a silent skip.
 */
export async function checkByGroupType(file: VectorFile, byType: Record<string, GroupChecker>): Promise<VectorResult> {
  let checked = 0;
  const failures: VectorFailure[] = [];
  const timings = new Map<string, ImplementationTiming>();
  for (const [type, { impls, expected }] of Object.entries(byType)) {
    const part = { ...file, testGroups: file.testGroups.filter((g) => g.type === type) };
    const r = await checkVectors<unknown, VectorTest>(part, impls, (_g, t) => expected(t));
    checked += r.checked;
    failures.push(...r.failures);
    for (const t of r.timings) {
      const key = `${type}: ${t.name}`;
      timings.set(key, { ...t, name: key });
    }
  }
  const unknown = file.testGroups.filter((g) => !Object.hasOwn(byType, g.type));
  if (unknown.length)
    failures.push({
      tcId: 0,
      implementation: '-',
      problem: `group types without a checker: ${[...new Set(unknown.map((g) => g.type))].join(', ')}`,
    });
  return { checked, failures, timings: [...timings.values()] };
}

export const hex = (s: string): Buffer => Buffer.from(s, 'hex');

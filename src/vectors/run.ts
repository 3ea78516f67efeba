// The frame every envelope's vector check shares: each test is run through each independent
// implementation; a test passes when every implementation gives the expected result (and, for a
// valid test, the expected bytes). Failures are returned, not thrown, so a corrupted file shows as
// a list of disagreeing tcIds.
import type { VectorFile, VectorTest } from '../core/vectors.ts';

export interface Implementation<G, T> {
  name: string;
  /** Resolves with the bytes or text the test expects, or rejects when the input is refused. */
  run(group: G, test: T): Promise<string> | string;
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
): Promise<{ checked: number; failures: VectorFailure[] }> {
  const failures: VectorFailure[] = [];
  let checked = 0;
  for (const group of file.testGroups as unknown as (G & { tests: T[] })[]) {
    for (const test of group.tests) {
      checked++;
      for (const impl of impls) {
        let output: string | undefined;
        try {
          output = await impl.run(group, test);
        } catch {
          output = undefined;
        }
        if (test.result === 'valid') {
          if (output === undefined) failures.push({ tcId: test.tcId, implementation: impl.name, problem: 'refused a valid input' });
          else if (output !== expectedOutput(group, test)) failures.push({ tcId: test.tcId, implementation: impl.name, problem: 'output differs from the expected value' });
        } else if (test.result === 'invalid' && output !== undefined) {
          failures.push({ tcId: test.tcId, implementation: impl.name, problem: 'accepted an invalid input' });
        }
      }
    }
  }
  return { checked, failures };
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
export async function checkByGroupType(file: VectorFile, byType: Record<string, GroupChecker>): Promise<{ checked: number; failures: VectorFailure[] }> {
  let checked = 0;
  const failures: VectorFailure[] = [];
  for (const [type, { impls, expected }] of Object.entries(byType)) {
    const part = { ...file, testGroups: file.testGroups.filter((g) => g.type === type) };
    const r = await checkVectors<unknown, VectorTest>(part, impls, (_g, t) => expected(t));
    checked += r.checked;
    failures.push(...r.failures);
  }
  const unknown = file.testGroups.filter((g) => !Object.hasOwn(byType, g.type));
  if (unknown.length) failures.push({ tcId: 0, implementation: '-', problem: `group types without a checker: ${[...new Set(unknown.map((g) => g.type))].join(', ')}` });
  return { checked, failures };
}

export const hex = (s: string): Buffer => Buffer.from(s, 'hex');

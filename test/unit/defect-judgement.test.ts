// How `defects` judges a defect's matrix against the clean one: exact, as declared (broken rules
// fail, declared hidden ones are not run, nothing else moves), or neither.
import { expect, test } from '@playwright/test';
import { asExpected, judgeDefect } from '../../src/cli/defects.ts';
import type { Verdict } from '../../src/core/matrix.ts';

const clean = new Map<string, Verdict>([
  ['A', 'pass'],
  ['B', 'pass'],
  ['C', 'pass'],
  ['D', 'not-applicable'],
]);
const run = (changes: Record<string, Verdict>) => new Map<string, Verdict>([...clean, ...Object.entries(changes)]);

test('only the broken rule fails: exact, and as declared', () => {
  const j = judgeDefect(clean, run({ A: 'fail' }), ['A'], []);
  expect([j.exact, j.asDeclared, j.failsExactly]).toEqual([true, true, true]);
  expect(j.diff).toEqual(['A: pass → fail']);
});

test('a declared hidden rule not run: as declared, not exact', () => {
  const j = judgeDefect(clean, run({ A: 'fail', B: 'not-run' }), ['A'], ['B']);
  expect([j.exact, j.asDeclared, j.failsExactly]).toEqual([false, true, true]);
  expect(j.unverifiable).toEqual(['B']);
});

test('an undeclared rule not run: neither', () => {
  const j = judgeDefect(clean, run({ A: 'fail', B: 'not-run' }), ['A'], []);
  expect([j.exact, j.asDeclared, j.failsExactly]).toEqual([false, false, true]);
});

test('a declared hidden rule that still passes is a wrong declaration', () => {
  const j = judgeDefect(clean, run({ A: 'fail' }), ['A'], ['B']);
  expect(j.asDeclared).toBe(false);
});

test('a declared hidden rule that fails is collateral, not hidden', () => {
  const j = judgeDefect(clean, run({ A: 'fail', B: 'fail' }), ['A'], ['B']);
  expect([j.asDeclared, j.failsExactly]).toEqual([false, false]);
  expect(j.collateral).toEqual(['B']);
});

test('a broken rule that does not fail: neither', () => {
  const j = judgeDefect(clean, run({ B: 'fail' }), ['A'], []);
  expect([j.exact, j.asDeclared, j.failsExactly]).toEqual([false, false, false]);
});

test('live, a defect declared controlled-only must escape, and every other one be caught', () => {
  expect(asExpected({ caught: true })).toBe(true);
  expect(asExpected({ caught: false })).toBe(false);
  expect(asExpected({ caught: false, controlledOnly: 'needs the server clock' })).toBe(true);
  // Caught by a sandbox run after all: the declaration is out of date.
  expect(asExpected({ caught: true, controlledOnly: 'needs the server clock' })).toBe(false);
});

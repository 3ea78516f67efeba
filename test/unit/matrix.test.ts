// How test outcomes become verdicts: a failed rule check blames its requirement alone, any other
// failure every requirement the test names, and a test that halted proves nothing else.
import { expect, test } from '@playwright/test';
import { buildMatrix, type TestOutcome } from '../../src/core/matrix.ts';

const outcome = (o: Partial<TestOutcome> & Pick<TestOutcome, 'title' | 'requirementIds' | 'status'>): TestOutcome => ({ testId: o.title, project: 'cardinal', file: 'x.spec.ts', ...o });
const verdicts = (outcomes: TestOutcome[]) => Object.fromEntries(buildMatrix(outcomes, {}).providers[0]!.requirements.filter((r) => r.verdict !== 'not-run').map((r) => [r.id, r.verdict]));

test('a passing test passes every requirement it names', () => {
  expect(verdicts([outcome({ title: 'a', requirementIds: ['CDX-FLOWTYPE', 'CDX-RESPONSE'], status: 'pass' })])).toEqual({ 'CDX-FLOWTYPE': 'pass', 'CDX-RESPONSE': 'pass' });
});

test('a plain failure fails every requirement the test names', () => {
  expect(verdicts([outcome({ title: 'a', requirementIds: ['CDX-FLOWTYPE', 'CDX-RESPONSE'], status: 'fail', blamed: [], unattributed: true })])).toEqual({ 'CDX-FLOWTYPE': 'fail', 'CDX-RESPONSE': 'fail' });
});

test('a failed rule check blames its requirement alone, even one the test does not name', () => {
  const v = verdicts([outcome({ title: 'a', requirementIds: ['CDX-FLOWTYPE'], status: 'fail', blamed: ['CDX-TRANSACTION-ID'], unattributed: false })]);
  expect(v).toEqual({ 'CDX-FLOWTYPE': 'pass', 'CDX-TRANSACTION-ID': 'fail' });
});

test('a rule check failure next to a plain failure fails everything the test names', () => {
  const v = verdicts([outcome({ title: 'a', requirementIds: ['CDX-FLOWTYPE'], status: 'fail', blamed: ['CDX-TRANSACTION-ID'], unattributed: true })]);
  expect(v).toEqual({ 'CDX-FLOWTYPE': 'fail', 'CDX-TRANSACTION-ID': 'fail' });
});

test('a test that halted after a rule check proves nothing about its other requirements', () => {
  const halted = outcome({ title: 'a', requirementIds: ['CDX-FLOWTYPE', 'CDX-LAST-FOUR'], status: 'fail', blamed: ['CDX-RESPONSE'], unattributed: false, halted: true });
  expect(verdicts([halted])).toEqual({ 'CDX-RESPONSE': 'fail' });
  // Another test of the same requirement still decides it.
  expect(verdicts([halted, outcome({ title: 'b', requirementIds: ['CDX-LAST-FOUR'], status: 'pass' })])).toEqual({ 'CDX-RESPONSE': 'fail', 'CDX-LAST-FOUR': 'pass' });
});

test('a test that failed without any rule check blamed is never read as attributed', () => {
  expect(verdicts([outcome({ title: 'a', requirementIds: ['CDX-FLOWTYPE'], status: 'fail', blamed: [], unattributed: false })])).toEqual({ 'CDX-FLOWTYPE': 'fail' });
});

// How test outcomes become verdicts: a failed rule check blames its requirement alone, any other
// failure every requirement the test names, and a test that halted proves nothing else.
import { expect, test } from '@playwright/test';
import { buildMatrix, conclude, type TestOutcome } from '../../src/core/matrix.ts';
import { renderMarkdown, summaryLine } from '../../reporters/render-matrix.ts';
import type { Finding } from '../../src/core/check-record.ts';

const outcome = (o: Partial<TestOutcome> & Pick<TestOutcome, 'title' | 'requirementIds' | 'status'>): TestOutcome => ({
  testId: o.title,
  provider: 'cardinal',
  project: 'cardinal',
  file: 'x.spec.ts',
  ...o,
});
const failure = (rule: string): Finding => ({ kind: 'finding', rule, level: 'failure', what: 'x', note: 'failed' });
const verdicts = (outcomes: TestOutcome[]) =>
  Object.fromEntries(
    buildMatrix(outcomes, {})
      .providers[0]!.requirements.filter((r) => r.verdict !== 'not-run')
      .map((r) => [r.id, r.verdict]),
  );

test('a passing test passes every requirement it names', () => {
  expect(verdicts([outcome({ title: 'a', requirementIds: ['CDX-FLOWTYPE', 'CDX-RESPONSE'], status: 'pass' })])).toEqual(
    { 'CDX-FLOWTYPE': 'pass', 'CDX-RESPONSE': 'pass' },
  );
});

test('a plain failure fails every requirement the test names', () => {
  expect(
    verdicts([
      outcome({
        title: 'a',
        requirementIds: ['CDX-FLOWTYPE', 'CDX-RESPONSE'],
        status: 'fail',
        unattributed: true,
      }),
    ]),
  ).toEqual({ 'CDX-FLOWTYPE': 'fail', 'CDX-RESPONSE': 'fail' });
});

test('a failed rule check blames its requirement alone, even one the test does not name', () => {
  const v = verdicts([
    outcome({
      title: 'a',
      requirementIds: ['CDX-FLOWTYPE'],
      status: 'fail',
      findings: [failure('CDX-TRANSACTION-ID')],
      unattributed: false,
    }),
  ]);
  expect(v).toEqual({ 'CDX-FLOWTYPE': 'pass', 'CDX-TRANSACTION-ID': 'fail' });
});

test('a rule check failure next to a plain failure fails everything the test names', () => {
  const v = verdicts([
    outcome({
      title: 'a',
      requirementIds: ['CDX-FLOWTYPE'],
      status: 'fail',
      findings: [failure('CDX-TRANSACTION-ID')],
      unattributed: true,
    }),
  ]);
  expect(v).toEqual({ 'CDX-FLOWTYPE': 'fail', 'CDX-TRANSACTION-ID': 'fail' });
});

test('a test that halted after a rule check proves nothing about its other requirements', () => {
  const halted = outcome({
    title: 'a',
    requirementIds: ['CDX-FLOWTYPE', 'CDX-LAST-FOUR'],
    status: 'fail',
    findings: [failure('CDX-RESPONSE')],
    unattributed: false,
    halted: true,
  });
  expect(verdicts([halted])).toEqual({ 'CDX-RESPONSE': 'fail' });
  // Another test of the same requirement still decides it.
  expect(verdicts([halted, outcome({ title: 'b', requirementIds: ['CDX-LAST-FOUR'], status: 'pass' })])).toEqual({
    'CDX-RESPONSE': 'fail',
    'CDX-LAST-FOUR': 'pass',
  });
});

test('a test that failed without any rule check blamed is never read as attributed', () => {
  expect(
    verdicts([outcome({ title: 'a', requirementIds: ['CDX-FLOWTYPE'], status: 'fail', unattributed: false })]),
  ).toEqual({ 'CDX-FLOWTYPE': 'fail' });
});

test('a pass with checks skipped for want of a variable or control is partial, and the verdict names it', () => {
  const m = buildMatrix(
    [
      outcome({ title: 'enrolled row', requirementIds: ['CDX-FLOWTYPE'], status: 'pass' }),
      outcome({
        title: 'other row',
        requirementIds: ['CDX-FLOWTYPE'],
        status: 'skipped',
        skipReason: 'not applicable: set CARDINAL_ENROLLED_EMAIL',
      }),
      outcome({
        title: 'profile off',
        requirementIds: ['CDX-RESPONSE'],
        status: 'skipped',
        skipReason: 'not applicable: profile x=false',
        notAGap: true,
      }),
      outcome({ title: 'response', requirementIds: ['CDX-RESPONSE'], status: 'pass' }),
      outcome({
        title: 'live only',
        requirementIds: ['CDX-LAST-FOUR'],
        status: 'skipped',
        skipReason: 'covered: the controlled-clock checks cover this on a mock',
        notAGap: true,
      }),
      outcome({ title: 'last four', requirementIds: ['CDX-LAST-FOUR'], status: 'pass' }),
    ],
    {},
  );
  const rows = Object.fromEntries(m.providers[0]!.requirements.map((r) => [r.id, r]));
  expect(rows['CDX-FLOWTYPE']!.partial).toEqual({
    ran: 1,
    of: 2,
    missing: ['not applicable: set CARDINAL_ENROLLED_EMAIL'],
  });
  // A stated profile choice and a check covered by others leave nothing unchecked.
  expect(rows['CDX-RESPONSE']!.partial).toBeUndefined();
  expect(rows['CDX-LAST-FOUR']!.partial).toBeUndefined();
  expect(m.providers[0]!.counts.partial).toBe(1);
  expect(conclude(m).line).toBe('VERDICT: conformant (1 requirement partly checked: CDX-FLOWTYPE)');
  expect(summaryLine(m)).toContain('(1 passed or warned partly checked)');
  expect(renderMarkdown(m)).toContain('| CDX-FLOWTYPE | pass (partial: 1 of 2) |');
});

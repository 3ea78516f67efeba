// The matrix as JUnit, beside Playwright's junit.xml of the checks: one <testsuite> per provider,
// one <testcase> per requirement, so a CI system shows requirements, not only checks. A failing
// requirement is a <failure>; n/a and not run are <skipped> with why; a warning, an accepted risk
// or a partial pass passes, with a <property> and a line of <system-out> saying so (what most
// JUnit viewers show of a passing case); every case carries its verdict as a property.
import { writeFileSync } from 'node:fs';
import { escapeMarkup as xml } from '../src/core/markup.ts';
import { acceptedNote, findingNote } from '../src/core/findings.ts';
import { type Matrix, type RequirementRow } from '../src/core/matrix.ts';
import { failureLines, partialNote, sourceLabel, transportNote, VERDICT_WORD } from './render-matrix.ts';

export const REQUIREMENTS_JUNIT = 'junit-requirements.xml';

function testcase(provider: string, r: RequirementRow): string {
  const props = [
    ['verdict', VERDICT_WORD[r.verdict]],
    ['source', sourceLabel(r)],
    ...r.warnings.map((w) => ['warning', findingNote(w)]),
    ...r.accepted.map((a) => ['accepted-risk', acceptedNote(a)]),
    ...(r.partial ? [['partial', partialNote(r.partial)]] : []),
    ...r.tests.flatMap((t) => (t.transport ? [['transport', `${t.title}: ${transportNote(t.transport)}`]] : [])),
  ];
  // What a JUnit viewer shows of a passing case is its output: a warning or an accepted risk is written there too.
  const out = [
    ...r.accepted.map((a) => `ACCEPTED RISK: ${acceptedNote(a)}`),
    ...r.warnings.map((w) => `WARN: ${findingNote(w)}`),
  ];
  const failures = failureLines(r);
  const body = [
    ...(props.length
      ? [`<properties>${props.map(([n, v]) => `<property name="${n}" value="${xml(v!)}"/>`).join('')}</properties>`]
      : []),
    ...(r.verdict === 'fail'
      ? [`<failure message="${xml(failures[0] ?? r.text)}" type="requirement">${xml(failures.join('\n'))}</failure>`]
      : []),
    ...(r.verdict === 'not-applicable' || r.verdict === 'not-run'
      ? [
          `<skipped message="${xml(`${r.verdict === 'not-run' ? 'not run' : 'n/a'}${r.reasons.length ? `: ${r.reasons.join('; ')}` : ''}`)}"/>`,
        ]
      : []),
    ...(out.length ? [`<system-out>${xml(out.join('\n'))}</system-out>`] : []),
  ];
  return `    <testcase name="${xml(`${r.id}: ${r.text}`)}" classname="${xml(`${provider}.requirements`)}" time="0">${body.join('')}</testcase>`;
}

export function writeRequirementsJunit(matrix: Matrix, file: string): void {
  const suites = matrix.providers.map((p) => {
    const c = p.counts;
    return [
      `  <testsuite name="${xml(`${p.id} requirements (target: ${p.target})`)}" tests="${p.requirements.length}" failures="${c.fail}" skipped="${c.notApplicable + c.notRun}" errors="0" time="0" timestamp="${matrix.generatedAt}">`,
      ...p.requirements.map((r) => testcase(p.id, r)),
      '  </testsuite>',
    ].join('\n');
  });
  const total = (k: 'fail' | 'notApplicable' | 'notRun') => matrix.providers.reduce((n, p) => n + p.counts[k], 0);
  const tests = matrix.providers.reduce((n, p) => n + p.requirements.length, 0);
  writeFileSync(
    file,
    `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="card-reveal-harness requirements" tests="${tests}" failures="${total('fail')}" skipped="${total('notApplicable') + total('notRun')}" errors="0" time="0">\n${suites.join('\n')}\n</testsuites>\n`,
  );
}

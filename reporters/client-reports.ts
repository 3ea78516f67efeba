// Every report of a `client` run, rendered from its records: the records themselves (client.json),
// the matrix (conformance.json/.md), JUnit per case and per requirement, and Allure results.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeMarkup as xml } from '../src/core/markup.ts';
import { type Matrix } from '../src/core/matrix.ts';
import { renderMarkdown } from './render-matrix.ts';
import { runContext } from '../src/core/run-context.ts';
import { findingText, type ClientRunRecord } from '../src/client/record.ts';
import { writeRequirementResults } from './allure-requirements.ts';
import { REQUIREMENTS_JUNIT, writeRequirementsJunit } from './junit-requirements.ts';

/** One <testcase> per case: its findings as the failure, its runs (masked) as its output. */
function casesJunit(record: ClientRunRecord): string {
  const failed = record.cases.filter((c) => c.status === 'fail').length;
  const skipped = record.cases.filter((c) => c.status === 'not-run').length;
  // A case the harness could not serve is JUnit's error: never a pass a CI system shows green.
  const errors = record.cases.filter((c) => c.status === 'error').length;
  const cases = record.cases.map((c) => {
    const out = c.runs
      .map(
        (r, i) =>
          `run ${i + 1}: ${r.ended} in ${r.durationMs} ms\nstdout: ${r.stdout.trim()}\nstderr: ${r.stderr.trim()}`,
      )
      .join('\n');
    const body = [
      ...(c.status === 'fail'
        ? [
            `<failure message="${xml(findingText(c.findings[0]!))}" type="client">${xml(c.findings.map(findingText).join('\n'))}</failure>`,
          ]
        : []),
      ...(c.status === 'error'
        ? [`<error message="${xml(c.notRunReason ?? 'an error of the harness')}" type="harness"/>`]
        : []),
      ...(c.status === 'not-run' ? [`<skipped message="${xml(`not run: ${c.notRunReason ?? ''}`)}"/>`] : []),
      `<system-out>${xml(`${c.status === 'warn' ? `${c.findings.map(findingText).join('\n')}\n` : ''}served: ${c.served}\n${out}`)}</system-out>`,
    ];
    return `    <testcase name="${xml(`${c.case}: ${c.title}`)}" classname="${xml(`${c.provider}-client`)}" time="${(c.durationMs / 1000).toFixed(3)}">${body.join('')}</testcase>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="card-reveal-harness client" tests="${record.cases.length}" failures="${failed}" skipped="${skipped}" errors="${errors}">\n  <testsuite name="${xml(`${record.provider} client (${record.command})`)}" tests="${record.cases.length}" failures="${failed}" skipped="${skipped}" errors="${errors}" timestamp="${record.generatedAt}">\n${cases.join('\n')}\n  </testsuite>\n</testsuites>\n`;
}

export function writeClientReports(record: ClientRunRecord, matrix: Matrix, out: string): void {
  mkdirSync(join(out, 'allure-results'), { recursive: true });
  writeFileSync(join(out, 'client.json'), `${JSON.stringify(record, null, 2)}\n`);
  writeFileSync(join(out, 'conformance.json'), `${JSON.stringify(matrix, null, 2)}\n`);
  writeFileSync(join(out, 'conformance.md'), renderMarkdown(matrix));
  writeFileSync(join(out, 'junit.xml'), casesJunit(record));
  writeRequirementsJunit(matrix, join(out, REQUIREMENTS_JUNIT));
  writeRequirementResults(matrix, join(out, 'allure-results'), runContext());
}

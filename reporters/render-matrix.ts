// The matrix in words: the Markdown matrix, the summary line and the short forms every report
// shares. It renders the records (src/core/matrix-record.ts) and words nothing of a finding itself
// (src/core/findings.ts does).
import type { RateLimited } from '../src/core/check-record.ts';
import { acceptedNote, checkFailure, findingNote } from '../src/core/findings.ts';
import { conclude } from '../src/core/verdict.ts';
import type { Matrix, ProviderMatrix, RequirementRow, Verdict } from '../src/core/matrix-record.ts';
import { clauses, type Requirement } from '../src/core/requirements.ts';
import { transportLine, type TransportRecord } from '../src/core/transport.ts';
export { transportLine };

/** What a partly checked requirement's note says. */
export const partialNote = (p: NonNullable<RequirementRow['partial']>): string =>
  `partial: ${p.ran} of ${p.of} checks ran in full; ${p.missing.join('; ')}`;

/** The short form beside a verdict: `(partial: 2 of 6)`. */
export const partialLabel = (p: NonNullable<RequirementRow['partial']>): string => `(partial: ${p.ran} of ${p.of})`;

/** Each failed check of a requirement in one line: its title and what failed (src/core/findings.ts). */
export const failureLines = (r: Pick<RequirementRow, 'tests'>): string[] =>
  r.tests.filter((t) => t.status === 'fail').map((t) => `${t.title}: ${checkFailure(t)}`);

/** `re-run 2 times after 2 transport faults (the last: …)`: what a check's transport faults were. */
export const transportNote = (t: TransportRecord): string =>
  `${t.disturbed ? 'judged on a disturbed exchange' : `re-run ${t.reruns} time${t.reruns === 1 ? '' : 's'}`} after ${t.faults} transport fault${t.faults === 1 ? '' : 's'} (${t.resent} sent again)${t.where?.length ? `; the last: ${t.where.at(-1)}` : ''}`;

/** `rate-limited 7 times, 9 s waited`, or nothing when no request met one. */
export const rateLimitedLine = (r: RateLimited | undefined): string | undefined =>
  r?.count
    ? `rate-limited ${r.count} time${r.count === 1 ? '' : 's'}, ${(r.waitedMs / 1000).toFixed(r.waitedMs < 10_000 ? 1 : 0)} s waited (not findings: each request was sent again after the wait the target asked for)`
    : undefined;

/** One line with requirements and checks together, so the two cannot be read apart. */
export function summaryLine(m: Pick<Matrix, 'providers' | 'tests'>): string {
  const sum = (k: keyof ProviderMatrix['counts']) => m.providers.reduce((n, p) => n + (p.counts[k] ?? 0), 0);
  const t = m.tests;
  const partial = sum('partial');
  const accepted = sum('accepted');
  return `requirements: ${sum('pass')} pass, ${sum('warn')} warn, ${accepted ? `${accepted} accepted risk, ` : ''}${sum('fail')} fail, ${sum('notApplicable')} n/a, ${sum('notRun')} not run${partial ? ` (${partial} passed or warned partly checked)` : ''} · checks: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`;
}

/** The word a verdict is shown with in every report (and the `verdict` label Allure's categories match). */
export const VERDICT_WORD: Record<Verdict, string> = {
  pass: 'pass',
  warn: 'WARN',
  accepted: 'ACCEPTED RISK',
  fail: 'FAIL',
  'not-applicable': 'n/a',
  'not-run': 'not run',
};
const ICON: Record<Verdict, string> = { ...VERDICT_WORD, fail: '**FAIL**' };

/** A requirement's source as a reader needs it: a standard's with its clauses. */
export const sourceLabel = (r: Pick<Requirement, 'section' | 'cites'> & { source: Requirement['source'] }): string =>
  r.source === 'standard' ? `standard (${clauses(r)})` : `${r.source}${r.section ? ` (${r.section})` : ''}`;

export function renderMarkdown(m: Matrix): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const limited = rateLimitedLine(m.rateLimited);
  const transport = transportLine(m.transport);
  const lines = [
    `# Conformance matrix`,
    '',
    `Generated ${m.generatedAt}. ${summaryLine(m)}.${limited ? ` The target ${limited}.` : ''}${transport ? ` ${transport}.` : ''}`,
    '',
    `**${conclude(m).line}**`,
    '',
  ];
  for (const p of m.providers) {
    lines.push(
      `## ${p.title} (\`${p.id}\`)`,
      '',
      `Target: ${p.target}${p.unreachable ? ` — **unreachable**: ${p.unreachable.message}` : ''}`,
      '',
      'Profile in force (the defaults of the harness unless a profile file says otherwise):',
      '',
    );
    for (const [k, v] of Object.entries(p.profile)) lines.push(`- \`${k}\`: \`${JSON.stringify(v)}\``);
    for (const [id, why] of Object.entries(p.acceptedRisks ?? {})) lines.push(`- accepted risk \`${id}\`: ${why}`);
    lines.push(
      '',
      '| requirement | verdict | source | endpoint | requirement text | notes |',
      '|---|---|---|---|---|---|',
    );
    for (const r of p.requirements) {
      const notes = [
        ...(r.partial ? [partialNote(r.partial)] : []),
        ...(r.verdict === 'fail' ? failureLines(r) : r.reasons),
        ...r.accepted.map((a) => `accepted risk: ${acceptedNote(a)}`),
        ...r.warnings.map((w) => `warning: ${findingNote(w)}`),
        ...r.observations.map((o) => `seen: ${o}`),
      ].join('; ');
      lines.push(
        `| ${r.id} | ${ICON[r.verdict]}${r.partial ? ` ${partialLabel(r.partial)}` : ''} | ${cell(sourceLabel(r))} | ${cell(r.endpoint)} | ${cell(r.text)} | ${cell(notes)} |`,
      );
    }
    lines.push('');
  }
  if (m.unmapped.length) lines.push('## Tests without a known requirement', '', ...m.unmapped.map((t) => `- ${t}`), '');
  return `${lines.join('\n')}\n`;
}

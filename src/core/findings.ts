// A finding is the record a failed rule check leaves, as data (src/core/check-record.ts): the rule
// it checks, the level it weighs (src/core/levels.ts), what was checked, what was expected and
// received, and for a warning the advice, for an accepted risk the profile's reason. This module
// is the one place a finding is put into words; every report renders it through these.
import type { Finding } from './check-record.ts';
import type { CheckRow } from './matrix-record.ts';
export type { Finding };

type Evidence = Pick<Finding, 'expected' | 'received' | 'negated' | 'note'>;

/** "Expected: …" and "Received: …" of a finding that has them; undefined for a matcher's own words. */
const expectedReceived = (f: Evidence): [string, string] | undefined =>
  f.expected !== undefined || f.received !== undefined
    ? [`Expected: ${f.negated ? 'not ' : ''}${f.expected ?? '(nothing)'}`, `Received: ${f.received ?? '(nothing)'}`]
    : undefined;

/** What was seen: "Expected: 404 Received: 403", or the matcher's own words. */
export const findingEvidence = (f: Evidence): string => expectedReceived(f)?.join(' ') ?? f.note ?? 'failed';

/** The evidence as an attachment shows it: expected and received on lines of their own. */
export const findingEvidenceText = (f: Finding): string => {
  const pair = expectedReceived(f);
  return pair ? `${findingLine(f)}\n\n${pair.join('\n')}` : findingLine(f);
};

/** A finding on its own rule: "what: evidence (advice)". */
export const findingNote = (f: Finding): string =>
  `${f.what}: ${findingEvidence(f)}${f.advice ? ` (${f.advice})` : ''}`;

/** A finding in one line: "[ID] what — evidence". */
export const findingLine = (f: Finding): string => `[${f.rule}] ${f.what} — ${findingEvidence(f)}`;

/** An accepted risk's words: the finding and the profile's reason. */
export const acceptedNote = (f: Finding): string => `${findingNote(f)} (reason: ${f.reason ?? ''})`;

/** What a failed check says on one requirement: its own failed rule checks, else the first line of its error. */
export const checkFailure = (t: Pick<CheckRow, 'findings' | 'error'>): string => {
  const own = (t.findings ?? []).filter((f) => f.level === 'failure').map(findingLine);
  return own.length ? own.join('; ') : (firstLine(t.error) ?? 'failed');
};

/** The first line of a check's error: what a one-line report shows of it. */
export const firstLine = (text: string | undefined): string | undefined => text?.split('\n')[0];

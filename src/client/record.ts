// What a client check leaves: one typed record per case (the runs of the app's command, what the
// harness served, and the findings), from which every report is rendered. Card data in a record is
// masked before it is written here.
import type { Finding } from '../core/check-record.ts';
import { findingLine } from '../core/findings.ts';
import { z } from 'zod';

/** One run of the app's command: how it ended and what it printed (masked). */
export const CommandRun = z.object({
  /** "exit code 0", "exit code 1", "killed after 20 s", "SIGSEGV". */
  ended: z.string(),
  ok: z.boolean(),
  stdout: z.string(),
  stderr: z.string(),
  durationMs: z.number(),
});
export type CommandRun = z.infer<typeof CommandRun>;

/** A rule the case found broken: the requirement, what was checked, and what was seen instead (masked). */
export const ClientFinding = z.object({
  requirement: z.string(),
  /** warning: a recommendation the app departs from (a rule whose source is a default); it never fails the run. */
  level: z.enum(['failure', 'warning']).optional(),
  check: z.string(),
  expected: z.string(),
  received: z.string(),
});
export type ClientFinding = z.infer<typeof ClientFinding>;

export const ClientCaseRecord = z.object({
  provider: z.string(),
  case: z.string(),
  title: z.string(),
  requirements: z.array(z.string()).min(1),
  /**
   * not-run: the app asked nothing the case could answer (its request failed before), so it proves
   * nothing; error: the harness could not serve the case (its own fault, never the app's).
   */
  status: z.enum(['pass', 'warn', 'fail', 'not-run', 'error']),
  /** What the harness served, in words (masked). */
  served: z.string(),
  findings: z.array(ClientFinding),
  notRunReason: z.string().optional(),
  /** Requirements of the case it could not judge, and why. */
  unjudged: z.record(z.string(), z.string()).optional(),
  runs: z.array(CommandRun),
  start: z.number(),
  durationMs: z.number(),
});
export type ClientCaseRecord = z.infer<typeof ClientCaseRecord>;

export const ClientRunRecord = z.object({
  generatedAt: z.string(),
  provider: z.string(),
  /** The app's command as given (arguments masked when they look like card data). */
  command: z.string(),
  cases: z.array(ClientCaseRecord),
});
export type ClientRunRecord = z.infer<typeof ClientRunRecord>;

/** A client finding as the harness's finding (src/core/check-record.ts), which every report words the same way. */
export const asFinding = (f: ClientFinding): Finding => ({
  kind: 'finding',
  rule: f.requirement,
  level: f.level ?? 'failure',
  what: f.check,
  expected: f.expected,
  received: f.received,
});

/** A finding in one line (src/core/findings.ts), a warning marked. */
export const findingText = (f: ClientFinding): string =>
  `${f.level === 'warning' ? 'WARN ' : ''}${findingLine(asFinding(f))}`;

/** How a case stands for one of its requirements. */
export function caseStatusFor(
  c: ClientCaseRecord,
  requirement: string,
): 'pass' | 'warn' | 'fail' | 'not-run' | 'error' {
  if (c.status === 'error') return 'error';
  const own = c.findings.filter((f) => f.requirement === requirement);
  if (own.some((f) => f.level !== 'warning')) return 'fail';
  if (own.length) return 'warn';
  if (c.status === 'not-run' || c.unjudged?.[requirement] !== undefined) return 'not-run';
  return 'pass';
}

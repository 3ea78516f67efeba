// One check's outcome, as the reporter reads it from Playwright and the check's records
// (src/core/check-record.ts): typed, and how it stands on each requirement it concerns. The matrix
// (matrix.ts) is built from these alone.
import { z } from 'zod';
import { FindingRecord, RateLimited, Unreachable, type Finding } from './check-record.ts';
import { TransportRecord } from './transport.ts';

/** The annotation that carries a check's provider (its id) from its declaration (`req(...)`) to the reporters. */
export const PROVIDER_ANNOTATION = 'provider';

export const TestOutcome = z.object({
  testId: z.string(),
  /** The provider whose check this is (PROVIDER_ANNOTATION). */
  provider: z.string(),
  /** The group a person reads it under: `<id>` (checks) or `<id>-pact` (the contract). */
  project: z.string(),
  title: z.string(),
  file: z.string(),
  requirementIds: z.array(z.string()),
  status: z.enum(['pass', 'fail', 'skipped']),
  skipReason: z.string().optional(),
  /** Skipped, the check leaves nothing unchecked (the profile rules it out, or other checks cover it). */
  notAGap: z.boolean().optional(),
  /** The check's own error (masked, its first lines), when it failed. */
  error: z.string().optional(),
  /** What the check saw and reports without judging. */
  observations: z.array(z.string()).optional(),
  /** Its failed rule checks, failures, warnings and accepted risks alike (masked). */
  findings: z.array(FindingRecord).optional(),
  /** Checks that ran in a weaker form for want of a variable: what was left out, per rule. */
  partly: z.array(z.object({ rule: z.string(), missing: z.string() })).optional(),
  /** The test failed otherwise too (a plain assertion, a thrown error, a timeout): its own requirements all fail. */
  unattributed: z.boolean().optional(),
  /** The test stopped early after a rule check failed (nothing left to look at): it proves nothing else. */
  halted: z.boolean().optional(),
  /** The target could not be reached at all (or not safely): the test proves nothing. */
  unreachable: Unreachable.optional(),
  /** The check proves the harness's own client, nothing of the target (a consumer contract). */
  noEvidence: z.boolean().optional(),
  /** The target's rate limits this check waited out (429, 503 + Retry-After): not findings, counted. */
  rateLimited: RateLimited.optional(),
  /** Transport faults the check met, and how often it ran again for them (src/core/transport.ts). */
  transport: TransportRecord.optional(),
  /** When the check started (ms since the epoch) and how long it ran. */
  start: z.number().optional(),
  duration: z.number().optional(),
});
export type TestOutcome = z.infer<typeof TestOutcome>;

export type TestStatus = TestOutcome['status'] | 'warn' | 'accepted';

/** The findings of `o` on one rule, of one level or any. */
export const findingsOn = (o: Pick<TestOutcome, 'findings'>, rule: string, level?: Finding['level']): Finding[] =>
  (o.findings ?? []).filter((f) => f.rule === rule && (!level || f.level === level));

/** The rules whose checks failed in `o` (its failure findings). */
export const failedRules = (o: Pick<TestOutcome, 'findings'>): string[] => [
  ...new Set((o.findings ?? []).filter((f) => f.level === 'failure').map((f) => f.rule)),
];

/**
 * How one test stands on one requirement. A test that failed only on rule checks of other
 * requirements ran its own checks to the end and they held (pass), unless it stopped early
 * (halted) or never reached the target: then it proves nothing about them (undefined). A check
 * of a default that failed as a warning makes a pass a warn; an accepted risk, accepted. A failure
 * outside any rule check fails the requirements the test names, never one it only warned on.
 */
export function statusFor(o: TestOutcome, requirementId: string): TestStatus | undefined {
  if (o.unreachable) return undefined;
  // A consumer contract test proves the harness's own client against a Pact mock, nothing of the
  // target: its pass is no evidence for a requirement (its failure is still shown).
  if (o.noEvidence && o.status !== 'fail') return undefined;
  const noted = findingsOn(o, requirementId, 'accepted').length
    ? 'accepted'
    : findingsOn(o, requirementId, 'warning').length
      ? 'warn'
      : undefined;
  const passOrNoted = noted ?? 'pass';
  if (o.status !== 'fail') return o.status === 'pass' ? passOrNoted : o.status;
  const blamed = failedRules(o);
  if (blamed.includes(requirementId)) return 'fail';
  const attributed = blamed.length > 0 && !o.unattributed;
  if (!attributed) return o.requirementIds.includes(requirementId) ? 'fail' : noted;
  return o.halted ? noted : passOrNoted;
}

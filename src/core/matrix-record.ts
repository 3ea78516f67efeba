// The matrix as a record (conformance.json): per provider, per requirement, the verdict and the
// checks behind it with their typed findings. Typed by these schemas, written by the conformance
// reporter, validated wherever it is read again (`readMatrix`): the CLI's closing line, `defects`,
// `variants`, the project's own tests.
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { FindingRecord, RateLimited, Unreachable } from './check-record.ts';
import { TransportRecord } from './transport.ts';

export const Verdict = z.enum(['pass', 'warn', 'accepted', 'fail', 'not-applicable', 'not-run']);
export type Verdict = z.infer<typeof Verdict>;

/** A check as a requirement's row shows it: its status for that requirement, and its own findings of it. */
export const CheckRow = z.object({
  title: z.string(),
  project: z.string(),
  status: z.enum(['pass', 'fail', 'skipped', 'warn', 'accepted']),
  error: z.string().optional(),
  findings: z.array(FindingRecord).optional(),
  /** The check ran again after transport faults (src/core/transport.ts). */
  transport: TransportRecord.optional(),
  start: z.number().optional(),
  duration: z.number().optional(),
});
export type CheckRow = z.infer<typeof CheckRow>;

const Citation = z.object({ clause: z.string(), quote: z.string(), url: z.string() });

/** A requirement's own words as the catalogue gives them (src/core/requirements.ts). */
const RequirementWords = z.object({
  id: z.string(),
  endpoint: z.string(),
  section: z.string().optional(),
  text: z.string(),
  severity: z.enum(['blocker', 'critical', 'normal', 'minor']),
  options: z.array(z.string()).readonly().optional(),
  cites: z.array(Citation).readonly().optional(),
  contradiction: z.string().optional(),
  source: z.enum(['document', 'provider-docs', 'standard', 'default']),
});

export const RequirementRow = RequirementWords.extend({
  verdict: Verdict,
  reasons: z.array(z.string()),
  observations: z.array(z.string()),
  /** For a warn: what departed from the default, and the profile option that would state it. */
  warnings: z.array(FindingRecord),
  /** For an accepted risk: what failed, and the reason the profile accepts it. */
  accepted: z.array(FindingRecord),
  /** A pass or warn of which some checks did not run here: how many ran, and why the others did not. */
  partial: z.object({ ran: z.number(), of: z.number(), missing: z.array(z.string()) }).optional(),
  tests: z.array(CheckRow),
});
export type RequirementRow = z.infer<typeof RequirementRow>;

export const ProviderMatrix = z.object({
  id: z.string(),
  title: z.string(),
  /** The provider's document the rules quote: its title, and its address where it gives one. */
  document: z.object({ title: z.string(), url: z.string().optional() }).optional(),
  target: z.string(),
  profile: z.record(z.string(), z.unknown()),
  /** The risks the profile accepts by name, with their reasons (src/core/accepted-risks.ts). */
  acceptedRisks: z.record(z.string(), z.string()).optional(),
  /** partial: passes and warnings of which some checks did not run (also counted in pass or warn). */
  counts: z.object({
    pass: z.number(),
    warn: z.number(),
    accepted: z.number().optional(),
    fail: z.number(),
    notApplicable: z.number(),
    notRun: z.number(),
    partial: z.number().optional(),
  }),
  /** Set when the target could not be reached: the verdict is NOT conformant for that reason alone. */
  unreachable: Unreachable.optional(),
  requirements: z.array(RequirementRow),
});
export type ProviderMatrix = z.infer<typeof ProviderMatrix>;

export const TransportTotals = z.object({
  checks: z.number(),
  reruns: z.number(),
  faults: z.number(),
  resent: z.number(),
  disturbed: z.number(),
});
export type TransportTotals = z.infer<typeof TransportTotals>;

export const Matrix = z.object({
  generatedAt: z.string(),
  tests: z.object({ passed: z.number(), failed: z.number(), skipped: z.number() }),
  rateLimited: RateLimited.optional(),
  /** Checks run again after a transport fault, the re-runs and faults in all, and the checks judged on a disturbed exchange. */
  transport: TransportTotals.optional(),
  providers: z.array(ProviderMatrix),
  /** Tests that name no requirement, or one no catalogue has: a defect of the harness. */
  unmapped: z.array(z.string()),
});
export type Matrix = z.infer<typeof Matrix>;

/** The verdict of a run, as the reporter concluded it once (matrix.ts `conclude`). */
export const Conclusion = z.object({
  verdict: z.enum(['conformant', 'conformant-with-warnings', 'not-conformant']),
  failing: z.number(),
  warnings: z.number(),
  /** Failed standard rules the profiles accept by name, as "ID (reason)". */
  accepted: z.array(z.string()),
  unreachable: z.array(z.string()),
  /** Requirements that passed (or warned) with some of their checks not run. */
  partial: z.array(z.string()),
  /** The verdict in words, without its label: "conformant with 2 warnings (…)". */
  text: z.string(),
  /** The line that closes a run: "VERDICT: conformant with 2 warnings". */
  line: z.string(),
});
export type Conclusion = z.infer<typeof Conclusion>;

/** conformance.json: the matrix, Playwright's status of the run, and the verdict concluded from both. */
export const MatrixFile = Matrix.extend({
  status: z.enum(['passed', 'failed', 'timedout', 'interrupted']),
  conclusion: Conclusion,
});
export type MatrixFile = z.infer<typeof MatrixFile>;

/** conformance.json read back and validated; undefined when there is none. A file that is not one is an error. */
export function readMatrix(file: string): MatrixFile | undefined {
  if (!existsSync(file)) return undefined;
  const parsed = MatrixFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(
      `${file} is not a conformance matrix: ${parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; ')}`,
    );
  return parsed.data;
}

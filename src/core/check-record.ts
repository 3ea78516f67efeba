// What a check leaves for the reports, as data: one annotation kind (CHECK_RECORD), its description
// a JSON record of one of the kinds below, written where the thing happened (a rule check, a halt,
// an unreachable target, a rate-limit wait, a transport fault) and validated when the reporter
// reads it. The reports render these records; none of them reads a check's words back out of an
// error message or a skip reason.
import { z } from 'zod';
import { TransportFaults } from './transport.ts';

export const CHECK_RECORD = 'check-record';

export const Level = z.enum(['failure', 'warning', 'accepted']);

/** A failed rule check (specs/fixtures/expect.ts): the rule, its weight, what was checked and what was seen. */
export const FindingRecord = z.object({
  kind: z.literal('finding'),
  rule: z.string().min(1),
  level: Level,
  /** What was checked: "Cache-Control of the snapshot". */
  what: z.string(),
  /** What the check expected and what it received, masked (either may be absent: a custom matcher's own words). */
  expected: z.string().optional(),
  received: z.string().optional(),
  /** The matcher was negated (`.not`): the expected value is one the target must not give. */
  negated: z.boolean().optional(),
  /** A matcher's own words where it has no expected/received pair, masked. */
  note: z.string().optional(),
  /** A warning's advice: the profile option that would state the target's choice. */
  advice: z.string().optional(),
  /** An accepted risk's reason, from the profile. */
  reason: z.string().optional(),
});

/** A check that ran in a weaker form for want of a variable: its rule's pass is partial. */
export const PartlyRecord = z.object({ kind: z.literal('partly'), rule: z.string().min(1), missing: z.string() });

/** The check stopped on purpose after a failed rule check: it proves nothing else. */
export const HaltedRecord = z.object({ kind: z.literal('halted'), why: z.string() });

/** The target could not be reached at all (or not safely: `tls`): the check proves nothing. */
export const Unreachable = z.object({ message: z.string(), tls: z.boolean() });
export const UnreachableRecord = Unreachable.extend({ kind: z.literal('unreachable') });

/** Rate limits the check waited out (429, 503 + Retry-After): counted, never findings. */
export const RateLimited = z.object({ count: z.number().int().min(0), waitedMs: z.number().min(0) });
export const RateLimitedRecord = RateLimited.extend({ kind: z.literal('rate-limited') });

/** Transport faults one attempt met (src/core/transport.ts). */
export const TransportFaultsRecord = TransportFaults.extend({ kind: z.literal('transport') });

/**
 * A skip that leaves nothing unchecked: the profile states the target does not do this, or other
 * checks of the run cover it. Any other skip of a check leaves its requirement's pass partial.
 */
export const NotAGapRecord = z.object({ kind: z.literal('not-a-gap'), cause: z.enum(['profile', 'covered']) });

/** The check proves the harness's own client (a consumer contract against a Pact mock), nothing of the target. */
export const NoEvidenceRecord = z.object({ kind: z.literal('no-evidence') });

/** What a check saw and reports without judging. */
export const ObservationRecord = z.object({ kind: z.literal('observation'), text: z.string() });

export const CheckRecord = z.discriminatedUnion('kind', [
  FindingRecord,
  PartlyRecord,
  HaltedRecord,
  UnreachableRecord,
  RateLimitedRecord,
  TransportFaultsRecord,
  NotAGapRecord,
  NoEvidenceRecord,
  ObservationRecord,
]);
export type CheckRecord = z.infer<typeof CheckRecord>;
export type Finding = z.infer<typeof FindingRecord>;
export type Unreachable = z.infer<typeof Unreachable>;
export type RateLimited = z.infer<typeof RateLimited>;
export type RecordOf<K extends CheckRecord['kind']> = Extract<CheckRecord, { kind: K }>;

/** The annotation that carries `r`. */
export const recordAnnotation = (r: CheckRecord): { type: string; description: string } => ({
  type: CHECK_RECORD,
  description: JSON.stringify(r),
});

/** The records among a test's annotations, and how many of ours could not be read (a harness error). */
export function readRecords(annotations: readonly { type: string; description?: string }[]): {
  records: CheckRecord[];
  unreadable: number;
} {
  const records: CheckRecord[] = [];
  let unreadable = 0;
  for (const a of annotations) {
    if (a.type !== CHECK_RECORD) continue;
    let parsed;
    try {
      parsed = CheckRecord.safeParse(JSON.parse(a.description ?? ''));
    } catch {
      parsed = undefined;
    }
    if (parsed?.success) records.push(parsed.data);
    else unreadable++;
  }
  return { records, unreadable };
}

/** The records of one kind. */
export const recordsOf = <K extends CheckRecord['kind']>(records: readonly CheckRecord[], kind: K): RecordOf<K>[] =>
  records.filter((r): r is RecordOf<K> => r.kind === kind);

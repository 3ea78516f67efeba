// How much of a requirement a run checked: a pass (or warn, or accepted risk) is partial when some
// of its checks were skipped for want of a variable or control, or ran in a weaker form
// (`checkedInPart`). A skip the profile or other checks account for leaves nothing unchecked.
import type { CheckRow, RequirementRow, Verdict } from './matrix-record.ts';
import type { TestOutcome } from './outcome.ts';

export function partialOf(
  rule: string,
  verdict: Verdict,
  concerned: readonly TestOutcome[],
  tests: readonly Pick<CheckRow, 'status'>[],
): RequirementRow['partial'] {
  if (verdict !== 'pass' && verdict !== 'warn' && verdict !== 'accepted') return undefined;
  const gaps = concerned.filter((o) => o.status === 'skipped' && !o.notAGap);
  const ran = concerned.filter((o) => o.status !== 'skipped');
  const weaker = ran.flatMap((o) => (o.partly ?? []).filter((n) => n.rule === rule));
  const weakened = ran.filter((o) => o.partly?.some((n) => n.rule === rule)).length;
  if (gaps.length + weakened === 0) return undefined;
  const ranChecks = tests.filter((t) => t.status !== 'skipped').length;
  return {
    ran: ranChecks - weakened,
    of: ranChecks + gaps.length,
    missing: [...new Set([...gaps.map((o) => o.skipReason ?? 'skipped'), ...weaker.map((n) => n.missing)])],
  };
}

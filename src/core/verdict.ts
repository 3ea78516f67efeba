// The verdicts: of one requirement over its checks, and of a whole run over its matrix. Concluded
// once, by the conformance reporter, and stored with the matrix (src/core/matrix-record.ts).
import type { CheckRow, Conclusion, Matrix, ProviderMatrix, Verdict } from './matrix-record.ts';

/**
 * A requirement's verdict: fail if any check failed on it, accepted if one failed that the profile
 * accepts by name, warn if one warned, pass if one passed; not applicable if every check was
 * skipped with a reason, not run if none ran (or the target was not reached).
 */
export function requirementVerdict(tests: readonly Pick<CheckRow, 'status'>[], targetGone: boolean): Verdict {
  const has = (s: CheckRow['status']) => tests.some((t) => t.status === s);
  if (tests.length === 0) return 'not-run';
  if (has('fail')) return 'fail';
  if (has('accepted')) return 'accepted';
  if (has('warn')) return 'warn';
  if (has('pass')) return 'pass';
  return targetGone ? 'not-run' : 'not-applicable';
}

/** The verdict of a matrix: NOT conformant on any failing requirement, an unreachable target, or a failed run. */
export function conclude(m: Pick<Matrix, 'providers'>, runFailed = false, label = 'VERDICT'): Conclusion {
  const failing = m.providers.reduce((n, p) => n + p.counts.fail, 0);
  const warnings = m.providers.reduce((n, p) => n + (p.counts.warn ?? 0), 0);
  const gone = m.providers.filter((p) => p.unreachable);
  const partial = m.providers.flatMap((p) => p.requirements.filter((r) => r.partial).map((r) => r.id));
  // A pass that is partly checked is still a pass, but the verdict says which ones and that they are.
  const partly = partial.length
    ? ` (${partial.length} requirement${partial.length === 1 ? '' : 's'} partly checked: ${partial.join(', ')})`
    : '';
  // An accepted risk never passes silently: the verdict names each, with the profile's reason.
  const accepted = m.providers.flatMap((p) =>
    p.requirements
      .filter((r) => r.verdict === 'accepted')
      .map((r) => `${r.id} (${r.accepted[0]?.reason ?? p.acceptedRisks?.[r.id] ?? ''})`),
  );
  const risks = accepted.length
    ? ` (ACCEPTED RISK${accepted.length === 1 ? '' : 'S'} by the profile: ${accepted.join('; ')}; --strict fails ${accepted.length === 1 ? 'it' : 'them'})`
    : '';
  const named = (p: ProviderMatrix) => `${p.id}: ${p.unreachable!.message}`;
  const unreachable = gone.map(named);
  const said = (verdict: Conclusion['verdict'], text: string): Conclusion => ({
    verdict,
    failing,
    warnings,
    accepted,
    unreachable,
    partial,
    text,
    line: `${label}: ${text}`,
  });
  if (failing || unreachable.length || runFailed) {
    // A certificate problem is named as such (TLS: …, with the setting that fixes it), not as an unreachable target.
    const tls = gone.filter((p) => p.unreachable!.tls).map(named);
    const notReached = gone.filter((p) => !p.unreachable!.tls).map(named);
    const why = [
      ...tls,
      ...(notReached.length ? [`target unreachable (${notReached.join('; ')})`] : []),
      ...(failing ? [`${failing} requirement(s) failing`] : []),
      ...(!failing && !unreachable.length ? ['a check failed outside any requirement'] : []),
    ];
    return said('not-conformant', `NOT conformant (${why.join('; ')})${risks}${partly}`);
  }
  if (warnings)
    return said(
      'conformant-with-warnings',
      `conformant with ${warnings} warning${warnings === 1 ? '' : 's'} (defaults of the harness the target departs from; --strict fails them)${risks}${partly}`,
    );
  return said('conformant', `conformant${risks}${partly}`);
}

// The client records as the harness's matrix (src/core/matrix.ts): one row per client requirement,
// a check per case that names it. Every report of `run` then renders a client run the same way.
import type { CheckRow, Matrix, ProviderMatrix, RequirementRow, Verdict } from '../core/matrix.ts';
import { asFinding, caseStatusFor, type ClientRunRecord } from './record.ts';
import { findingLine } from '../core/findings.ts';
import type { ClientSide } from './side.ts';

// A case the harness could not serve fails: nothing may pass on the harness's own error.
const STATUS = { pass: 'pass', warn: 'warn', fail: 'fail', 'not-run': 'skipped', error: 'fail' } as const;

export function clientMatrix(
  record: ClientRunRecord,
  side: Pick<ClientSide, 'provider' | 'title' | 'document' | 'requirements'>,
): Matrix {
  const rows: RequirementRow[] = side.requirements.map((r) => {
    const tests: CheckRow[] = record.cases
      .filter((c) => c.requirements.includes(r.id))
      .map((c) => {
        const status = caseStatusFor(c, r.id);
        const own = c.findings.filter((f) => f.requirement === r.id).map(asFinding);
        if (status === 'error')
          own.push({
            kind: 'finding',
            rule: r.id,
            level: 'failure',
            what: 'the case',
            note: c.notRunReason ?? 'an error of the harness',
          });
        return {
          title: `${c.case}: ${c.title}`,
          project: `${side.provider}-client`,
          status: STATUS[status],
          ...(own.length ? { findings: own } : {}),
          ...(status === 'not-run' || status === 'error'
            ? { error: c.notRunReason ?? c.unjudged?.[r.id] ?? 'not judged' }
            : {}),
          start: c.start,
          duration: c.durationMs,
        };
      });
    const verdict: Verdict = tests.some((t) => t.status === 'fail')
      ? 'fail'
      : tests.some((t) => t.status === 'warn')
        ? 'warn'
        : tests.some((t) => t.status === 'pass')
          ? 'pass'
          : 'not-run';
    const ran = tests.filter((t) => t.status !== 'skipped').length;
    return {
      ...r,
      verdict,
      reasons: tests.flatMap((t) => (t.findings ?? []).filter((f) => f.level === 'failure').map(findingLine)),
      observations: [],
      warnings: tests.flatMap((t) => (t.findings ?? []).filter((f) => f.level === 'warning')),
      accepted: [],
      ...((verdict === 'pass' || verdict === 'warn') && ran < tests.length
        ? {
            partial: {
              ran,
              of: tests.length,
              missing: tests.filter((t) => t.status === 'skipped').map((t) => `${t.title} (${t.error})`),
            },
          }
        : {}),
      tests,
    };
  });
  const count = (v: Verdict) => rows.filter((r) => r.verdict === v).length;
  const provider: ProviderMatrix = {
    id: `${side.provider}-client`,
    title: side.title,
    document: side.document,
    target: `the app: ${record.command}`,
    profile: {},
    counts: {
      pass: count('pass'),
      warn: count('warn'),
      fail: count('fail'),
      notApplicable: 0,
      notRun: count('not-run'),
      partial: rows.filter((r) => r.partial).length,
    },
    requirements: rows,
  };
  const runs = record.cases;
  return {
    generatedAt: record.generatedAt,
    tests: {
      passed: runs.filter((c) => c.status === 'pass' || c.status === 'warn').length,
      failed: runs.filter((c) => c.status === 'fail' || c.status === 'error').length,
      skipped: runs.filter((c) => c.status === 'not-run').length,
    },
    providers: [provider],
    unmapped: [],
  };
}

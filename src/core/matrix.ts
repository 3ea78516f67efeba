// Builds the provider × requirement matrix from test outcomes. A requirement fails if any of its
// tests failed on it, is an accepted risk if a check of it failed that the profile accepts by name,
// warns if a check of a default failed as a warning (src/core/levels.ts) and none failed, passes if
// one passed, is not applicable if all were skipped (with the reasons), and "not run" if no test of
// it ran in this run (a --grep, a --shard, an unreachable target).
//
// Which requirement a failed test failed on: a rule check (specs/fixtures/expect.ts) leaves a
// finding (src/core/findings.ts) that names its requirement, and blames that one alone; the test
// goes on. Any other failure (a plain assertion, a thrown error, a timeout) fails every requirement
// the test names, and no other.
import type { ProviderCatalogue } from '../providers/types.ts';
import { levelOf, warningAdvice } from './levels.ts';
import { loadAcceptedRisks, loadProfile } from './profile.ts';
import { catalogue } from '../catalogue.ts';
import type { Finding } from './check-record.ts';
import { firstLine } from './findings.ts';
import type { CheckRow, Matrix, ProviderMatrix, RequirementRow, TransportTotals, Verdict } from './matrix-record.ts';
import { failedRules, findingsOn, statusFor, type TestOutcome } from './outcome.ts';
import { requirementVerdict } from './verdict.ts';
import { partialOf } from './coverage.ts';
export { PROVIDER_ANNOTATION, statusFor, type TestOutcome, type TestStatus } from './outcome.ts';
export { conclude } from './verdict.ts';
export {
  CheckRow,
  Conclusion,
  Matrix,
  MatrixFile,
  ProviderMatrix,
  readMatrix,
  RequirementRow,
  TransportTotals,
  Verdict,
} from './matrix-record.ts';

/** A finding made of a check that failed outside any rule check, at its requirement's level: its note is the check's error. */
const fallbackFinding = (
  rule: string,
  level: Finding['level'],
  title: string,
  error: string | undefined,
  extra: Pick<Finding, 'advice' | 'reason'>,
): Finding => ({ kind: 'finding', rule, level, what: title, note: firstLine(error) ?? 'failed', ...extra });

/** A failed test's own error, on a requirement it failed otherwise than by its rule checks. */
function errorFor(o: TestOutcome, requirementId: string): string | undefined {
  if (findingsOn(o, requirementId, 'failure').length) return undefined;
  return o.unattributed || !failedRules(o).length ? o.error : undefined;
}

export function buildMatrix(outcomes: readonly TestOutcome[], env: NodeJS.ProcessEnv): Matrix {
  const ran = new Set(outcomes.map((o) => o.provider));
  const known = new Set(catalogue.flatMap((p) => Object.keys(p.requirements)));
  const unmapped = outcomes
    .filter((o) => o.requirementIds.length === 0 || o.requirementIds.some((id) => !known.has(id)))
    .map((o) => o.title);
  const out: ProviderMatrix[] = [];
  for (const p of catalogue) {
    if (!ran.has(p.id)) continue;
    const mine = outcomes.filter((o) => o.provider === p.id);
    const unreachable = mine.find((o) => o.unreachable)?.unreachable;
    const rows: RequirementRow[] = Object.values(p.requirements).map((r) => {
      // A test skipped without a reason did not run (a failed dependency, --max-failures): not "n/a".
      // A test counts for the requirements it names, and for any it left a finding on.
      const concerned = mine.filter(
        (o) =>
          (o.requirementIds.includes(r.id) || findingsOn(o, r.id).length > 0) &&
          !(o.status === 'skipped' && !o.skipReason),
      );
      // A test that failed outside its rule checks (a plain assertion, a thrown error) fails a
      // requirement at the requirement's own level: a default's is a warning, an accepted risk
      // accepted (src/core/levels.ts).
      const { level, reason } = levelOf(r.id, undefined, env);
      const fallbacks: Finding[] = [];
      const tests = concerned.flatMap((o): CheckRow[] => {
        let status = statusFor(o, r.id);
        const error = status === 'fail' ? errorFor(o, r.id) : undefined;
        const blamedHere = findingsOn(o, r.id, 'failure').length > 0;
        if (status === 'fail' && level !== 'failure' && !blamedHere) {
          status = level === 'warning' ? 'warn' : 'accepted';
          fallbacks.push(
            fallbackFinding(r.id, level, o.title, error, {
              ...(level === 'warning' ? { advice: warningAdvice(p.id, r.options ?? []) } : {}),
              ...(level === 'accepted' ? { reason: reason ?? '' } : {}),
            }),
          );
        }
        const findings = findingsOn(o, r.id);
        const timing = o.start !== undefined ? { start: o.start, duration: o.duration ?? 0 } : {};
        return status
          ? [
              {
                title: o.title,
                project: o.project,
                status,
                ...(error ? { error } : {}),
                ...(findings.length ? { findings } : {}),
                ...(o.transport ? { transport: o.transport } : {}),
                ...timing,
              },
            ]
          : [];
      });
      const gone = concerned.some((o) => o.unreachable);
      const verdict = requirementVerdict(tests, gone);
      const reasons =
        verdict === 'not-applicable'
          ? [...new Set(concerned.filter((t) => t.status === 'skipped').map((t) => t.skipReason ?? 'skipped'))]
          : verdict === 'not-run' && gone
            ? ['target unreachable']
            : [];
      const observations = [...new Set(concerned.flatMap((t) => t.observations ?? []))];
      const partial = partialOf(r.id, verdict, concerned, tests);
      // A rule's own warnings stay on it whatever else its verdict is: a failure elsewhere in a test never hides them.
      const unique = (fs: Finding[]) => [...new Map(fs.map((f) => [JSON.stringify(f), f])).values()];
      const own = (lv: Finding['level']) => [
        ...concerned.flatMap((o) => findingsOn(o, r.id, lv)),
        ...fallbacks.filter((f) => f.level === lv),
      ];
      const warnings = unique(own('warning'));
      const accepted = unique(own('accepted'));
      return { ...r, verdict, reasons, observations, warnings, accepted, ...(partial ? { partial } : {}), tests };
    });
    let profile: Record<string, unknown>;
    try {
      const provider: ProviderCatalogue = p;
      profile = loadProfile(provider, env);
    } catch (e) {
      profile = { error: (e as Error).message };
    }
    let acceptedRisks: Record<string, string> = {};
    try {
      acceptedRisks = loadAcceptedRisks(p, env);
    } catch {
      // Refused before any test ran (checkTargetSettings); the profile's error above says why.
    }
    const count = (v: Verdict) => rows.filter((r) => r.verdict === v).length;
    out.push({
      id: p.id,
      title: p.title,
      document: p.document,
      target: env[p.env.baseUrl] ? env[p.env.baseUrl]! : 'embedded mock',
      profile,
      ...(Object.keys(acceptedRisks).length ? { acceptedRisks } : {}),
      counts: {
        pass: count('pass'),
        warn: count('warn'),
        accepted: count('accepted'),
        fail: count('fail'),
        notApplicable: count('not-applicable'),
        notRun: count('not-run'),
        partial: rows.filter((r) => r.partial).length,
      },
      ...(unreachable ? { unreachable } : {}),
      requirements: rows,
    });
  }
  const rateLimited = outcomes.reduce(
    (sum, o) => ({
      count: sum.count + (o.rateLimited?.count ?? 0),
      waitedMs: sum.waitedMs + (o.rateLimited?.waitedMs ?? 0),
    }),
    { count: 0, waitedMs: 0 },
  );
  const met = outcomes.filter((o) => o.transport?.faults);
  const transport: TransportTotals = {
    checks: met.filter((o) => o.transport!.reruns > 0).length,
    reruns: met.reduce((n, o) => n + o.transport!.reruns, 0),
    faults: met.reduce((n, o) => n + o.transport!.faults, 0),
    resent: met.reduce((n, o) => n + o.transport!.resent, 0),
    disturbed: met.filter((o) => o.transport!.disturbed).length,
  };
  return {
    generatedAt: new Date().toISOString(),
    tests: {
      passed: outcomes.filter((o) => o.status === 'pass').length,
      failed: outcomes.filter((o) => o.status === 'fail').length,
      skipped: outcomes.filter((o) => o.status === 'skipped').length,
    },
    ...(rateLimited.count ? { rateLimited } : {}),
    ...(transport.faults ? { transport } : {}),
    providers: out,
    unmapped,
  };
}

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
import { transportLine, type TransportRecord } from './transport.ts';
export { transportLine };
import { levelOf, warningAdvice } from './levels.ts';
import { loadAcceptedRisks, loadProfile } from './profile.ts';
import { catalogue } from '../catalogue.ts';
import { clauses, type Requirement } from './requirements.ts';
import type { Finding, RateLimited } from './check-record.ts';
import type {
  CheckRow,
  Conclusion,
  Matrix,
  ProviderMatrix,
  RequirementRow,
  TransportTotals,
  Verdict,
} from './matrix-record.ts';
import { acceptedNote, fallbackFinding, findingLine, findingNote, firstLine } from './findings.ts';
import { failedRules, findingsOn, statusFor, type TestOutcome, type TestStatus } from './outcome.ts';
export { PROVIDER_ANNOTATION, statusFor, type TestOutcome, type TestStatus } from './outcome.ts';
export type { RateLimited };

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

/** What a partly checked requirement's note says. */
export const partialNote = (p: NonNullable<RequirementRow['partial']>): string =>
  `partial: ${p.ran} of ${p.of} checks ran in full; ${p.missing.join('; ')}`;

/** The short form beside a verdict: `(partial: 2 of 6)`. */
export const partialLabel = (p: NonNullable<RequirementRow['partial']>): string => `(partial: ${p.ran} of ${p.of})`;

/** Each failed check of a requirement in one line: its title and the first line of its error. */
export const failureLines = (r: Pick<RequirementRow, 'tests'>): string[] =>
  r.tests.filter((t) => t.status === 'fail').map((t) => `${t.title}: ${firstLine(t.error) ?? 'failed'}`);

/** `re-run 2 times after 2 transport faults (the last: …)`: what a check's transport faults were. */
export const transportNote = (t: TransportRecord): string =>
  `${t.disturbed ? 'judged on a disturbed exchange' : `re-run ${t.reruns} time${t.reruns === 1 ? '' : 's'}`} after ${t.faults} transport fault${t.faults === 1 ? '' : 's'} (${t.resent} sent again)${t.where?.length ? `; the last: ${t.where.at(-1)}` : ''}`;

/** `rate-limited 7 times, 9 s waited`, or nothing when no request met one. */
export const rateLimitedLine = (r: RateLimited | undefined): string | undefined =>
  r?.count
    ? `rate-limited ${r.count} time${r.count === 1 ? '' : 's'}, ${(r.waitedMs / 1000).toFixed(r.waitedMs < 10_000 ? 1 : 0)} s waited (not findings: each request was sent again after the wait the target asked for)`
    : undefined;

/** What a failed test says about one requirement: its own failed rule checks, else the test's error. */
function errorFor(o: TestOutcome, requirementId: string): string | undefined {
  const own = findingsOn(o, requirementId, 'failure').map(findingLine);
  if (own.length) return own.join('; ');
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
      const has = (s: TestStatus) => tests.some((t) => t.status === s);
      const gone = concerned.some((o) => o.unreachable);
      const verdict: Verdict =
        tests.length === 0
          ? 'not-run'
          : has('fail')
            ? 'fail'
            : has('accepted')
              ? 'accepted'
              : has('warn')
                ? 'warn'
                : has('pass')
                  ? 'pass'
                  : gone
                    ? 'not-run'
                    : 'not-applicable';
      const reasons =
        verdict === 'not-applicable'
          ? [...new Set(concerned.filter((t) => t.status === 'skipped').map((t) => t.skipReason ?? 'skipped'))]
          : verdict === 'not-run' && gone
            ? ['target unreachable']
            : [];
      const observations = [...new Set(concerned.flatMap((t) => t.observations ?? []))];
      const gaps = concerned.filter((o) => o.status === 'skipped' && !o.notAGap);
      const weaker = concerned
        .filter((o) => o.status !== 'skipped')
        .flatMap((o) => (o.partly ?? []).filter((n) => n.rule === r.id));
      const weakened = concerned.filter((o) => o.status !== 'skipped' && o.partly?.some((n) => n.rule === r.id)).length;
      const ranChecks = tests.filter((t) => t.status !== 'skipped').length;
      const partial =
        (verdict === 'pass' || verdict === 'warn' || verdict === 'accepted') && gaps.length + weakened > 0
          ? {
              ran: ranChecks - weakened,
              of: ranChecks + gaps.length,
              missing: [...new Set([...gaps.map((o) => o.skipReason ?? 'skipped'), ...weaker.map((n) => n.missing)])],
            }
          : undefined;
      // A rule's own warnings stay on it whatever else its verdict is: a failure elsewhere in a test never hides them.
      const unique = (fs: Finding[], words: (f: Finding) => string) => [
        ...new Map(fs.map((f) => [words(f), f])).values(),
      ];
      const own = (lv: Finding['level']) => [
        ...concerned.flatMap((o) => findingsOn(o, r.id, lv)),
        ...fallbacks.filter((f) => f.level === lv),
      ];
      const warnings = unique(own('warning'), findingNote);
      const accepted = unique(own('accepted'), acceptedNote);
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

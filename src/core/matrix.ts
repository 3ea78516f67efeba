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
import { TLS_PROBLEM } from './http.ts';
import { transportLine, type TransportRecord } from './transport.ts';
export { transportLine };
import { levelOf, warningAdvice } from './levels.ts';
import { loadAcceptedRisks, loadProfile } from './profile.ts';
import { catalogue } from '../catalogue.ts';
import { clauses, type Requirement } from './requirements.ts';

/** The message prefix of the error that ends a test on purpose after a failed rule check. */
export const HALTED = '[halted]';

/** A message of one requirement's own: a failed rule check's words, or a warning's. */
export interface RuleNote {
  requirement: string;
  text: string;
}

/** A failed check of a standard's rule that the profile accepts by name: what failed, and why it is accepted. */
export interface AcceptedNote extends RuleNote {
  reason: string;
}

/** The annotation that carries a check's provider (its id) from its declaration (`req(...)`) to the reporters. */
export const PROVIDER_ANNOTATION = 'provider';

export interface TestOutcome {
  testId: string;
  /** The provider whose check this is (PROVIDER_ANNOTATION). */
  provider: string;
  /** The group a person reads it under: `<id>` (checks) or `<id>-pact` (the contract). */
  project: string;
  title: string;
  file: string;
  requirementIds: string[];
  status: 'pass' | 'fail' | 'skipped';
  skipReason?: string;
  error?: string;
  /** What a test saw and reports without judging (annotations of type "observation"). */
  observations?: string[];
  /** Requirements whose rule checks (`[ID] …`) failed. */
  blamed?: string[];
  /** What each failed rule check said, so a matrix note quotes its own requirement's assertion. */
  ruleErrors?: RuleNote[];
  /** Checks of a default that failed as warnings (the test went on and passed on them). */
  warnings?: RuleNote[];
  /** Checks of a standard's rule that failed, accepted as risks by the profile (the test went on). */
  accepted?: AcceptedNote[];
  /** Checks that ran in a weaker form for want of a variable (annotations of type PARTLY_CHECKED): what was left out. */
  partly?: RuleNote[];
  /** The test failed otherwise too (a plain assertion, a thrown error, a timeout): its own requirements all fail. */
  unattributed?: boolean;
  /** The test stopped early after a rule check failed (nothing left to look at): it proves nothing else. */
  halted?: boolean;
  /** The target could not be reached at all: the test proves nothing (see UNREACHABLE in http.ts). */
  unreachable?: string;
  /** The target's rate limits this check waited out (429, 503 + Retry-After): not findings, counted. */
  rateLimited?: RateLimited;
  /** Transport faults the check met, and how often it ran again for them (src/core/transport.ts). */
  transport?: TransportRecord;
  /** When the check started (ms since the epoch) and how long it ran. */
  start?: number;
  duration?: number;
}

/** One finding of a check, on the requirement whose row holds it (src/core/findings.ts). */
export interface CheckFinding {
  level: 'failure' | 'warning' | 'accepted';
  text: string;
}

/** A check as a requirement's row shows it: its status for that requirement, and its own findings of it. */
export interface CheckRow {
  title: string;
  project: string;
  status: TestStatus;
  error?: string;
  findings?: CheckFinding[];
  /** The check ran again after transport faults (src/core/transport.ts). */
  transport?: TransportRecord;
  start?: number;
  duration?: number;
}

export type TestStatus = TestOutcome['status'] | 'warn' | 'accepted';

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
  if (/(^|\/)pact\/consumer\.ts$/.test(o.file) && o.status !== 'fail') return undefined;
  const noted = o.accepted?.some((a) => a.requirement === requirementId)
    ? 'accepted'
    : o.warnings?.some((w) => w.requirement === requirementId)
      ? 'warn'
      : undefined;
  const passOrNoted = noted ?? 'pass';
  if (o.status !== 'fail') return o.status === 'pass' ? passOrNoted : o.status;
  if (o.blamed?.includes(requirementId)) return 'fail';
  const attributed = o.blamed && o.blamed.length > 0 && !o.unattributed;
  if (!attributed) return o.requirementIds.includes(requirementId) ? 'fail' : noted;
  return o.halted ? noted : passOrNoted;
}

export type Verdict = 'pass' | 'warn' | 'accepted' | 'fail' | 'not-applicable' | 'not-run';

/**
 * A skip that leaves nothing of the requirement unchecked: the target's profile states it does not
 * do this, or other checks of the same run cover it (`covered: …`). Any other skip of a check whose
 * requirement passed leaves the pass partial: a variable not set, no /__mock/ control.
 */
const NOT_A_GAP = /^(covered: |not applicable: profile )/;

/**
 * The annotation a test adds (`ID: what was left out`) when a check of that requirement ran, but
 * in a weaker form than the target allows for want of a variable (a PAN looked for by shape, not
 * compared): the requirement's pass is then partial, with that note.
 */
export const PARTLY_CHECKED = 'partly-checked';

/** What a partly checked requirement's note says. */
export const partialNote = (p: NonNullable<RequirementRow['partial']>): string =>
  `partial: ${p.ran} of ${p.of} checks ran in full; ${p.missing.join('; ')}`;

/** The short form beside a verdict: `(partial: 2 of 6)`. */
export const partialLabel = (p: NonNullable<RequirementRow['partial']>): string => `(partial: ${p.ran} of ${p.of})`;

/** Each failed check of a requirement in one line: its title and the first line of its error. */
export const failureLines = (r: Pick<RequirementRow, 'tests'>): string[] =>
  r.tests.filter((t) => t.status === 'fail').map((t) => `${t.title}: ${t.error?.split('\n')[0] ?? 'failed'}`);

/** Skip reasons that leave a requirement partly checked. */
export const isCoverageGap = (skipReason: string | undefined): boolean => !NOT_A_GAP.test(skipReason ?? '');

export type RequirementRow = Requirement & {
  verdict: Verdict;
  reasons: string[];
  observations: string[];
  /** For a warn: what departed from the default, and the profile option that would state it. */
  warnings: string[];
  /** For an accepted risk: what failed, and the reason the profile accepts it. */
  accepted: { text: string; reason: string }[];
  /** A pass or warn of which some checks did not run here: how many ran, and why the others did not. */
  partial?: { ran: number; of: number; missing: string[] };
  tests: CheckRow[];
};

export interface ProviderMatrix {
  id: string;
  title: string;
  /** The provider's document the rules quote: its title, and its address where it gives one. */
  document?: { title: string; url?: string };
  target: string;
  profile: Record<string, unknown>;
  /** The risks the profile accepts by name, with their reasons (src/core/accepted-risks.ts). */
  acceptedRisks?: Record<string, string>;
  /** partial: passes and warnings of which some checks did not run (also counted in pass or warn). */
  counts: {
    pass: number;
    warn: number;
    accepted?: number;
    fail: number;
    notApplicable: number;
    notRun: number;
    partial?: number;
  };
  /** Set when the target could not be reached: the verdict is NOT conformant for that reason alone. */
  unreachable?: string;
  requirements: RequirementRow[];
}

/** `re-run 2 times after 2 transport faults (the last: …)`: what a check's transport faults were. */
export const transportNote = (t: TransportRecord): string =>
  `${t.disturbed ? 'judged on a disturbed exchange' : `re-run ${t.reruns} time${t.reruns === 1 ? '' : 's'}`} after ${t.faults} transport fault${t.faults === 1 ? '' : 's'} (${t.resent} sent again)${t.where?.length ? `; the last: ${t.where.at(-1)}` : ''}`;

/** How often requests met a rate limit and were sent again after the wait it asked for. */
export interface RateLimited {
  count: number;
  waitedMs: number;
}

/** The annotation a check's rate-limit waits travel in, as JSON. */
export const RATE_LIMITED = 'rate-limited';

/** `rate-limited 7 times, 9 s waited`, or nothing when no request met one. */
export const rateLimitedLine = (r: RateLimited | undefined): string | undefined =>
  r?.count
    ? `rate-limited ${r.count} time${r.count === 1 ? '' : 's'}, ${(r.waitedMs / 1000).toFixed(r.waitedMs < 10_000 ? 1 : 0)} s waited (not findings: each request was sent again after the wait the target asked for)`
    : undefined;

export interface TransportTotals {
  checks: number;
  reruns: number;
  faults: number;
  resent: number;
  disturbed: number;
}

export interface Matrix {
  generatedAt: string;
  tests: { passed: number; failed: number; skipped: number };
  rateLimited?: RateLimited;
  /** Checks run again after a transport fault, the re-runs and faults in all, and the checks judged on a disturbed exchange. */
  transport?: TransportTotals;
  providers: ProviderMatrix[];
  /** Tests that name no requirement, or one no catalogue has: a defect of the harness. */
  unmapped: string[];
}

/** What a failed test says about one requirement: its own failed rule checks, else the test's error. */
function errorFor(o: TestOutcome, requirementId: string): string | undefined {
  const own = o.ruleErrors?.filter((e) => e.requirement === requirementId).map((e) => e.text) ?? [];
  if (own.length) return own.join('; ');
  return o.unattributed || !o.blamed?.length ? o.error : undefined;
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
      // A test counts for the requirements it names, and for any whose rule check it failed or warned on.
      const concerned = mine.filter(
        (o) =>
          (o.requirementIds.includes(r.id) ||
            o.blamed?.includes(r.id) ||
            o.warnings?.some((w) => w.requirement === r.id) ||
            o.accepted?.some((a) => a.requirement === r.id)) &&
          !(o.status === 'skipped' && !o.skipReason),
      );
      // A test that failed outside its rule checks (a plain assertion, a thrown error) fails a
      // requirement at the requirement's own level: a default's is a warning, an accepted risk
      // accepted (src/core/levels.ts).
      const { level, reason } = levelOf(r.id, undefined, env);
      const fallbackWarnings: string[] = [];
      const fallbackAccepted: { text: string; reason: string }[] = [];
      const tests = concerned.flatMap((o) => {
        let status = statusFor(o, r.id);
        const error = status === 'fail' ? errorFor(o, r.id) : undefined;
        if (status === 'fail' && level === 'warning' && !o.blamed?.includes(r.id)) {
          status = 'warn';
          fallbackWarnings.push(
            `${o.title}: ${error?.split('\n')[0] ?? 'failed'} (${warningAdvice(p.id, r.options ?? [])})`,
          );
        }
        if (status === 'fail' && level === 'accepted' && !o.blamed?.includes(r.id)) {
          status = 'accepted';
          fallbackAccepted.push({ text: `${o.title}: ${error?.split('\n')[0] ?? 'failed'}`, reason: reason ?? '' });
        }
        const findings: CheckFinding[] = [
          ...(o.ruleErrors ?? [])
            .filter((n) => n.requirement === r.id)
            .map((n) => ({ level: 'failure' as const, text: n.text })),
          ...(o.accepted ?? [])
            .filter((n) => n.requirement === r.id)
            .map((n) => ({ level: 'accepted' as const, text: `${n.text} (reason: ${n.reason})` })),
          ...(o.warnings ?? [])
            .filter((n) => n.requirement === r.id)
            .map((n) => ({ level: 'warning' as const, text: n.text })),
        ];
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
      const gaps = concerned.filter((o) => o.status === 'skipped' && isCoverageGap(o.skipReason));
      const weaker = concerned
        .filter((o) => o.status !== 'skipped')
        .flatMap((o) => (o.partly ?? []).filter((n) => n.requirement === r.id));
      const weakened = concerned.filter(
        (o) => o.status !== 'skipped' && o.partly?.some((n) => n.requirement === r.id),
      ).length;
      const ranChecks = tests.filter((t) => t.status !== 'skipped').length;
      const partial =
        (verdict === 'pass' || verdict === 'warn' || verdict === 'accepted') && gaps.length + weakened > 0
          ? {
              ran: ranChecks - weakened,
              of: ranChecks + gaps.length,
              missing: [...new Set([...gaps.map((o) => o.skipReason ?? 'skipped'), ...weaker.map((n) => n.text)])],
            }
          : undefined;
      // A rule's own warnings stay on it whatever else its verdict is: a failure elsewhere in a test never hides them.
      const warnings = [
        ...new Set([
          ...concerned.flatMap((o) => (o.warnings ?? []).filter((w) => w.requirement === r.id).map((w) => w.text)),
          ...fallbackWarnings,
        ]),
      ];
      const acceptedNotes = [
        ...concerned.flatMap((o) =>
          (o.accepted ?? []).filter((a) => a.requirement === r.id).map(({ text, reason }) => ({ text, reason })),
        ),
        ...fallbackAccepted,
      ];
      const accepted = [...new Map(acceptedNotes.map((a) => [a.text, a])).values()];
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

export interface Conclusion {
  verdict: 'conformant' | 'conformant-with-warnings' | 'not-conformant';
  failing: number;
  warnings: number;
  /** Failed standard rules the profiles accept by name, as "ID (reason)". */
  accepted: string[];
  unreachable: string[];
  /** Requirements that passed (or warned) with some of their checks not run. */
  partial: string[];
  /** The line that closes a run: "VERDICT: conformant with 2 warnings". */
  line: string;
}

/** The verdict of a matrix: NOT conformant on any failing requirement, an unreachable target, or a failed run. */
export function conclude(m: Pick<Matrix, 'providers'>, runFailed = false, label = 'VERDICT'): Conclusion {
  const failing = m.providers.reduce((n, p) => n + p.counts.fail, 0);
  const warnings = m.providers.reduce((n, p) => n + (p.counts.warn ?? 0), 0);
  const unreachable = m.providers.flatMap((p) => (p.unreachable ? [`${p.id}: ${p.unreachable}`] : []));
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
  const base = { failing, warnings, accepted, unreachable, partial };
  if (failing || unreachable.length || runFailed) {
    // A certificate problem is named as such (TLS: …, with the setting that fixes it), not as an unreachable target.
    const tls = unreachable.filter((u) => u.includes(TLS_PROBLEM));
    const gone = unreachable.filter((u) => !u.includes(TLS_PROBLEM));
    const why = [
      ...tls,
      ...(gone.length ? [`target unreachable (${gone.join('; ')})`] : []),
      ...(failing ? [`${failing} requirement(s) failing`] : []),
      ...(!failing && !unreachable.length ? ['a check failed outside any requirement'] : []),
    ];
    return {
      verdict: 'not-conformant',
      ...base,
      line: `${label}: NOT conformant (${why.join('; ')})${risks}${partly}`,
    };
  }
  if (warnings)
    return {
      verdict: 'conformant-with-warnings',
      ...base,
      line: `${label}: conformant with ${warnings} warning${warnings === 1 ? '' : 's'} (defaults of the harness the target departs from; --strict fails them)${risks}${partly}`,
    };
  return { verdict: 'conformant', ...base, line: `${label}: conformant${risks}${partly}` };
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
export const sourceLabel = (r: Requirement): string =>
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
      `Target: ${p.target}${p.unreachable ? ` — **unreachable**: ${p.unreachable}` : ''}`,
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
        ...(r.verdict === 'fail'
          ? r.tests.filter((t) => t.status === 'fail').map((t) => `${t.title}: ${t.error?.split('\n')[0] ?? ''}`)
          : r.reasons),
        ...r.accepted.map((a) => `accepted risk: ${a.text} (reason: ${a.reason})`),
        ...r.warnings.map((w) => `warning: ${w}`),
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

// Builds the provider × requirement matrix from test outcomes. A requirement fails if any of its
// tests failed on it, passes if one passed and none failed, is not applicable if all were skipped
// (with the reasons), and "not run" if no test of it ran in this run (a --grep, a --shard).
//
// Which requirement a failed test failed on: a check named `[ID] …` (a rule check, see
// specs/fixtures/expect.ts) is soft and blames requirement ID alone; the test goes on. Any other
// failure (a plain assertion, a thrown error, a timeout) fails every requirement the test names.
import { loadProfile } from './profile.ts';
import { providers } from '../providers.ts';
import type { Requirement } from './requirements.ts';

/** The message prefix of the error that ends a test on purpose after a failed rule check. */
export const HALTED = '[halted]';

export interface TestOutcome {
  testId: string;
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
  /** The test failed otherwise too (a plain assertion, a thrown error, a timeout): its own requirements all fail. */
  unattributed?: boolean;
  /** The test stopped early after a rule check failed (nothing left to look at): it proves nothing else. */
  halted?: boolean;
}

/**
 * How one test stands on one requirement. A test that failed only on rule checks of other
 * requirements ran its own checks to the end and they held (pass), unless it stopped early
 * (halted): then it proves nothing about them (undefined).
 */
export function statusFor(o: TestOutcome, requirementId: string): TestOutcome['status'] | undefined {
  if (o.status !== 'fail') return o.status;
  if (o.blamed?.includes(requirementId)) return 'fail';
  const attributed = o.blamed && o.blamed.length > 0 && !o.unattributed;
  if (!attributed) return 'fail';
  return o.halted ? undefined : 'pass';
}

export type Verdict = 'pass' | 'fail' | 'not-applicable' | 'not-run';

export interface RequirementRow extends Requirement {
  verdict: Verdict;
  reasons: string[];
  observations: string[];
  tests: { title: string; project: string; status: TestOutcome['status']; error?: string }[];
}

export interface ProviderMatrix {
  id: string;
  title: string;
  target: string;
  profile: Record<string, unknown>;
  counts: { pass: number; fail: number; notApplicable: number; notRun: number };
  requirements: RequirementRow[];
}

export interface Matrix {
  generatedAt: string;
  tests: { passed: number; failed: number; skipped: number };
  providers: ProviderMatrix[];
  /** Tests that name no requirement, or one no catalogue has: a defect of the harness. */
  unmapped: string[];
}

export function buildMatrix(outcomes: readonly TestOutcome[], env: NodeJS.ProcessEnv): Matrix {
  const ran = new Set(outcomes.map((o) => o.project.split('-')[0]));
  const known = new Set(providers.flatMap((p) => Object.keys(p.requirements)));
  const unmapped = outcomes.filter((o) => o.requirementIds.length === 0 || o.requirementIds.some((id) => !known.has(id))).map((o) => o.title);
  const out: ProviderMatrix[] = [];
  for (const p of providers) {
    if (!ran.has(p.id)) continue;
    const mine = outcomes.filter((o) => o.project.split('-')[0] === p.id);
    const rows: RequirementRow[] = Object.values(p.requirements).map((r) => {
      // A test skipped without a reason did not run (a failed dependency, --max-failures): not "n/a".
      // A test counts for the requirements it names, and for any whose rule check it failed.
      const tests = mine
        .filter((o) => (o.requirementIds.includes(r.id) || o.blamed?.includes(r.id)) && !(o.status === 'skipped' && !o.skipReason))
        .flatMap((o) => {
          const status = statusFor(o, r.id);
          return status ? [{ ...o, status }] : [];
        });
      const verdict: Verdict = tests.length === 0 ? 'not-run' : tests.some((t) => t.status === 'fail') ? 'fail' : tests.some((t) => t.status === 'pass') ? 'pass' : 'not-applicable';
      const reasons = verdict === 'not-applicable' ? [...new Set(tests.map((t) => t.skipReason ?? 'skipped'))] : [];
      const observations = [...new Set(tests.flatMap((t) => t.observations ?? []))];
      return { ...r, verdict, reasons, observations, tests: tests.map((t) => ({ title: t.title, project: t.project, status: t.status, ...(t.error && t.status === 'fail' ? { error: t.error } : {}) })) };
    });
    let profile: Record<string, unknown>;
    try {
      profile = loadProfile(p, env);
    } catch (e) {
      profile = { error: (e as Error).message };
    }
    out.push({
      id: p.id,
      title: p.title,
      target: env[p.env.baseUrl] ? env[p.env.baseUrl]! : 'embedded mock',
      profile,
      counts: {
        pass: rows.filter((r) => r.verdict === 'pass').length,
        fail: rows.filter((r) => r.verdict === 'fail').length,
        notApplicable: rows.filter((r) => r.verdict === 'not-applicable').length,
        notRun: rows.filter((r) => r.verdict === 'not-run').length,
      },
      requirements: rows,
    });
  }
  return {
    generatedAt: new Date().toISOString(),
    tests: {
      passed: outcomes.filter((o) => o.status === 'pass').length,
      failed: outcomes.filter((o) => o.status === 'fail').length,
      skipped: outcomes.filter((o) => o.status === 'skipped').length,
    },
    providers: out,
    unmapped,
  };
}

const ICON: Record<Verdict, string> = { pass: 'pass', fail: '**FAIL**', 'not-applicable': 'n/a', 'not-run': 'not run' };

export function renderMarkdown(m: Matrix): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = [`# Conformance matrix`, '', `Generated ${m.generatedAt}. Tests: ${m.tests.passed} passed, ${m.tests.failed} failed, ${m.tests.skipped} skipped.`, ''];
  for (const p of m.providers) {
    lines.push(`## ${p.title} (\`${p.id}\`)`, '', `Target: ${p.target}`, '', 'Profile in force (defaults of PROVIDERS.md unless a profile file says otherwise):', '');
    for (const [k, v] of Object.entries(p.profile)) lines.push(`- \`${k}\`: \`${JSON.stringify(v)}\``);
    lines.push('', '| requirement | verdict | source | endpoint | requirement text | notes |', '|---|---|---|---|---|---|');
    for (const r of p.requirements) {
      const notes = [...(r.verdict === 'fail' ? r.tests.filter((t) => t.status === 'fail').map((t) => `${t.title}: ${t.error?.split('\n')[0] ?? ''}`) : r.reasons), ...r.observations.map((o) => `seen: ${o}`)].join('; ');
      lines.push(`| ${r.id} | ${ICON[r.verdict]} | ${r.source} | ${cell(r.endpoint)} | ${cell(r.text)} | ${cell(notes)} |`);
    }
    lines.push('');
  }
  if (m.unmapped.length) lines.push('## Tests without a known requirement', '', ...m.unmapped.map((t) => `- ${t}`), '');
  return `${lines.join('\n')}\n`;
}

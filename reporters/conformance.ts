// The conformance matrix: per provider, per requirement, pass / fail / not applicable, with the
// requirement's words and the profile in force. Written as conformance.json and conformance.md,
// summarised on stdout, closing with requirements and checks on one line.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { runSettings } from '../src/core/settings.ts';
import { join } from 'node:path';
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import {
  buildMatrix,
  HALTED,
  PARTLY_CHECKED,
  PROVIDER_ANNOTATION,
  partialNote,
  RATE_LIMITED,
  rateLimitedLine,
  renderMarkdown,
  summaryLine,
  transportLine,
  type RateLimited,
  type RuleNote,
  type TestOutcome,
} from '../src/core/matrix.ts';
import { UNREACHABLE } from '../src/core/http.ts';
import { decodeFinding, FINDING, findingLine, findingNote, type Finding } from '../src/core/findings.ts';
import { checkGroup } from '../src/catalogue.ts';
import { defectOfBatchFile, defectRunDir, splitBatchProject, variantProfileFile } from '../src/core/defect-batch.ts';
import { profileEnvVar } from '../src/core/profile.ts';
import { writeRequirementResults } from './allure-requirements.ts';
import { runContext } from '../src/core/run-context.ts';
import { recordedEnv, recordEnv } from '../src/core/recorded-env.ts';
import { REQUIREMENTS_JUNIT, writeRequirementsJunit } from './junit-requirements.ts';
import { redactor } from '../src/core/redaction.ts';
import { stripAnsi } from '../src/core/ansi.ts';
import { readTransportFaults, TRANSPORT_FAULT, type TransportRecord } from '../src/core/transport.ts';

export default class ConformanceReporter implements Reporter {
  private outcomes: TestOutcome[] = [];
  /** Transport faults met by the earlier attempts of each check (a retry is only ever for one). */
  private readonly faultsBefore = new Map<string, { faults: number; resent: number }>();
  /** In a defect batch: the defect of each test's file (src/core/defect-batch.ts). */
  private readonly defectOf = new Map<string, string>();
  private readonly outputDir: string;

  private readonly allureResultsDir: string | undefined;

  /** `merge`: where the shards recorded what their reports were rendered from (src/core/recorded-env.ts). */
  private readonly shardsDir: string | undefined;

  constructor(options: { outputDir?: string; allureResultsDir?: string; shardsDir?: string } = {}) {
    this.outputDir = options.outputDir ?? 'reports';
    this.allureResultsDir = options.allureResultsDir;
    this.shardsDir = options.shardsDir;
  }

  printsToStdio(): boolean {
    return true;
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const project = test.parent.project()?.name ?? '';
    const requirementIds = test.annotations.filter((a) => a.type === 'requirement').map((a) => a.description ?? '');
    const provider = test.annotations.find((a) => a.type === PROVIDER_ANNOTATION)?.description ?? '';
    const skipReason =
      test.annotations.find((a) => a.type === 'skip')?.description ??
      result.annotations.find((a) => a.type === 'skip')?.description;
    const observations = [...test.annotations, ...result.annotations]
      .filter((a) => a.type === 'observation')
      .map((a) => redactor.redact(a.description ?? ''));
    const status = result.status === 'passed' ? 'pass' : result.status === 'skipped' ? 'skipped' : 'fail';
    // Findings are data (src/core/findings.ts): each names its rule, its level and its evidence.
    const findings = result.annotations
      .filter((a) => a.type === FINDING)
      .map((a) => decodeFinding(a.description))
      .filter((f): f is Finding => f !== undefined);
    const blame = status === 'fail' ? blameOf(result, findings) : undefined;
    const warnings = findings
      .filter((f) => f.level === 'warning')
      .map((f) => ({ requirement: f.rule, text: redactor.redact(findingNote(f)) }));
    const accepted = findings
      .filter((f) => f.level === 'accepted')
      .map((f) => ({ requirement: f.rule, text: redactor.redact(findingNote(f)), reason: f.reason ?? '' }));
    const partly = result.annotations
      .filter((a) => a.type === PARTLY_CHECKED)
      .map((a) => ruleNote(a.description ?? ''));
    const unreachable =
      status === 'fail'
        ? result.errors
            .map((e) => stripAnsi(e.message ?? '').replace(/^\w*Error: /, ''))
            .find((m) => m.startsWith(UNREACHABLE))
        : skipReason?.startsWith(UNREACHABLE)
          ? skipReason
          : undefined;
    // Keep only the last retry's outcome of a test; count what the attempts before it met.
    this.outcomes = this.outcomes.filter((o) => o.testId !== test.id);
    const transport = this.transportOf(test.id, result, status);
    const batched = splitBatchProject(project);
    // Outside a batch, the suite's two projects hold every provider's files: the file tells the group a person reads.
    const group = batched.batch ? batched.project : (checkGroup(test.location.file) ?? project);
    // titlePath: root, project, file, …: in a batch the file names the defect.
    if (batched.batch) this.defectOf.set(test.id, defectOfBatchFile(test.titlePath()[2] ?? ''));
    this.outcomes.push({
      testId: test.id,
      provider,
      project: group,
      title: test.titlePath().slice(3).join(' › '),
      file: test.location.file,
      requirementIds,
      status,
      ...(skipReason ? { skipReason } : {}),
      ...(observations.length ? { observations: [...new Set(observations)] } : {}),
      ...(blame ? blame : {}),
      ...(warnings.length ? { warnings } : {}),
      ...(accepted.length ? { accepted } : {}),
      ...(partly.length ? { partly } : {}),
      ...(unreachable
        ? { unreachable: redactor.redact(unreachable.slice(UNREACHABLE.length).trim().split('\n')[0]!) }
        : {}),
      ...rateLimitedOf(result.annotations),
      ...(transport ? { transport } : {}),
      start: result.startTime.getTime(),
      duration: result.duration,
      ...(result.error?.message
        ? { error: disturbedNote(redactor.redact(stripAnsi(result.error.message)).split('\n').slice(0, 6), transport) }
        : {}),
    });
  }

  /** What this attempt and the ones before it met of transport faults (src/core/transport.ts). */
  private transportOf(testId: string, result: TestResult, status: TestOutcome['status']): TransportRecord | undefined {
    const faults = result.annotations
      .filter((a) => a.type === TRANSPORT_FAULT)
      .map((a) => readTransportFaults(a.description))
      .filter((f) => f !== undefined);
    const now = faults.reduce((n, f) => n + f.count, 0);
    const resent = faults.reduce((n, f) => n + f.resent, 0);
    const before = this.faultsBefore.get(testId) ?? { faults: 0, resent: 0 };
    const sum = { faults: before.faults + now, resent: before.resent + resent };
    this.faultsBefore.set(testId, sum);
    if (!now && !result.retry) return undefined;
    return {
      reruns: result.retry,
      ...sum,
      disturbed: status === 'fail' && now > resent,
      ...(now ? { where: faults.flatMap((f) => f.where).map((w) => redactor.redact(w)) } : {}),
    };
  }

  onEnd(result: FullResult): void {
    if (this.defectOf.size) return this.writeBatch(result);
    // A shard records its targets and profiles; a merge renders from what the shards recorded.
    const env = this.shardsDir ? recordedEnv(this.shardsDir) : process.env;
    if (runSettings().shard) recordEnv(this.outputDir, [...new Set(this.outcomes.map((o) => o.provider))]);
    const matrix = buildMatrix(this.outcomes, env);
    mkdirSync(this.outputDir, { recursive: true });
    writeFileSync(
      join(this.outputDir, 'conformance.json'),
      `${JSON.stringify({ status: result.status, ...matrix }, null, 2)}\n`,
    );
    writeFileSync(join(this.outputDir, 'conformance.md'), renderMarkdown(matrix));
    writeRequirementsJunit(matrix, join(this.outputDir, REQUIREMENTS_JUNIT));
    // A shard's results are turned into requirements once, by `merge`, over every shard's checks.
    if (this.allureResultsDir && !runSettings().shard)
      writeRequirementResults(matrix, this.allureResultsDir, runContext(env));
    const lines: string[] = ['', 'Conformance'];
    for (const p of matrix.providers) {
      const c = p.counts;
      lines.push(
        `  ${p.id.padEnd(10)} ${c.pass} pass, ${c.warn} warn, ${c.accepted ? `${c.accepted} accepted risk, ` : ''}${c.fail} fail, ${c.notApplicable} not applicable, ${c.notRun} not run  (target: ${p.target})`,
      );
      if (p.unreachable) lines.push(`    UNREACHABLE: ${p.unreachable}`);
      for (const r of p.requirements.filter((r) => r.verdict === 'fail'))
        lines.push(`    FAIL ${r.id}: ${r.tests.find((t) => t.status === 'fail')?.error?.split('\n')[0] ?? r.text}`);
      for (const r of p.requirements.filter((r) => r.verdict === 'accepted'))
        lines.push(
          `    ACCEPTED RISK ${r.id}: ${r.accepted[0]?.text ?? r.text} (reason: ${r.accepted[0]?.reason ?? ''}; --strict fails it)`,
        );
      for (const r of p.requirements.filter((r) => r.verdict === 'warn'))
        lines.push(`    WARN ${r.id}: ${r.warnings[0] ?? r.text}`);
      for (const r of p.requirements.filter((r) => r.partial))
        lines.push(`    PARTIAL ${r.id} (${r.verdict}): ${partialNote(r.partial!)}`);
    }
    const limited = rateLimitedLine(matrix.rateLimited);
    if (limited) lines.push(`  ${limited}`);
    const transport = transportLine(matrix.transport);
    if (transport) lines.push(`  ${transport}`);
    lines.push(`  matrix: ${join(this.outputDir, 'conformance.md')}`);
    lines.push(summaryLine(matrix));
    process.stdout.write(`${lines.join('\n')}\n`);
  }

  /** A defect batch: one matrix per (provider, defect), where a run of that defect alone would write it. */
  private writeBatch(result: FullResult): void {
    const groups = new Map<string, TestOutcome[]>();
    for (const o of this.outcomes) {
      const key = defectRunDir(this.outputDir, o.provider, this.defectOf.get(o.testId) ?? 'none');
      groups.set(key, [...(groups.get(key) ?? []), o]);
    }
    for (const [dir, outcomes] of groups) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        join(dir, 'conformance.json'),
        `${JSON.stringify({ status: result.status, ...buildMatrix(outcomes, this.batchEnv(outcomes[0]!)) }, null, 2)}\n`,
      );
    }
  }

  /** The environment a batch file's matrix is read with: in a variant batch, the implementation's own profile (or none). */
  private batchEnv(o: TestOutcome): NodeJS.ProcessEnv {
    if (!runSettings().variantBatch) return process.env;
    const file = variantProfileFile(this.outputDir, o.provider, this.defectOf.get(o.testId) ?? 'none');
    const { [profileEnvVar({ id: o.provider })]: _, ...env } = process.env;
    return existsSync(file) ? { ...env, [profileEnvVar({ id: o.provider })]: file } : env;
  }
}

/** The rule checks that failed (their findings), with their words, and whether anything else failed too. */
function blameOf(
  result: TestResult,
  findings: readonly Finding[],
): { blamed: string[]; ruleErrors: RuleNote[]; unattributed: boolean; halted: boolean } {
  const failures = findings.filter((f) => f.level === 'failure');
  const ruleErrors = failures.map((f) => ({
    requirement: f.rule,
    text: redactor.redact(findingLine(f)).slice(0, 400),
  }));
  // A "[halted]" error ends a test on purpose after a failed rule check (specs/fixtures/expect.ts).
  const halts = result.errors.filter((e) =>
    stripAnsi(e.message ?? '')
      .replace(/^Error: /, '')
      .startsWith(HALTED),
  ).length;
  // Each failed rule check is one soft error of the test: any error beyond them failed the test otherwise.
  return {
    blamed: [...new Set(failures.map((f) => f.rule))],
    ruleErrors,
    unattributed: result.errors.length - halts > failures.length || failures.length === 0,
    halted: halts > 0,
  };
}

/** A failure met on every attempt with a transport fault says so on its first line: judged on a disturbed exchange. */
function disturbedNote(lines: string[], t: TransportRecord | undefined): string {
  if (t?.disturbed)
    lines[0] += ` (${t.reruns ? `each of ${t.reruns + 1} runs of the check` : 'the check'} met a transport fault it could not get past; the last: ${t.where?.at(-1) ?? 'unknown'})`;
  return lines.join('\n');
}

/** A partly-checked annotation "ID: what …" as a note of that requirement. */
function ruleNote(description: string): RuleNote {
  const m = /^([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+): ([\s\S]*)$/.exec(description);
  return { requirement: m?.[1] ?? '', text: redactor.redact(m?.[2] ?? description) };
}

/** The rate-limit waits of a check (its annotations, one per fixture scope), summed. */
function rateLimitedOf(annotations: readonly { type: string; description?: string }[]): { rateLimited?: RateLimited } {
  let count = 0;
  let waitedMs = 0;
  for (const a of annotations.filter((x) => x.type === RATE_LIMITED)) {
    try {
      const r = JSON.parse(a.description ?? '') as RateLimited;
      count += r.count;
      waitedMs += r.waitedMs;
    } catch {
      // not one of ours
    }
  }
  return count ? { rateLimited: { count, waitedMs } } : {};
}

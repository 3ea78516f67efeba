// The conformance matrix: per provider, per requirement, pass / fail / not applicable, with the
// requirement's words and the profile in force. Written as conformance.json and conformance.md,
// summarised on stdout, closing with requirements and checks on one line.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { runSettings } from '../src/core/settings.ts';
import { join } from 'node:path';
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { buildMatrix, conclude, PROVIDER_ANNOTATION, type Matrix, type TestOutcome } from '../src/core/matrix.ts';
import { partialNote, rateLimitedLine, renderMarkdown, summaryLine, transportLine } from './render-matrix.ts';
import type { MatrixFile } from '../src/core/matrix-record.ts';
import { readRecords, recordsOf, type CheckRecord } from '../src/core/check-record.ts';
import { acceptedNote, checkFailure, findingNote, firstLine } from '../src/core/findings.ts';
import type { TransportRecord } from '../src/core/transport.ts';
import { checkGroup } from '../src/catalogue.ts';
import { BATCH_PROJECT, defectOfBatchFile, defectRunDir, variantProfileFile } from '../src/core/defect-batch.ts';
import { profileEnvVar } from '../src/core/profile.ts';
import { writeRequirementResults } from './allure-requirements.ts';
import { runContext } from '../src/core/run-context.ts';
import { recordedEnv, recordEnv } from '../src/core/recorded-env.ts';
import { REQUIREMENTS_JUNIT, writeRequirementsJunit } from './junit-requirements.ts';
import { redactor } from '../src/core/redaction.ts';
import { stripAnsi } from '../src/core/ansi.ts';

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
    // What the checks recorded (src/core/check-record.ts), validated: one that cannot be read is a harness error.
    // At its end a test's annotations are its result's (declared and added while it ran) and the same
    // array as the test's; a test never run has only those it was declared with.
    const { records, unreadable } = readRecords(result.annotations.length ? result.annotations : test.annotations);
    const status = unreadable
      ? 'fail'
      : result.status === 'passed'
        ? 'pass'
        : result.status === 'skipped'
          ? 'skipped'
          : 'fail';
    const findings = recordsOf(records, 'finding').map((f) => ({
      ...f,
      what: redactor.redact(f.what),
      ...(f.note !== undefined ? { note: redactor.redact(f.note) } : {}),
    }));
    const observations = [...new Set(recordsOf(records, 'observation').map((o) => redactor.redact(o.text)))];
    const partly = recordsOf(records, 'partly').map((p) => ({ rule: p.rule, missing: redactor.redact(p.missing) }));
    const halted = recordsOf(records, 'halted').length > 0;
    // Unreachable counts where it ended the check: a failure, or the skip of every check.
    const met = recordsOf(records, 'unreachable').at(-1);
    const unreachable =
      status !== 'pass' && met ? { message: redactor.redact(firstLine(met.message)!), tls: met.tls } : undefined;
    // Each failed rule check is one soft error of the test, a halt one more: any error beyond them failed the test otherwise.
    const failures = findings.filter((f) => f.level === 'failure').length;
    const unattributed = status === 'fail' && (result.errors.length - (halted ? 1 : 0) > failures || failures === 0);
    // Keep only the last retry's outcome of a test; count what the attempts before it met.
    this.outcomes = this.outcomes.filter((o) => o.testId !== test.id);
    const transport = this.transportOf(test.id, result, status, records);
    const batched = project === BATCH_PROJECT;
    // The suite's two projects, and a batch's one, hold every provider's files: the file tells the
    // group a person reads; in a batch, where nobody reads one, the provider.
    const group = batched ? provider : (checkGroup(test.location.file) ?? project);
    // titlePath: root, project, file, …: in a batch the file names the defect.
    if (batched) this.defectOf.set(test.id, defectOfBatchFile(test.titlePath()[2] ?? ''));
    const error = unreadable
      ? `harness error: ${unreadable} check record(s) could not be read`
      : result.error?.message
        ? disturbedNote(redactor.redact(stripAnsi(result.error.message)).split('\n').slice(0, 6), transport)
        : undefined;
    this.outcomes.push({
      testId: test.id,
      provider,
      project: group,
      title: test.titlePath().slice(3).join(' › '),
      file: test.location.file,
      requirementIds,
      status,
      ...(skipReason ? { skipReason } : {}),
      ...(recordsOf(records, 'not-a-gap').length ? { notAGap: true } : {}),
      ...(observations.length ? { observations } : {}),
      ...(findings.length ? { findings } : {}),
      ...(partly.length ? { partly } : {}),
      ...(unattributed || unreadable ? { unattributed: true } : {}),
      ...(halted ? { halted } : {}),
      ...(unreachable ? { unreachable } : {}),
      ...(recordsOf(records, 'no-evidence').length ? { noEvidence: true } : {}),
      ...rateLimitedOf(records),
      ...(transport ? { transport } : {}),
      start: result.startTime.getTime(),
      duration: result.duration,
      ...(error ? { error } : {}),
    });
  }

  /** What this attempt and the ones before it met of transport faults (src/core/transport.ts). */
  private transportOf(
    testId: string,
    result: TestResult,
    status: TestOutcome['status'],
    records: readonly CheckRecord[],
  ): TransportRecord | undefined {
    const faults = recordsOf(records, 'transport');
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
    if (this.defectOf.size) return this.writeBatch();
    // A shard records its targets and profiles; a merge renders from what the shards recorded.
    const env = this.shardsDir ? recordedEnv(this.shardsDir) : process.env;
    if (runSettings().shard) recordEnv(this.outputDir, [...new Set(this.outcomes.map((o) => o.provider))]);
    const matrix = buildMatrix(this.outcomes, env);
    mkdirSync(this.outputDir, { recursive: true });
    writeMatrixFile(this.outputDir, matrix, result);
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
      if (p.unreachable) lines.push(`    UNREACHABLE: ${p.unreachable.message}`);
      for (const r of p.requirements.filter((r) => r.verdict === 'fail'))
        lines.push(`    FAIL ${r.id}: ${checkFailure(r.tests.find((t) => t.status === 'fail') ?? { error: r.text })}`);
      for (const r of p.requirements.filter((r) => r.verdict === 'accepted'))
        lines.push(
          `    ACCEPTED RISK ${r.id}: ${r.accepted[0] ? acceptedNote(r.accepted[0]) : r.text} (--strict fails it)`,
        );
      for (const r of p.requirements.filter((r) => r.verdict === 'warn'))
        lines.push(`    WARN ${r.id}: ${r.warnings[0] ? findingNote(r.warnings[0]) : r.text}`);
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
  private writeBatch(): void {
    const groups = new Map<string, TestOutcome[]>();
    for (const o of this.outcomes) {
      const key = defectRunDir(this.outputDir, o.provider, this.defectOf.get(o.testId) ?? 'none');
      groups.set(key, [...(groups.get(key) ?? []), o]);
    }
    for (const [dir, outcomes] of groups) {
      mkdirSync(dir, { recursive: true });
      // A batch file's verdict is its own: the run's status is every file's (variants judges a failed run as a whole).
      writeMatrixFile(dir, buildMatrix(outcomes, this.batchEnv(outcomes[0]!)), { status: 'passed' });
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

/** A failure met on every attempt with a transport fault says so on its first line: judged on a disturbed exchange. */
function disturbedNote(lines: string[], t: TransportRecord | undefined): string {
  if (t?.disturbed)
    lines[0] += ` (${t.reruns ? `each of ${t.reruns + 1} runs of the check` : 'the check'} met a transport fault it could not get past; the last: ${t.where?.at(-1) ?? 'unknown'})`;
  return lines.join('\n');
}

/**
 * conformance.json: the matrix, the run's status, and the verdict concluded from both, once. A run
 * that failed with no check failing (a global error, a crash) is NOT conformant on its own.
 */
function writeMatrixFile(dir: string, matrix: Matrix, result: Pick<FullResult, 'status'>): void {
  const file: MatrixFile = {
    status: result.status,
    ...matrix,
    conclusion: conclude(matrix, result.status !== 'passed' && matrix.tests.failed === 0),
  };
  writeFileSync(join(dir, 'conformance.json'), `${JSON.stringify(file, null, 2)}\n`);
}

/** The rate-limit waits of a check (its records, one per fixture scope), summed. */
function rateLimitedOf(records: readonly CheckRecord[]): Pick<TestOutcome, 'rateLimited'> {
  const waits = recordsOf(records, 'rate-limited');
  const count = waits.reduce((n, r) => n + r.count, 0);
  return count ? { rateLimited: { count, waitedMs: waits.reduce((n, r) => n + r.waitedMs, 0) } } : {};
}

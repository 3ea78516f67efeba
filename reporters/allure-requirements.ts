// Turns the Allure results of a run into one result per requirement, with the requirement's own
// verdict from the conformance matrix, so that a QA reader sees what the matrix says: a check that
// failed on one rule is red under that rule only, a warning is a warning (tag "warning", name
// "WARN"), and the environment lists only the targets that were checked. Each check that
// concerns a requirement becomes a step of it, with its status for that requirement and its
// masked exchanges attached.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkGroup } from '../src/catalogue.ts';
import { failureLines, partialLabel, partialNote, sourceLabel, type Matrix, type RequirementRow, type Verdict } from '../src/core/matrix.ts';

interface AllureResult {
  uuid: string;
  name: string;
  fullName?: string;
  status?: string;
  statusDetails?: { message?: string; trace?: string };
  parameters?: { name: string; value: string }[];
  steps?: unknown[];
  attachments?: unknown[];
  start?: number;
  stop?: number;
}

const STATUS: Record<Verdict, string> = { pass: 'passed', warn: 'passed', accepted: 'passed', fail: 'failed', 'not-applicable': 'skipped', 'not-run': 'skipped' };
const WORD: Record<Verdict, string> = { pass: 'pass', warn: 'WARN', accepted: 'ACCEPTED RISK', fail: 'FAIL', 'not-applicable': 'n/a', 'not-run': 'not run' };
const TEST_STATUS: Record<string, string> = { pass: 'passed', warn: 'passed', accepted: 'passed', fail: 'failed', skipped: 'skipped' };

const uuidOf = (s: string) => {
  const h = createHash('sha256').update(s).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
};

/** What a requirement's result says in words: its failures, warnings, reasons and observations. */
function message(r: RequirementRow): string {
  const lines = [
    ...(r.partial ? [partialNote(r.partial)] : []),
    ...failureLines(r),
    ...r.accepted.map((a) => `ACCEPTED RISK: ${a.text} (reason: ${a.reason})`),
    ...r.warnings.map((w) => `warning: ${w}`),
    ...r.reasons,
    ...r.observations.map((o) => `seen: ${o}`),
  ];
  return lines.join('\n');
}

export function writeRequirementResults(matrix: Matrix, dir: string): void {
  if (!existsSync(dir)) return;
  const files = readdirSync(dir).filter((f) => f.endsWith('-result.json'));
  // allure-playwright names a check by its file (from the config's folder) and its title path; the
  // file tells the check's group (the matrix's "project").
  const named = (r: AllureResult) => {
    const [file = '', ...titles] = (r.fullName ?? '').split(' › ');
    return { group: checkGroup(`/${file}`), title: titles.join(' › ') };
  };
  const checks = files.map((f) => {
    const result = JSON.parse(readFileSync(join(dir, f), 'utf8')) as AllureResult;
    return { file: f, result, name: named(result) };
  });
  const now = Date.now();
  for (const p of matrix.providers) {
    for (const r of p.requirements) {
      const steps = r.tests.flatMap((t) => {
        const check = checks.find((c) => c.name.group === t.project && c.name.title === t.title);
        if (!check) return [];
        const c = check.result;
        return [
          {
            name: `[${t.project}] ${t.title}`,
            status: TEST_STATUS[t.status] ?? 'unknown',
            stage: 'finished',
            ...(t.error ? { statusDetails: { message: t.error } } : {}),
            steps: c.steps ?? [],
            attachments: c.attachments ?? [],
            parameters: [],
            start: c.start ?? now,
            stop: c.stop ?? now,
          },
        ];
      });
      const start = Math.min(now, ...steps.map((s) => s.start));
      const stop = Math.max(start, ...steps.map((s) => s.stop));
      const tags = ['requirement', r.source, ...(r.verdict === 'warn' ? ['warning'] : []), ...(r.verdict === 'accepted' ? ['accepted-risk'] : []), ...(r.partial ? ['partial'] : [])];
      const result = {
        uuid: uuidOf(`${p.id}:${r.id}:${matrix.generatedAt}`),
        historyId: createHash('md5').update(`${p.id}:${r.id}`).digest('hex'),
        testCaseId: createHash('md5').update(`${p.id}:${r.id}`).digest('hex'),
        name: `${r.id} — ${WORD[r.verdict]}${r.partial ? ` ${partialLabel(r.partial)}` : ''}`,
        fullName: `${p.id}:${r.id}`,
        status: STATUS[r.verdict],
        stage: 'finished',
        statusDetails: { message: message(r) },
        description: [
          r.text,
          `Source: ${sourceLabel(r)}${r.options?.length ? ` (profile options: ${r.options.join(', ')})` : ''}. Target: ${p.target}.`,
          ...(r.cites ?? []).map((c) => `${c.clause}: "${c.quote}" (${c.url})`),
          ...r.accepted.map((a) => `ACCEPTED RISK: ${a.text}. Reason given by the profile: ${a.reason}`),
        ].join('\n\n'),
        labels: [
          { name: 'epic', value: p.title },
          { name: 'feature', value: r.endpoint },
          { name: 'story', value: `${r.id}: ${r.text}` },
          { name: 'severity', value: r.severity },
          { name: 'parentSuite', value: p.id },
          { name: 'suite', value: r.endpoint },
          ...tags.map((value) => ({ name: 'tag', value })),
        ],
        links: [],
        parameters: [{ name: 'target', value: p.target }],
        steps,
        attachments: [],
        start,
        stop,
      };
      writeFileSync(join(dir, `${result.uuid}-result.json`), JSON.stringify(result));
    }
  }
  // The checks now live inside the requirements they concern.
  for (const c of checks) rmSync(join(dir, c.file));
  // Only the targets that were checked.
  writeFileSync(join(dir, 'environment.properties'), matrix.providers.map((p) => `${p.id}\\ target=${p.target}`).join('\n') + '\n');
}

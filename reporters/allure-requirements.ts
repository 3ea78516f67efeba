// Turns the Allure results of a run into one result per requirement, with the requirement's own
// verdict from the conformance matrix, so that a QA reader sees what the matrix says:
// - a failed rule is red (category "Product defect"); a default departed from is "unknown", not
//   green (category "Warning: default departed from"), with the advice in its description; an
//   accepted risk likewise, with the profile's reason ("Accepted risk"); n/a and not run are
//   skipped with why, a partial pass says so ("Not checked here"); a check that names no known
//   requirement is broken ("Harness error"). The categories are the report's (reporters/allure-config.ts).
// - each check of the requirement is a step with its status for that requirement, its findings of
//   that rule as sub-steps with the masked expected/received attached, and its masked exchanges;
// - the description quotes the rule and its source, with links to the standards it cites;
// - the environment names the harness version, the mode, the CI build, and per provider the
//   target, the profile in force and the accepted risks.
import {
  acceptedNote,
  checkFailure,
  findingEvidenceText,
  findingLine,
  findingNote,
  firstLine,
} from '../src/core/findings.ts';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { checkGroup } from '../src/catalogue.ts';
import { escapeMarkup as html } from '../src/core/markup.ts';
import {
  type CheckRow,
  type Matrix,
  type ProviderMatrix,
  type RequirementRow,
  type Verdict,
} from '../src/core/matrix.ts';
import { failureLines, partialLabel, partialNote, sourceLabel, transportNote, VERDICT_WORD } from './render-matrix.ts';
import type { RunContext } from '../src/core/run-context.ts';

interface AllureStep {
  name: string;
  status?: string;
  steps?: AllureStep[];
  attachments?: { name: string; source: string; type: string }[];
  start?: number;
  stop?: number;
}

interface AllureResult extends AllureStep {
  uuid: string;
  fullName?: string;
}

/** The label of a check that names no requirement any catalogue has. */
export const HARNESS_ERROR = 'HARNESS ERROR';

// Warnings and accepted risks are not passes: "unknown" is neither green nor counted as a failure by
// Allure's quality gate, which thus agrees with the run's verdict (--strict turns both into failures).
const STATUS: Record<Verdict, string> = {
  pass: 'passed',
  warn: 'unknown',
  accepted: 'unknown',
  fail: 'failed',
  'not-applicable': 'skipped',
  'not-run': 'skipped',
};
const CHECK_STATUS: Record<CheckRow['status'], string> = {
  pass: 'passed',
  warn: 'unknown',
  accepted: 'unknown',
  fail: 'failed',
  skipped: 'skipped',
};
const FINDING_WORD = { failure: 'FAILED', warning: 'WARNING', accepted: 'ACCEPTED RISK' } as const;

const uuidOf = (s: string) => {
  const h = createHash('sha256').update(s).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
};
const md5 = (s: string) => createHash('md5').update(s).digest('hex');

/** What a requirement's result says in words: its failures, accepted risks, warnings, reasons and observations. */
function message(r: RequirementRow): string {
  return [
    ...(r.partial ? [partialNote(r.partial)] : []),
    ...failureLines(r),
    ...r.accepted.map((a) => `ACCEPTED RISK: ${acceptedNote(a)}`),
    ...r.warnings.map((w) => `WARNING: ${findingNote(w)}`),
    ...r.reasons,
    ...r.observations.map((o) => `seen: ${o}`),
  ].join('\n');
}

/** The rule in words for a reader: its sentence, its source with the standards quoted, and what this run found. */
function describe(p: ProviderMatrix, r: RequirementRow): { description: string; descriptionHtml: string } {
  const parts: { title?: string; lines: string[] }[] = [
    { lines: [r.text] },
    {
      title: 'Source',
      lines: [
        `${sourceLabel(r)}${r.source === 'document' && p.document ? ` — ${p.document.title}${p.document.url ? ` ${p.document.url}` : ''}` : ''}${r.options?.length ? ` (profile options for its default part: ${r.options.join(', ')})` : ''}`,
        ...(r.cites ?? []).map((c) => `${c.clause}: "${c.quote}" ${c.url}`),
      ],
    },
    ...(r.verdict === 'fail' ? [{ title: 'What failed', lines: failureLines(r) }] : []),
    ...(r.accepted.length
      ? [
          {
            title: 'Accepted risk',
            lines: r.accepted.map((a) => `${findingNote(a)} — reason given by the profile: ${a.reason ?? ''}`),
          },
        ]
      : []),
    ...(r.warnings.length
      ? [{ title: 'Warning: a default of the harness the target departs from', lines: r.warnings.map(findingNote) }]
      : []),
    ...(r.partial ? [{ title: 'Partly checked', lines: [partialNote(r.partial)] }] : []),
    ...(r.reasons.length ? [{ title: 'Not checked here', lines: r.reasons }] : []),
    ...(r.observations.length ? [{ title: 'Seen', lines: r.observations }] : []),
    { title: 'Target', lines: [p.target] },
  ];
  const link = (s: string) =>
    html(s).replace(/https:\/\/\S+/g, (u) => `<a href="${u}" target="_blank" rel="noopener">${u}</a>`);
  return {
    description: parts.map((x) => [...(x.title ? [`${x.title}:`] : []), ...x.lines].join('\n')).join('\n\n'),
    descriptionHtml: parts
      .map((x) => `${x.title ? `<h4>${html(x.title)}</h4>` : ''}${x.lines.map((l) => `<p>${link(l)}</p>`).join('')}`)
      .join(''),
  };
}

export function writeRequirementResults(matrix: Matrix, dir: string, context: RunContext): void {
  if (!existsSync(dir)) return;
  const files = readdirSync(dir).filter((f) => f.endsWith('-result.json'));
  // allure-playwright names a check by its file (relative to the specs folder) and its title path;
  // the file tells the check's group (the matrix's "project").
  const named = (r: AllureResult) => {
    const [file = '', ...titles] = (r.fullName ?? '').split(' › ');
    return { group: checkGroup(`/specs/${file.replace(/^specs\//, '')}`), title: titles.join(' › ') };
  };
  const checks = files.map((f) => {
    const result = JSON.parse(readFileSync(join(dir, f), 'utf8')) as AllureResult;
    return { file: f, result, name: named(result) };
  });
  const now = Date.now();
  let evidence = 0;
  /** A text attached to a step: its file in the results folder. */
  const attach = (name: string, body: string) => {
    const source = `${uuidOf(`${matrix.generatedAt}:evidence:${++evidence}`)}-attachment.txt`;
    writeFileSync(join(dir, source), body);
    return { name, source, type: 'text/plain' };
  };
  // Allure 3 links an attachment file to one result only (a second shows it "missed"): a check that
  // proves several requirements puts its exchanges in each of them, so each use after the first is
  // a copy of the file of its own.
  const used = new Set<string>();
  const ownCopy = (step: AllureStep): AllureStep => ({
    ...step,
    ...(step.steps ? { steps: step.steps.map(ownCopy) } : {}),
    attachments: (step.attachments ?? []).map((a) => {
      if (!used.has(a.source)) {
        used.add(a.source);
        return a;
      }
      const source = `${uuidOf(`${matrix.generatedAt}:copy:${++evidence}`)}-attachment${extname(a.source)}`;
      if (existsSync(join(dir, a.source))) copyFileSync(join(dir, a.source), join(dir, source));
      return { ...a, source };
    }),
  });
  for (const p of matrix.providers) {
    for (const r of p.requirements) {
      const steps = r.tests.map((t) => {
        const check = checks.find((c) => c.name.group === t.project && c.name.title === t.title)?.result;
        const start = t.start ?? check?.start ?? now;
        const stop = t.duration !== undefined ? start + t.duration : (check?.stop ?? start);
        const findingSteps: AllureStep[] = (t.findings ?? []).map((f) => ({
          name: `${FINDING_WORD[f.level]}: ${findingLine(f)}`,
          status: f.level === 'failure' ? 'failed' : 'unknown',
          stage: 'finished',
          steps: [],
          attachments: [attach('expected / received', findingEvidenceText(f))],
          parameters: [],
          start,
          stop: start,
        }));
        // A failure outside any rule check is the check's own error: shown as its evidence too.
        if (t.status === 'fail' && !(t.findings ?? []).some((f) => f.level === 'failure') && t.error) {
          findingSteps.push({
            name: `FAILED: ${firstLine(t.error)}`,
            status: 'failed',
            steps: [],
            attachments: [attach('error', t.error)],
            start,
            stop: start,
          });
        }
        // Run again after a transport fault: not a finding, but a reader should know the check was disturbed.
        if (t.transport)
          findingSteps.push({
            name: `TRANSPORT: ${transportNote(t.transport)}`,
            status: t.transport.disturbed ? 'broken' : 'unknown',
            steps: [],
            attachments: [],
            start,
            stop: start,
          });
        // The masked exchanges of the check: allure-playwright keeps each as a step with its attachment.
        const exchanges = (check?.steps ?? []).filter((s) => (s.attachments?.length ?? 0) > 0).map(ownCopy);
        return {
          name: `[${t.project}] ${t.title}`,
          status: CHECK_STATUS[t.status] ?? 'unknown',
          stage: 'finished',
          ...(t.status === 'fail' ? { statusDetails: { message: t.error ?? checkFailure(t) } } : {}),
          steps: [...findingSteps, ...exchanges],
          attachments: [],
          parameters: [],
          start,
          stop,
        };
      });
      const start = steps.length ? Math.min(...steps.map((s) => s.start)) : now;
      const stop = steps.length ? Math.max(start, ...steps.map((s) => s.stop)) : now;
      const word = VERDICT_WORD[r.verdict];
      const tags = [
        'requirement',
        r.source,
        ...(r.verdict === 'warn' ? ['warning'] : []),
        ...(r.verdict === 'accepted' ? ['accepted-risk'] : []),
        ...(r.partial ? ['partial'] : []),
      ];
      const result = {
        uuid: uuidOf(`${p.id}:${r.id}:${matrix.generatedAt}`),
        historyId: md5(`${p.id}:${r.id}`),
        testCaseId: md5(`${p.id}:${r.id}`),
        name: `${r.id} — ${word}${r.partial ? ` ${partialLabel(r.partial)}` : ''}`,
        fullName: `${p.id}:${r.id}`,
        status: STATUS[r.verdict],
        stage: 'finished',
        statusDetails: { message: message(r) },
        ...describe(p, r),
        labels: [
          { name: 'epic', value: p.title },
          { name: 'feature', value: r.endpoint },
          { name: 'story', value: `${r.id}: ${r.text}` },
          { name: 'severity', value: r.severity },
          { name: 'parentSuite', value: p.id },
          { name: 'suite', value: r.endpoint },
          { name: 'verdict', value: word },
          ...(r.partial ? [{ name: 'coverage', value: 'partial' }] : []),
          ...tags.map((value) => ({ name: 'tag', value })),
        ],
        links: (r.cites ?? []).map((c) => ({ name: c.clause, url: c.url, type: 'link' })),
        parameters: [{ name: 'target', value: p.target }],
        steps,
        attachments: [],
        start,
        stop,
      };
      writeFileSync(join(dir, `${result.uuid}-result.json`), JSON.stringify(result));
    }
  }
  // A check that names no requirement any catalogue has proves nothing: an error of the harness.
  for (const title of matrix.unmapped) {
    const uuid = uuidOf(`unmapped:${title}:${matrix.generatedAt}`);
    const result = {
      uuid,
      historyId: md5(`unmapped:${title}`),
      testCaseId: md5(`unmapped:${title}`),
      name: `${HARNESS_ERROR}: ${title}`,
      fullName: `harness:${title}`,
      status: 'broken',
      stage: 'finished',
      statusDetails: {
        message:
          'this check names no requirement of any provider catalogue: it proves nothing (an error of the harness)',
      },
      labels: [
        { name: 'verdict', value: HARNESS_ERROR },
        { name: 'tag', value: 'harness-error' },
      ],
      links: [],
      parameters: [],
      steps: [],
      attachments: [],
      start: now,
      stop: now,
    };
    writeFileSync(join(dir, `${uuid}-result.json`), JSON.stringify(result));
  }
  // The checks now live inside the requirements they concern.
  for (const c of checks) rmSync(join(dir, c.file));
  writeFileSync(join(dir, 'environment.properties'), environment(matrix, context));
}

/** The run's context for the report's Environment: what another run must match to be compared with this one. */
function environment(matrix: Matrix, context: RunContext): string {
  const key = (s: string) => s.replace(/[\s=:\\]/g, (c) => `\\${c}`);
  const value = (s: string) => s.replace(/\\/g, '\\\\').replace(/\n/g, ' ');
  const lines: [string, string][] = [
    ['harness.version', `card-reveal-harness ${context.version}`],
    [
      'mode',
      context.strict
        ? '--strict (warnings and accepted risks fail)'
        : 'default (a default departed from warns; an accepted risk passes, named)',
    ],
    [
      'ci.build',
      context.ci
        ? `${context.ci.system} ${context.ci.build}${context.ci.url ? ` ${context.ci.url}` : ''}`
        : 'none (not run by a CI system)',
    ],
    ...matrix.providers.flatMap((p): [string, string][] => [
      [`${p.id}.target`, p.target],
      // Accepted risks before the options: the report shows the first entries without "Show more".
      ...Object.entries(p.acceptedRisks ?? {}).map(([id, why]): [string, string] => [
        `${p.id}.acceptedRisks.${id}`,
        why,
      ]),
      ...Object.entries(p.profile).map(([k, v]): [string, string] => [`${p.id}.profile.${k}`, JSON.stringify(v)]),
    ]),
  ];
  return `${lines.map(([k, v]) => `${key(k)}=${value(v)}`).join('\n')}\n`;
}

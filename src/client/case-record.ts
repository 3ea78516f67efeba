// One case's record from what the runner saw: the judgement (or the harness's own error), every
// text masked. Both runners (a command, a web page) build their records here.
import { maskPan, Redactor, type CardSecrets } from '../core/mask.ts';
import type { ClientCaseRecord, CommandRun } from './record.ts';
import type { CaseVerdict } from './side.ts';

/**
 * A masker for what an app printed, whatever it is: the card served, any long digit run (an altered PAN no redactor knows), and the values of card fields in its JSON.
 */
export function appMasker(cards: readonly CardSecrets[]): (text: string) => string {
  const redactor = new Redactor(cards);
  return (s) =>
    redactor
      .redact(s)
      .replace(/\d{12,19}/g, (run) => maskPan(run))
      .replace(
        /("(?:pan|cvc|cvv|cvv2|pin)"\s*:\s*")([^"]*)"/gi,
        (_, key: string, v: string) => `${key}${'*'.repeat(v.length)}"`,
      );
}

export interface CaseOutcome {
  provider: string;
  c: { name: string; title: string; requirements: readonly string[]; served: string };
  /** What the adversary could not do itself: the case is then an error of the harness. */
  harnessErrors: readonly string[];
  /** Judged only when the harness served the case. */
  judge: () => CaseVerdict;
  /** The runs as they came: masked here. */
  runs: readonly CommandRun[];
  mask: (text: string) => string;
  start: number;
}

export function caseRecord(o: CaseOutcome): ClientCaseRecord {
  const verdict: CaseVerdict = o.harnessErrors.length
    ? { notRun: `an error of the harness: it could not serve the case (${o.harnessErrors[0]})` }
    : o.judge();
  const findings = 'findings' in verdict ? verdict.findings : [];
  return {
    provider: o.provider,
    case: o.c.name,
    title: o.c.title,
    requirements: [...o.c.requirements],
    status: o.harnessErrors.length
      ? 'error'
      : 'notRun' in verdict
        ? 'not-run'
        : findings.some((f) => f.level !== 'warning')
          ? 'fail'
          : findings.length
            ? 'warn'
            : 'pass',
    served: o.c.served,
    findings: findings.map((f) => ({ ...f, expected: o.mask(f.expected), received: o.mask(f.received) })),
    ...('notRun' in verdict ? { notRunReason: verdict.notRun } : {}),
    ...('findings' in verdict && verdict.unjudged ? { unjudged: verdict.unjudged } : {}),
    runs: o.runs.map((r) => ({ ...r, stdout: o.mask(r.stdout), stderr: o.mask(r.stderr) })),
    start: o.start,
    durationMs: Date.now() - o.start,
  };
}

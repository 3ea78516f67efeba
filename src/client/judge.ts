// The judgements every provider's cases share: did the app show exactly the card served, or did it
// refuse and show nothing. Messages carry masked values only (the caller's redactor).
import type { z } from 'zod';
import { maskPan, type CardSecrets } from '../core/mask.ts';
import type { RawRun } from './command.ts';
import type { ClientFinding } from './record.ts';
import type { CaseVerdict } from './side.ts';

/** The last line of stdout that is a JSON object: what the app shows (a log line before it is allowed). */
export function printedObject(stdout: string): Record<string, unknown> | undefined {
  for (const line of stdout.trim().split('\n').reverse()) {
    const t = line.trim();
    if (!t.startsWith('{')) continue;
    try {
      const v = JSON.parse(t) as unknown;
      if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
    } catch {
      // not JSON: the next line up may be
    }
  }
  return undefined;
}

/**
 * A value an app printed, masked by its field whatever it holds (an altered answer may make a PAN
 * no redactor knows): a PAN to its last four, anything else to stars, text that is not digits by its length.
 */
export function maskShown(field: string, value: unknown): string {
  if (value === null || value === undefined) return String(value);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (/^\d+$/.test(text))
    return JSON.stringify(/pan/i.test(field) && text.length >= 12 ? maskPan(text) : '*'.repeat(text.length));
  return `(a ${text.length}-character text, not digits)`;
}

/** An app's printed object with every field masked, for a message. */
export const maskedObject = (o: Record<string, unknown>): string =>
  `{${Object.entries(o)
    .map(([k, v]) => `"${k}":${maskShown(k, v)}`)
    .join(',')}}`;

const tail = (s: string) => s.trim().split('\n').slice(-3).join(' / ').slice(0, 300) || '(nothing)';

/** The app must show exactly `card` (fields it prints compared one by one). */
export function expectShows(
  run: RawRun,
  requirement: string,
  output: z.ZodType<Record<string, unknown>>,
  outputFields: string,
  expected: Record<string, string | null>,
): ClientFinding[] {
  const check = 'the app shows exactly the card served';
  const want = `exit code 0 and ${outputFields} equal to the card served`;
  if (run.timedOut)
    return [{ requirement, check, expected: want, received: `${run.ended}; stderr: ${tail(run.stderr)}` }];
  if (!run.ok)
    return [{ requirement, check, expected: want, received: `it refused (${run.ended}); stderr: ${tail(run.stderr)}` }];
  const printed = printedObject(run.stdout);
  if (!printed)
    return [{ requirement, check, expected: want, received: `no JSON object on stdout: ${tail(run.stdout)}` }];
  const parsed = output.safeParse(printed);
  if (!parsed.success)
    return [
      {
        requirement,
        check,
        expected: want,
        received: `${maskedObject(printed)} (${parsed.error.issues.map((i) => `${i.path.join('.') || 'the object'}: ${i.message}`).join('; ')})`,
      },
    ];
  const wrong = Object.entries(expected).filter(([k, v]) => parsed.data[k] !== v);
  return wrong.length
    ? [
        {
          requirement,
          check,
          expected: Object.keys(expected)
            .map((k) => `${k} ${JSON.stringify(expected[k])}`)
            .join(', '),
          received: wrong.map(([k]) => `${k} ${JSON.stringify(parsed.data[k])}`).join(', '),
        },
      ]
    : [];
}

/** Whatever of a card an app printed: the object's card fields, or card-like values anywhere on stdout. */
function shownValues(stdout: string, card: CardSecrets, fields: readonly string[]): string[] {
  const printed = printedObject(stdout);
  const values = printed
    ? fields
        .filter((f) => printed[f] !== undefined && printed[f] !== null && printed[f] !== '')
        .map((f) => `${f} ${maskShown(f, printed[f])}`)
    : [];
  if (card.pan && stdout.includes(card.pan) && !values.length) values.push(`the PAN ${card.pan}`);
  return values;
}

/**
 * The app must refuse (exit ≠ 0) and show nothing: an answer that does not verify has no
 * plaintext (NIST SP 800-38D §7.2: "return FAIL"). A hang is not a refusal a user can read either.
 */
export function expectRefuses(
  run: RawRun,
  requirement: string,
  served: string,
  card: CardSecrets,
  fields: readonly string[],
): ClientFinding[] {
  const check = `the app refuses ${served}, and shows nothing`;
  const shown = shownValues(run.stdout, card, fields);
  if (run.timedOut)
    return [
      {
        requirement,
        check,
        expected: 'it ends with exit code ≠ 0',
        received: `${run.ended}; stderr: ${tail(run.stderr)}`,
      },
    ];
  if (run.ok || shown.length)
    return [
      {
        requirement,
        check,
        expected: 'exit code ≠ 0 and no card data on stdout',
        received: `${run.ended}${shown.length ? `, and it showed ${shown.join(', ')}` : `, stdout: ${tail(run.stdout)}`}`,
      },
    ];
  return [];
}

/**
 * A value that must be new on every request (a secret, a key, a transaction id): the values the
 * adversary saw over the case's runs must all differ. Too few of them: the case proves nothing.
 */
export function expectDistinct(
  values: readonly string[],
  o: { requirement: string; what: string; level?: 'warning' },
): CaseVerdict {
  if (values.length < 2)
    return { notRun: `the app sent ${values.length} ${o.what}(s) the harness could read in two runs` };
  const distinct = new Set(values).size;
  return {
    findings:
      distinct < values.length
        ? [
            {
              requirement: o.requirement,
              ...(o.level ? { level: o.level } : {}),
              check: `no ${o.what} is used for two requests`,
              expected: `${values.length} different ${o.what}s`,
              received: `${distinct} different in ${values.length} requests`,
            },
          ]
        : [],
  };
}

/**
 * The honest case's judgement, in the order a reveal happens: an app that never reached the card
 * endpoint is judged by what it did instead (a hang, no JSON, a refusal; a card shown without
 * asking is a finding too); a request the harness found wrong fails its rule, and the answer it
 * could not get is not judged; otherwise the app must show exactly the card served.
 */
export function honestVerdict(o: {
  /** The app reached the card endpoint. */
  asked: boolean;
  /** The rule of the request, its findings, and what is left unjudged when it made none. */
  request: { rule: string; findings: () => ClientFinding[]; unasked: string };
  /** The rule of the answer, what the app showed of it, and why it is not judged after a wrong request. */
  answer: { rule: string; shows: () => ClientFinding[]; unanswered: string };
}): CaseVerdict {
  if (!o.asked) {
    const seen = o.answer.shows();
    return {
      findings: seen.length
        ? seen
        : [
            {
              requirement: o.answer.rule,
              check: 'the app shows the card it was served',
              expected: 'a request for the card, then the card it answers',
              received: 'a card shown without asking for one',
            },
          ],
      unjudged: { [o.request.rule]: o.request.unasked },
    };
  }
  const bad = o.request.findings();
  if (bad.length) return { findings: bad, unjudged: { [o.answer.rule]: o.answer.unanswered } };
  return { findings: o.answer.shows() };
}

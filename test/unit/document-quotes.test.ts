// A rule its document decides says only what the document says: each of its quotes stands in the
// document's text, formatting aside (white space, Markdown marks, bullets, typographic quotes and
// dashes). So does each sentence of a provider's coverage table, and each of its rule ids is a rule
// of that provider. The texts in test/documents/ are copies of the public pages the catalogue cites.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { catalogue } from '../../src/catalogue.ts';
import { clientSides, pageSides } from '../../src/client/sides.ts';
import type { Requirement } from '../../src/core/requirements.ts';
import type { ProviderCatalogue } from '../../src/providers/types.ts';
import { root } from '../helpers.ts';

/** The text as the comparison sees it: what a copy of a page may gain or lose in formatting is gone. */
const unformatted = (s: string): string =>
  s
    .normalize('NFKC')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\s*_`#>|•]/g, '');

/** Whether the document holds the quote: its parts ("…" between them) in this order. */
function quotedIn(document: string, quote: string): boolean {
  const doc = unformatted(document);
  let at = 0;
  for (const part of quote.split('…').map(unformatted)) {
    const i = doc.indexOf(part, at);
    if (i < 0) return false;
    at = i + part.length;
  }
  return true;
}

/**
 * The document's sentences that bind somebody: a word of obligation, requirement or advice in
 * them. A line that starts in lower case continues the one before (the copies break lines inside
 * sentences); a sentence ends at . ! ? or : before a capital, a bullet, a list mark or a code mark.
 */
const NORMATIVE = /\b(must|required|will fail|should|only|never|not valid|needs?|recommended)/i;
function bindingSentences(document: string): string[] {
  return document
    .replace(/\n(?=[a-z(])/g, ' ')
    .split(/(?<=[.!?:])\s+(?=[A-Z•*\-[`])|\n+/)
    .map((x) => x.trim().replace(/^[-•*]\s+/, ''))
    .filter((x) => x.length > 12 && NORMATIVE.test(x));
}

/**
 * Whether a table's quote covers the sentence: the quote holds it, or they share a run of 30
 * characters (a shorter quote holds too few words to stand for a longer sentence).
 */
const RUN = 30;
function covers(quote: string, sentence: string): boolean {
  const [q, s] = [unformatted(quote), unformatted(sentence)];
  if (q.includes(s)) return true;
  for (let i = 0; i + RUN <= s.length; i += 5) if (q.includes(s.slice(i, i + RUN))) return true;
  return false;
}

const documentOf = (id: string): string => readFileSync(join(root, 'test/documents', `${id}.txt`), 'utf8');

/** A provider's rules, the service's and its client side's. */
async function rulesOf(p: ProviderCatalogue): Promise<Requirement[]> {
  const client = [
    ...((await clientSides[p.id]?.())?.requirements ?? []),
    ...((await pageSides[p.id]?.())?.requirements ?? []),
  ];
  return [...(Object.values(p.requirements) as Requirement[]), ...client];
}

test('a sentence of obligation is found, and is covered only by a quote that shares its words', () => {
  const doc = 'Intro text here.\nThe token must be\nused within 30 seconds. Nothing else binds anybody here.';
  expect(bindingSentences(doc)).toEqual(['The token must be used within 30 seconds.']);
  expect(covers('The token must be used within 30 seconds.', bindingSentences(doc)[0]!)).toBe(true);
  expect(covers('So: The token must be used within 30 seconds', 'The token must be used within 30 seconds.')).toBe(
    true,
  );
  expect(covers('The token must be used', 'The token must be used within 30 seconds.')).toBe(false);
  expect(covers('The key must be rotated every 90 days.', 'The token must be used within 30 seconds.')).toBe(false);
  expect(covers('`id` (string, required)', '`device_id` (string, required) The id of the bound device.')).toBe(false);
});

test('the comparison forgives formatting only', () => {
  const enfuce = documentOf('enfuce');
  expect(quotedIn(enfuce, 'The request will  fail if *cardId* is not valid.')).toBe(true);
  expect(quotedIn(enfuce, 'field _operation_ with value “view-pan”')).toBe(false);
  expect(quotedIn(enfuce, 'The request will fail if cardId is valid.')).toBe(false);
  expect(quotedIn(enfuce, 'The request will fail if cardId is not valid … with a 404.')).toBe(false);
  expect(quotedIn(enfuce, 'Besides cardId, … no additional validation is done.')).toBe(true);
  expect(quotedIn(enfuce, 'no additional validation is done … Besides cardId')).toBe(false);
});

for (const p of catalogue as readonly ProviderCatalogue[]) {
  test(`${p.id}: every document rule quotes only the document's words`, async () => {
    const text = documentOf(p.id);
    const rules = (await rulesOf(p)).filter((r) => r.source === 'document');
    expect(rules.length).toBeGreaterThan(0);
    const missing = rules.flatMap((r) =>
      (r.source === 'document' ? r.quotes : []).filter((q) => !quotedIn(text, q)).map((q) => `${r.id}: ${q}`),
    );
    expect(missing, 'quotes the document does not contain').toEqual([]);
  });

  test(`${p.id}: the coverage table quotes the document and names its rules`, async () => {
    const text = documentOf(p.id);
    const rules = await rulesOf(p);
    const ids = new Set(rules.map((r) => r.id));
    expect(
      p.coverage.filter((e) => !quotedIn(text, e.quote)).map((e) => e.quote),
      'sentences not in the document',
    ).toEqual([]);
    expect(
      p.coverage.flatMap((e) => ('checks' in e ? e.checks.filter((id) => !ids.has(id)) : [])),
      'ids of no rule',
    ).toEqual([]);
    const quotes = p.coverage.map((e) => e.quote);
    expect(
      quotes.filter((q, i) => quotes.indexOf(q) !== i),
      'a sentence listed twice',
    ).toEqual([]);
    // Each document rule checks some sentence of the table: a rule the table forgets is a sentence it forgets.
    const cited = new Set(p.coverage.flatMap((e) => ('checks' in e ? e.checks : [])));
    expect(
      rules.filter((r) => r.source === 'document' && !cited.has(r.id)).map((r) => r.id),
      'document rules no sentence names',
    ).toEqual([]);
  });

  test(`${p.id}: every sentence of the document that binds somebody is in the coverage table`, () => {
    const sentences = bindingSentences(documentOf(p.id));
    expect(sentences.length).toBeGreaterThan(0);
    expect(
      sentences.filter((x) => !p.coverage.some((e) => covers(e.quote, x))),
      'sentences the table leaves out',
    ).toEqual([]);
  });
}

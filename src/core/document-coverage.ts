// The coverage table of a provider's document: every sentence a service or an app could be held
// to, quoted word for word, with the requirement ids whose checks hold it, or why no check from
// outside can (`requirements --coverage`). test/unit/document-quotes.test.ts holds that each quote
// stands in the document, each id is a rule of the provider, and no binding sentence is left out.

/** A sentence some checks hold: the requirement ids, service or client side. */
interface Checked {
  checks: readonly [string, ...string[]];
}

/** A sentence no check from outside can hold, and why (a process, advice to somebody else). */
interface BeyondACheck {
  untestable: string;
}

/** One testable sentence of the document (or a part of one; "…" joins parts of one sentence). */
export type SentenceCoverage = {
  /** Where in the document it stands, as a reader finds it. */
  section: string;
  quote: string;
} & (Checked | BeyondACheck);

export const defineCoverage = (entries: readonly SentenceCoverage[]): readonly SentenceCoverage[] => entries;

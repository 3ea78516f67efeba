// The coverage table of a provider's document: every sentence a service or an app could be held
// to, quoted word for word, with the requirement ids whose checks hold it, or why no check from
// outside can (`requirements --coverage`). test/document-quotes.test.ts holds that each quote
// stands in the document and each id is a rule of the provider.

/** One testable sentence of the document (or a part of one; "…" joins parts of one sentence). */
export type SentenceCoverage = {
  /** Where in the document it stands, as a reader finds it. */
  section: string;
  quote: string;
} & (
  | {
      /** Requirement ids, service or client side, whose checks hold the sentence. */ checks: readonly [
        string,
        ...string[],
      ];
    }
  | {
      /** Why a check from outside cannot hold it (a process, a recommendation to somebody else). */ untestable: string;
    }
);

export const defineCoverage = (entries: readonly SentenceCoverage[]): readonly SentenceCoverage[] => entries;

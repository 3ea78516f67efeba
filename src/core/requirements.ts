// A requirement is one rule a check proves: an id, the endpoint it concerns, and the sentence
// it comes from. `source` says who decides the rule, and so what a failed check weighs
// (src/core/levels.ts), so that nobody mistakes a default of the harness for a fact.

/**
 * document: the provider's page; provider-docs: its public material; standard: a named standard
 * decides it (PCI DSS, OWASP ASVS, NIST, SEC 1, the JOSE RFCs, RFC 9110), cited clause by clause;
 * default: what the harness pins where all of these are silent.
 */
export type RequirementSource = 'document' | 'provider-docs' | 'standard' | 'default';
export type Severity = 'blocker' | 'critical' | 'normal' | 'minor';

/** A clause of a named standard, quoted as the document rules quote their sentence. */
export interface Citation {
  /** The standard and its clause: "OWASP ASVS 5.0.0 V3.4.6". */
  clause: string;
  /** The clause's own words. */
  quote: string;
  /** Where a reader finds it. */
  url: string;
}

interface RequirementBase {
  id: string;
  endpoint: string;
  /** Where in the provider's document (or public material) the sentence stands. */
  section?: string;
  text: string;
  severity: Severity;
  /**
   * The profile options that state what this rule pins where the documents and the standards are
   * silent: the whole rule for a `default`, the parenthesised default part of another. A failed
   * check of a pinned part is a warning naming these options, unless the profile states one.
   */
  options?: readonly string[];
  /** Standards a rule also rests on (a document rule's "never a 5xx" is RFC 9110's, say). */
  cites?: readonly Citation[];
  /** Where the document says two things: the other sentence, and which reading the rule takes and why. */
  contradiction?: string;
}

/**
 * A rule a standard decides names at least one clause; a rule its document decides quotes the
 * document's own words (test/document-quotes.test.ts holds that the document contains them).
 */
export type Requirement = RequirementBase &
  (
    | { source: 'standard'; cites: readonly [Citation, ...Citation[]] }
    | {
        source: 'document';
        /** The document's sentences the rule rests on, word for word; "…" joins parts of one sentence. */
        quotes: readonly [string, ...string[]];
      }
    | { source: Exclude<RequirementSource, 'standard' | 'document'> }
  );

type RequirementBody = Requirement extends infer R ? (R extends Requirement ? Omit<R, 'id'> : never) : never;

/** Builds a provider's typed requirement list: ids become a string-literal union usable by specs and defects. */
export function defineRequirements<const T extends Record<string, RequirementBody>>(
  table: T,
): { readonly [K in keyof T & string]: Requirement & { id: K } } {
  const out: Record<string, Requirement> = {};
  for (const [id, body] of Object.entries(table)) out[id] = { id, ...body } as Requirement;
  return out as { readonly [K in keyof T & string]: Requirement & { id: K } };
}

/** The clauses of a rule in one line: "OWASP ASVS 5.0.0 V3.4.6; RFC 9110 §15.6". */
export const clauses = (r: Pick<RequirementBase, 'cites'>): string => (r.cites ?? []).map((c) => c.clause).join('; ');

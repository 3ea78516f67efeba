// A requirement is one rule a check proves: an id, the endpoint it concerns, and the sentence
// it comes from. `source` says whether the sentence is the provider's own words or a default the
// harness pins where the documents are silent (see PROVIDERS.md), so nobody mistakes the one for
// the other.

/**
 * document: the provider's page; provider-docs: its public material; http: HTTP semantics every
 * HTTP API carries (RFC 9110: bad input is a 4xx, a 5xx is the server failing); default: what the
 * harness pins where all of these are silent.
 */
export type RequirementSource = 'document' | 'provider-docs' | 'http' | 'default';
export type Severity = 'blocker' | 'critical' | 'normal' | 'minor';

export interface Requirement {
  id: string;
  endpoint: string;
  text: string;
  source: RequirementSource;
  severity: Severity;
  /**
   * The profile options that state what this rule pins where the documents are silent: the whole
   * rule for a `default`, the parenthesised default part of a documented one. A failed check of a
   * pinned part is a warning naming these options, unless the profile states one of them.
   */
  options?: readonly string[];
}

type RequirementBody = Omit<Requirement, 'id'>;

/** Builds a typed catalogue: ids become a string-literal union usable by specs and defects. */
export function defineRequirements<const T extends Record<string, RequirementBody>>(
  table: T,
): { readonly [K in keyof T & string]: Requirement & { id: K } } {
  const out: Record<string, Requirement> = {};
  for (const [id, body] of Object.entries(table)) out[id] = { id, ...body };
  return out as { readonly [K in keyof T & string]: Requirement & { id: K } };
}

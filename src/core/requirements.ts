// A requirement is one rule a check proves: an id, the endpoint it concerns, and the sentence
// it comes from. `source` says whether the sentence is the provider's own words or a default the
// harness pins where the documents are silent (see PROVIDERS.md), so nobody mistakes the one for
// the other.

export type RequirementSource = 'document' | 'provider-docs' | 'default';
export type Severity = 'blocker' | 'critical' | 'normal' | 'minor';

export interface Requirement {
  id: string;
  endpoint: string;
  text: string;
  source: RequirementSource;
  severity: Severity;
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

// Risk accepted by name, never silently (as OWASP ZAP's rules file or .trivyignore do): a profile
// may list rules a named standard decides whose failure the vendor accepts, each with its reason:
//   "acceptedRisks": { "ENF-FRAME-ANCESTORS": "the frame is served only inside our native app's webview" }
// Such a failure reads ACCEPTED RISK, with the reason, in every report, and does not fail the run
// (run --strict fails it). A document rule cannot be accepted: the document is the contract. A
// default cannot either: a profile states its option instead.
import { z } from 'zod';
import type { Requirement } from './requirements.ts';

export const ACCEPTED_RISKS_KEY = 'acceptedRisks';

const Reasons = z.record(z.string(), z.string().trim().min(1, 'give the reason the risk is accepted'));

/** A provider's accepted risks from its raw profile JSON, or a clear error naming what is wrong. */
export function acceptedRisksOf(
  provider: { id: string; requirements: Record<string, Requirement> },
  raw: unknown,
): Record<string, string> {
  if (raw === undefined) return {};
  const parsed = Reasons.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `${provider.id}: ${ACCEPTED_RISKS_KEY} maps a requirement id to the reason its risk is accepted: ${parsed.error.issues.map((i) => `${i.path.join('.') || ACCEPTED_RISKS_KEY}: ${i.message}`).join('; ')}`,
    );
  }
  for (const id of Object.keys(parsed.data)) {
    const r = provider.requirements[id];
    if (!r)
      throw new Error(
        `${provider.id}: ${ACCEPTED_RISKS_KEY} names ${id}, which is no requirement of ${provider.id} (see: card-reveal-harness requirements ${provider.id})`,
      );
    if (r.source !== 'standard') {
      throw new Error(
        `${provider.id}: ${ACCEPTED_RISKS_KEY} names ${id}, a ${r.source} rule: only a rule a standard decides can be accepted as a risk` +
          (r.source === 'default'
            ? ` (a default is stated through its profile option: ${(r.options ?? []).join(', ')})`
            : ' (a document rule is the contract itself)'),
      );
    }
  }
  return parsed.data;
}

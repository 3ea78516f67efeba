// Result levels, after the OpenID Foundation conformance suite: each check fails with the weight
// of the rule it proves. What a provider's document (or its public docs) states, and what a named
// standard decides, is a FAILURE. What the harness pins where all of them are silent (a `default`,
// or the default part of another rule) is a WARNING that names the profile option which would
// state the target's choice, unless the profile does state it (then the target is held to it) or
// the run is --strict. A standard's rule whose risk the profile accepts by name is ACCEPTED, with
// the reason (src/core/accepted-risks.ts); --strict fails it too.
import { readFileSync } from 'node:fs';
import { runSettings } from './settings.ts';
import { ACCEPTED_RISKS_KEY, acceptedRisksOf } from './accepted-risks.ts';
import { profileEnvVar } from './profile.ts';
import type { Requirement } from './requirements.ts';
import type { z } from 'zod';
import type { Level as LevelSchema } from './check-record.ts';
import { catalogue } from '../catalogue.ts';

/** What a failed check weighs: the record's own type (src/core/check-record.ts). */
export type Level = z.infer<typeof LevelSchema>;

export function findRequirement(id: string): { provider: string; requirement: Requirement } | undefined {
  for (const p of catalogue) {
    const r = (p.requirements as Record<string, Requirement>)[id];
    if (r) return { provider: p.id, requirement: r };
  }
  return undefined;
}

const stated = new Map<string, { options: ReadonlySet<string>; risks: Readonly<Record<string, string>> }>();

/** What a provider's profile file states: its option keys (whatever their values) and its accepted risks. */
function profileStatements(
  providerId: string,
  env: NodeJS.ProcessEnv,
): { options: ReadonlySet<string>; risks: Readonly<Record<string, string>> } {
  const file = env[profileEnvVar({ id: providerId })];
  const key = `${providerId}\0${file ?? ''}`;
  let found = stated.get(key);
  if (!found) {
    found = { options: new Set(), risks: {} };
    if (file) {
      try {
        // One read of the file: its accepted risks apart, its keys are the options it states.
        const { [ACCEPTED_RISKS_KEY]: risks, ...options } = JSON.parse(readFileSync(file, 'utf8')) as Record<
          string,
          unknown
        >;
        found = {
          options: new Set(Object.keys(options)),
          risks: acceptedRisksOf(
            catalogue.find((p) => p.id === providerId)!,
            risks,
          ),
        };
      } catch {
        // An unreadable or invalid profile is refused before any test runs (checkTargetSettings).
      }
    }
    stated.set(key, found);
  }
  return found;
}

export interface CheckLevel {
  level: Level;
  /** The profile options that would state the pinned choice (for a warning's message). */
  options: readonly string[];
  /** For an accepted risk: the reason the profile gives. */
  reason?: string;
}

/**
 * How much a failed check of `requirementId` weighs. `option` marks a check of one pinned part of a
 * rule (its exact status, say); without it the rule's own source decides.
 */
export function levelOf(requirementId: string, option?: string, env: NodeJS.ProcessEnv = process.env): CheckLevel {
  const found = findRequirement(requirementId);
  if (!found) return { level: 'failure', options: [] };
  const { provider, requirement } = found;
  const strict = runSettings(env).strict;
  const options = option ? [option] : requirement.source === 'default' ? (requirement.options ?? []) : [];
  const pinned = option !== undefined || requirement.source === 'default';
  const mine = profileStatements(provider, env);
  if (pinned) return { level: strict || options.some((o) => mine.options.has(o)) ? 'failure' : 'warning', options };
  const reason = requirement.source === 'standard' ? mine.risks[requirementId] : undefined;
  return reason !== undefined && !strict ? { level: 'accepted', options, reason } : { level: 'failure', options };
}

/** The advice a warning ends with. */
export function warningAdvice(providerId: string | undefined, options: readonly string[]): string {
  const where = providerId ? profileEnvVar({ id: providerId }) : 'the profile';
  return options.length
    ? `a default of the harness, not the document: if the target chose otherwise, state ${options.map((o) => `"${o}"`).join(' or ')} in ${where}`
    : 'a default of the harness, not the document';
}

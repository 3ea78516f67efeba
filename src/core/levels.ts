// Result levels, after the OpenID Foundation conformance suite: each check fails with the weight
// of the rule it proves. What a provider's document (or its public docs) states is a FAILURE.
// What the harness pins where the documents are silent (a `default`, or the default part of a
// documented rule) is a WARNING that names the profile option which would state the target's
// choice, unless the profile does state it (then the target is held to it) or the run is --strict
// (a team gating its own implementation that adopted the defaults).
import { readFileSync } from 'node:fs';
import { profileEnvVar } from './profile.ts';
import type { Requirement } from './requirements.ts';
import { catalogue as providers } from '../catalogue.ts';

export type Level = 'failure' | 'warning';

/** `run --strict` sets this for the Playwright workers: warnings fail. */
export const STRICT_ENV = 'CRH_STRICT';

export function findRequirement(id: string): { provider: string; requirement: Requirement } | undefined {
  for (const p of providers) {
    const r = (p.requirements as Record<string, Requirement>)[id];
    if (r) return { provider: p.id, requirement: r };
  }
  return undefined;
}

const stated = new Map<string, ReadonlySet<string>>();

/** The options a provider's profile file states (its keys), whatever their values. */
export function statedOptions(providerId: string, env: NodeJS.ProcessEnv = process.env): ReadonlySet<string> {
  const file = env[profileEnvVar({ id: providerId })];
  const key = `${providerId}\0${file ?? ''}`;
  let keys = stated.get(key);
  if (!keys) {
    keys = new Set();
    if (file) {
      try {
        keys = new Set(Object.keys(JSON.parse(readFileSync(file, 'utf8')) as object));
      } catch {
        // An unreadable profile is refused before any test runs (checkTargetSettings).
      }
    }
    stated.set(key, keys);
  }
  return keys;
}

export interface CheckLevel {
  level: Level;
  /** The profile options that would state the pinned choice (for a warning's message). */
  options: readonly string[];
}

/**
 * How much a failed check of `requirementId` weighs. `option` marks a check of one pinned part of a
 * documented rule (its exact status, say); without it the rule's own source decides.
 */
export function levelOf(requirementId: string, option?: string, env: NodeJS.ProcessEnv = process.env): CheckLevel {
  const found = findRequirement(requirementId);
  if (!found) return { level: 'failure', options: [] };
  const { provider, requirement } = found;
  const options = option ? [option] : requirement.source === 'default' ? (requirement.options ?? []) : [];
  const pinned = option !== undefined || requirement.source === 'default';
  if (!pinned || env[STRICT_ENV] === '1') return { level: 'failure', options };
  const mine = statedOptions(provider, env);
  return { level: options.some((o) => mine.has(o)) ? 'failure' : 'warning', options };
}

/** The advice a warning ends with. */
export function warningAdvice(providerId: string | undefined, options: readonly string[]): string {
  const where = providerId ? profileEnvVar({ id: providerId }) : 'the profile';
  return options.length
    ? `a default of the harness, not the document: if the target chose otherwise, state ${options.map((o) => `"${o}"`).join(' or ')} in ${where}`
    : 'a default of the harness, not the document';
}

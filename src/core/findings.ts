// A finding is the record a failed rule check leaves, as data: the rule it checks, the level it
// weighs (src/core/levels.ts), what was checked and what was seen, and for a warning the advice,
// for an accepted risk the profile's reason. A check writes it once (a test annotation of type
// FINDING, JSON); the matrix, JUnit and Allure render those records, never the assertion titles.
import type { Level } from './levels.ts';

export const FINDING = 'finding';

export interface Finding {
  rule: string;
  level: Level;
  /** What was checked: "Cache-Control of the snapshot". */
  what: string;
  /** The evidence, masked: "Expected: 404 Received: 400". */
  message: string;
  /** A warning's advice: the profile option that would state the target's choice. */
  advice?: string;
  /** An accepted risk's reason, from the profile. */
  reason?: string;
}

export const encodeFinding = (f: Finding): string => JSON.stringify(f);

/** A finding from an annotation's description; undefined for anything else. */
export function decodeFinding(description: string | undefined): Finding | undefined {
  try {
    const f = JSON.parse(description ?? '') as Partial<Finding>;
    return typeof f.rule === 'string' &&
      (f.level === 'failure' || f.level === 'warning' || f.level === 'accepted') &&
      typeof f.what === 'string' &&
      typeof f.message === 'string'
      ? (f as Finding)
      : undefined;
  } catch {
    return undefined;
  }
}

/** A warning's or an accepted risk's words on its own rule: "what: evidence (advice)" or "what: evidence". */
export const findingNote = (f: Pick<Finding, 'what' | 'message' | 'advice'>): string =>
  `${f.what}: ${f.message}${f.advice ? ` (${f.advice})` : ''}`;

/** A finding in one line: "[ID] what — evidence". */
export const findingLine = (f: Pick<Finding, 'rule' | 'what' | 'message'>): string =>
  `[${f.rule}] ${f.what}${f.message ? ` — ${f.message}` : ''}`;

// A provider's client side: the rules an app that reveals its card must keep, the cases that try
// them (the harness serving honestly, then adversarially), and what the app prints. One module per
// provider (src/providers/<id>/client-side.ts); the runner (src/client/run.ts) knows none of them.
import type { z } from 'zod';
import type { Requirement } from '../core/requirements.ts';
import type { CardSecrets } from '../core/mask.ts';
import type { Interceptor } from './adversary.ts';
import type { RawRun } from './command.ts';
import type { ClientFinding } from './record.ts';

/**
 * A case's judgement: its findings (none: it passed), with the requirements it could not judge
 * and why (an app whose request failed shows nothing to judge); or why it proves nothing at all.
 */
export type CaseVerdict = { findings: ClientFinding[]; unjudged?: Record<string, string> } | { notRun: string };

/** One case's adversary: made fresh per case, so what it saw belongs to that case alone. */
export interface CaseAdversary {
  interceptor: Interceptor;
  /** The variables the app gets: the mock's, with the adversary's URL (and keys, where it swaps them). */
  env(vars: Record<string, string>, url: string): Record<string, string>;
  /** Judges the runs of the command from what it printed and what the adversary saw. */
  judge(runs: readonly RawRun[]): CaseVerdict;
  /** Card values the case served that are not the card's own (a forged PAN): masked in every record. */
  forged?(): CardSecrets[];
}

export interface ClientCase {
  name: string;
  title: string;
  requirements: readonly [string, ...string[]];
  /** What the harness serves, in words (no card data). */
  served: string;
  /** Runs of the command (2 where a value must be fresh per request). */
  runs?: number;
  adversary(vars: Record<string, string>): CaseAdversary;
}

export interface ClientSide {
  provider: string;
  title: string;
  document: { title: string };
  requirements: readonly Requirement[];
  /** What the command prints on stdout when it shows the card: one JSON object. */
  output: z.ZodType<Record<string, unknown>>;
  /** The same in words, for messages and the README: "{pan, cvc, pin}". */
  outputFields: string;
  cases: readonly ClientCase[];
  /** The card the mock serves for the variables it wrote: the values to find and to mask. */
  card(vars: Record<string, string>): CardSecrets;
}

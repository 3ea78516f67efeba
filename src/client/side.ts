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
  /** The variables the app gets, the adversary's URL as the provider's (and its keys, where it swaps them). */
  env(url: string): Record<string, string>;
  /** Judges the runs of the command from what it printed and what the adversary saw. */
  judge(runs: readonly RawRun[]): CaseVerdict;
}

export interface ClientCase {
  name: string;
  title: string;
  requirements: readonly [string, ...string[]];
  /** What the harness serves, in words (no card data). */
  served: string;
  /** Runs of the command (2 where a value must be fresh per request). */
  runs?: number;
  /** `self.url` is the adversary's own URL, set once it listens (before the command runs). */
  adversary(vars: Record<string, string>, self: { url: string }): CaseAdversary;
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

/** What the browser saw of one case of a web page (`client <provider> --page`), masked by the runner. */
export interface PageObservation {
  /** The page's backend did not serve the page, or the browser could not open it: why. */
  error?: string;
  /** What the provider's frame received by postMessage: the data, the sender's origin, and whether the frame had loaded. */
  frameMessages: { data: unknown; origin: string; afterLoad: boolean }[];
  /** The provider frame's state and text once the case settled. */
  frameState: string;
  frameText: string;
  /** Where the page kept a value it must not: storage, cookies, its URL, its console. */
  places: { where: string; text: string }[];
  /** Whether the harness clicked the page's reveal control (--reveal). */
  revealed: boolean;
  /** For a case with `clock.pageForwardMs`: whether a frame is still on screen after the page's clock moved on. */
  frameOpenAfterForward?: boolean;
}

export interface PageCaseAdversary {
  interceptor: Interceptor;
  /** The variables the page's backend gets, the adversary's URL as the provider's. */
  env(url: string): Record<string, string>;
  /** Judges what the browser saw, with what the adversary saw. */
  judge(seen: PageObservation): CaseVerdict;
  /** True once the case has what it waits for (the card shown, a report from another origin): the runner stops waiting. */
  settled(seen: Pick<PageObservation, 'frameState'>): boolean;
}

export interface PageCase {
  name: string;
  title: string;
  requirements: readonly [string, ...string[]];
  served: string;
  /**
   * Time moved by the case: the mock's clock before the harness clicks --reveal (a user who waits),
   * and the page's own clock once the case has settled (what the page does after a while).
   */
  clock?: { mockAdvanceBeforeRevealMs?: number; pageForwardMs?: number };
  /** `self.url` is the adversary's own URL, set once it listens. */
  adversary(vars: Record<string, string>, self: { url: string }): PageCaseAdversary;
}

/** A provider whose app is a web page that frames the provider's page (Enfuce). */
export interface PageSide {
  provider: string;
  title: string;
  document: { title: string };
  requirements: readonly Requirement[];
  cases: readonly PageCase[];
  /** Readies the mock for a page at `pageOrigin` (agrees a frame key for it); returns the variables the cases use. */
  prepare(mockUrl: string, vars: Record<string, string>, pageOrigin: string): Promise<Record<string, string>>;
  card(vars: Record<string, string>): CardSecrets;
}

/** The variables of `names` that are set: what an app is given of the mock's (never the card's values). */
export const appVars = (vars: Record<string, string>, names: readonly string[]): Record<string, string> =>
  Object.fromEntries(names.flatMap((k) => (vars[k] !== undefined ? [[k, vars[k]]] : [])));

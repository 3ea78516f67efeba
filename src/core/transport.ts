// Transport faults: an exchange that got no complete answer (reset, closed mid-body, a TLS record
// cut, no answer in time, refused after the target had answered). One tells nothing about the
// contract unless it happens every time, so it is never by itself a finding: the check it
// interrupted is run again from its start (Playwright's retry: fresh fixtures, tokens and keys),
// within a bound (--transport-retries), and counted like a rate-limit wait. A check that fails
// without one is never run again: a received answer is judged as it is.
import { z } from 'zod';
import { runSettings } from './settings.ts';

/** How often a check a transport fault interrupted is run again, unless --transport-retries says otherwise. */
export const TRANSPORT_RETRIES_DEFAULT = 2;

export const TransportFaults = z.object({
  /** Exchanges of the attempt that got no complete answer. */
  count: z.number().int().positive(),
  /** Of them, idempotent requests sent again at once (RFC 9110 §9.2.2), with an answer or not. */
  resent: z.number().int().min(0),
  /** Idempotent requests that got no answer on any send: what the target does every time. */
  persistent: z.number().int().min(0),
  /** The first few: method, URL without query, and what happened. */
  where: z.array(z.string()),
});
export type TransportFaults = z.infer<typeof TransportFaults>;

/** What a check's attempts met, summed over its attempts (reporters/conformance.ts). */
export const TransportRecord = z.object({
  /** Attempts run again after a transport fault (the check's retries). */
  reruns: z.number().int().min(0),
  /** Transport faults met over every attempt. */
  faults: z.number().int().min(0),
  /** Of them, requests sent again at once. */
  resent: z.number().int().min(0),
  /** The last attempt failed and met a transport fault too: judged on a disturbed exchange. */
  disturbed: z.boolean(),
  /** Where the last attempt's faults were. */
  where: z.array(z.string()).optional(),
});
export type TransportRecord = z.infer<typeof TransportRecord>;

const KEPT = 5;

/** What became of one fault: sent again, lost (the check runs again), or lost on every send. */
export type FaultFate = 'resent' | 'lost' | 'persistent';

/** This process's transport faults: read by the fixtures into each check's annotations. */
export const transportTally = { count: 0, resent: 0, persistent: 0, where: [] as string[] };

/** Counts one exchange that got no complete answer. `where` names it without a query (http.ts safeUrl). */
export function noteTransportFault(where: string, fate: FaultFate = 'lost'): void {
  transportTally.count++;
  if (fate === 'resent') transportTally.resent++;
  if (fate === 'persistent') transportTally.persistent++;
  transportTally.where.push(where);
  if (transportTally.where.length > 100) transportTally.where.splice(0, transportTally.where.length - 100);
}

export interface TallyMark {
  count: number;
  resent: number;
  persistent: number;
}
export const markTally = (): TallyMark => {
  const { count, resent, persistent } = transportTally;
  return { count, resent, persistent };
};

/** The faults noted since `mark`, or undefined when none. */
export function faultsSince(mark: TallyMark): TransportFaults | undefined {
  const count = transportTally.count - mark.count;
  if (count <= 0) return undefined;
  return {
    count,
    resent: transportTally.resent - mark.resent,
    persistent: transportTally.persistent - mark.persistent,
    where: transportTally.where.slice(-Math.min(count, 100)).slice(0, KEPT),
  };
}

/**
 * Whether an attempt that failed may run again: it lost an exchange (one not answered after a
 * re-send), and none was lost on every send (that is what the target does every time).
 */
export const mayRunAgain = (f: TransportFaults | undefined): boolean => !!f && f.count > f.resent && f.persistent === 0;

/**
 * Chromium's words for a request that got no complete answer (Playwright's requestfailed
 * errorText). A request the page itself cancelled (ERR_ABORTED) or one a policy blocked
 * (ERR_BLOCKED_BY_RESPONSE, a frame-ancestors refusal) is not one: that is an answer.
 */
const CHROMIUM_TRANSPORT =
  /^net::ERR_(CONNECTION_(RESET|CLOSED|REFUSED|FAILED|ABORTED)|EMPTY_RESPONSE|TIMED_OUT|SSL_PROTOCOL_ERROR|INCOMPLETE_CHUNKED_ENCODING|CONTENT_LENGTH_MISMATCH|SOCKET_NOT_CONNECTED|INVALID_HTTP_RESPONSE|HTTP2_PROTOCOL_ERROR)\b/;

export const isChromiumTransportError = (errorText: string | undefined): boolean =>
  CHROMIUM_TRANSPORT.test(errorText ?? '');

/** `3 checks re-run and 2 requests sent again after a transport fault (…)`, or nothing when none met one. */
export function transportLine(
  t: { checks: number; reruns: number; faults: number; resent: number; disturbed: number } | undefined,
): string | undefined {
  if (!t?.faults) return undefined;
  const s = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return (
    `${s(t.checks, 'check')} re-run (${s(t.reruns, 're-run')}) and ${s(t.resent, 'request')} sent again after ` +
    `${s(t.faults, 'transport fault')} (not findings); ${t.disturbed} judged on a disturbed exchange`
  );
}

/**
 * `step` again, up to `retries` times, while it fails and met a transport fault: for what runs
 * outside a check (the look-ups before a run), where no Playwright retry covers it.
 */
export async function withTransportRetries<T>(retries: number, step: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const mark = markTally();
    try {
      return await step();
    } catch (e) {
      if (attempt >= retries || !mayRunAgain(faultsSince(mark))) throw e;
      await new Promise((r) => setTimeout(r, 250 * (attempt + 1)));
    }
  }
}

/** A look-up before any check: sent again after a transport fault, as a check would be run again. */
export const beforeChecks = <T>(step: () => Promise<T>): Promise<T> =>
  withTransportRetries(runSettings().network.transportRetries ?? TRANSPORT_RETRIES_DEFAULT, step);

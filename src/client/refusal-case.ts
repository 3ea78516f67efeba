// The case every provider has many of: the harness serves an answer the app must not show (altered,
// downgraded, an error); the app must refuse it and print no card. Judged only if the adversary
// did serve it: an app whose request failed before proves nothing here.
import type { CardSecrets } from '../core/mask.ts';
import { expectRefuses } from './judge.ts';
import type { CaseAdversary, ClientCase } from './side.ts';

export interface RefusalCase<A extends Omit<CaseAdversary, 'judge'>> {
  name: string;
  /** What the case serves, in words. */
  served: string;
  rule: string;
  title?: string;
  /** The fields of the app's output that are card data. */
  fields: readonly string[];
  card(vars: Record<string, string>): CardSecrets;
  adversary(vars: Record<string, string>): A;
  /** Whether the adversary served what the case is about. */
  didServe(a: A): boolean;
  /** Why the case proves nothing when it did not. */
  notRun: string;
}

export function refusalCase<A extends Omit<CaseAdversary, 'judge'>>(o: RefusalCase<A>): ClientCase {
  return {
    name: o.name,
    title: o.title ?? `${o.served}: the app refuses, and shows nothing`,
    requirements: [o.rule],
    served: o.served,
    adversary(vars): CaseAdversary {
      const a = o.adversary(vars);
      return {
        ...a,
        judge: ([run]) =>
          o.didServe(a)
            ? { findings: expectRefuses(run!, o.rule, o.served, o.card(vars), o.fields) }
            : { notRun: o.notRun },
      };
    },
  };
}

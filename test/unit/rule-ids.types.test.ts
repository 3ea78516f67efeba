// `ruleCheck` and `req` take only the provider's own requirement ids, and profile options only by a
// profile's own keys: `npm test` type-checks this
// file (tsc -p .), and each @ts-expect-error fails the type check once the line it marks compiles,
// i.e. once an unknown or foreign id would be accepted. At run time, a rule check of an id no
// catalogue has is an error of the harness, never a pass.
import { test, expect } from '@playwright/test';
import { ruleCheck as exaRuleCheck, req as exaReq } from '../../specs/exa/fixtures.ts';
import { ruleCheck as anyRuleCheck } from '../../specs/fixtures/expect.ts';

// Declared, never called: only the types are under test here.
export function typeChecks(): void {
  exaRuleCheck('EXA-FRESH-IV', 1, 'an Exa rule').toBe(1);
  exaReq('EXA-PROFILE', 'EXA-FRESH-IV');
  // @ts-expect-error an id no catalogue has
  exaRuleCheck('EXA-NO-SUCH-RULE', 1, 'unknown').toBe(1);
  // @ts-expect-error another provider's rule in Exa's specs
  exaRuleCheck('ENF-NO-STORE', 1, 'foreign').toBe(1);
  // @ts-expect-error an id no catalogue has
  exaReq('EXA-NO-SUCH-RULE');
  // @ts-expect-error another provider's rule
  exaReq('SOL-KEY-SIZE');
  // @ts-expect-error the shared form takes any catalogue's id, but only those
  anyRuleCheck('NOT-A-RULE', 1, 'unknown').toBe(1);
  // The profile option a default is held by is a typed key of a provider's profile.
  exaRuleCheck('EXA-PROFILE', 1, 'a default', 'limitFrequencies').toBe(1);
  // @ts-expect-error an option no profile has (a typo)
  exaRuleCheck('EXA-PROFILE', 1, 'a default', 'limitFrequency').toBe(1);
}

test('a rule check of an id no catalogue has is a harness error, never a pass', () => {
  expect(() => (anyRuleCheck as (id: string, v: unknown, what: string) => unknown)('NOT-A-RULE', 1, 'unknown')).toThrow(
    /harness error: a rule check names NOT-A-RULE, which no provider's catalogue has/,
  );
});

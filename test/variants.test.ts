// The mirror of the defect proof: every variant of the mocks (a choice the documents leave open),
// started as a process without /__mock/ control, is judged conformant, or conformant with
// warnings where no profile states its choice. Enfuce's variants are left to `variants enfuce`
// (each live Enfuce run waits out two 31-second expiries in real time).
import { expect, test } from '@playwright/test';
import { cli } from './helpers.ts';

test('every variant of exa, plumery, cardinal and solaris is judged right', async () => {
  test.setTimeout(20 * 60_000);
  const r = await cli(['variants', 'exa', 'plumery', 'cardinal', 'solaris', '--jobs', '1', '--output', 'reports/selftest/variants'], {}, 19 * 60_000);
  const m = /judged right (\d+) of (\d+) variants/.exec(r.stdout);
  expect(m, r.stdout.slice(-3000) + r.stderr.slice(-1000)).not.toBeNull();
  expect(Number(m![2]), 'variants run').toBeGreaterThanOrEqual(24);
  expect(m![1], r.stdout.slice(-3000)).toBe(m![2]);
  expect(r.code).toBe(0);
});

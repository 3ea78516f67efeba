// The README's tables are the registry's: the variables (npm run readme writes it) and the live checks.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { variablesTable } from '../../src/core/variables-table.ts';
import { catalogue } from '../../src/catalogue.ts';

test("the README's variables table is the one the registry gives", () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  expect(readme, 'README.md is out of date: npm run readme').toContain(variablesTable());
});

// The README's table of what a sandbox run checks fully: its counts are the catalogue's, so a rule
// added to a provider cannot leave it stale (it had been, by two rules).
test("the README's live table counts each provider's rules and its declared exceptions", () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  let rules = 0;
  let exceptions = 0;
  for (const p of catalogue) {
    const all = Object.keys(p.requirements).length;
    const excepted = Object.keys(p.liveExceptions).length;
    const live = all - excepted;
    rules += all;
    exceptions += excepted;
    expect(readme, `README's live table row of ${p.id}`).toContain(`| \`${p.id}\` | ${live} of ${all} |`);
  }
  const share = Math.round((100 * (rules - exceptions)) / rules);
  expect(readme, "README's live table total").toContain(`| all | **${rules - exceptions} of ${rules} (${share} %)** |`);
});

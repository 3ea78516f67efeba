// The README's variables table is the registry's (npm run readme writes it), and --help names them.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { variablesTable } from '../../src/core/variables-table.ts';

test("the README's variables table is the one the registry gives", () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  expect(readme, 'README.md is out of date: npm run readme').toContain(variablesTable());
});

// Imports run one way: schemas and cryptography at the bottom; reporters and the CLI never reach
// into the specs; a provider's knowledge (src/providers/<id>/: requirements, profile, defects,
// variants, seeded cards) is what its mock uses, and nothing under src/ reaches into mocks/ but the
// one place that starts a mock; nothing the harness runs imports the project's own tests. Each rule
// lists the imports that break it.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { root } from '../helpers.ts';

interface Edge {
  from: string;
  to: string;
}

/**
 * Every relative import (static, re-export, dynamic, type-only) of every TypeScript file below the
 * given folders; `.` alone is read one level deep (the config at the top), never into reports/, which
 * other tests write while this one reads.
 */
function edges(folders: string[]): Edge[] {
  const out: Edge[] = [];
  for (const folder of folders) {
    for (const e of readdirSync(join(root, folder), { recursive: folder !== '.', withFileTypes: true })) {
      if (!e.isFile() || !e.name.endsWith('.ts')) continue;
      const file = join(e.parentPath, e.name);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g)) {
        out.push({ from: relative(root, file), to: relative(root, resolve(dirname(file), m[1]!)) });
      }
    }
  }
  return out;
}

const all = edges(['schemas', 'src', 'mocks', 'specs', 'reporters', '.']);
const breaking = (from: RegExp, to: RegExp) =>
  all.filter((e) => from.test(e.from) && to.test(e.to)).map((e) => `${e.from} → ${e.to}`);

test('schemas and the cryptography import nothing above them', () => {
  expect(breaking(/^(schemas|src\/crypto)\//, /^(src\/(?!crypto\/)|mocks\/|specs\/|reporters\/)/)).toEqual([]);
});

test('reporters and the CLI import nothing from the specs', () => {
  expect(breaking(/^(reporters|src)\//, /^specs\//)).toEqual([]);
});

test('nothing under src/ imports a mock but the one place that starts one', () => {
  expect(breaking(/^src\/(?!core\/mock-host\.ts$)/, /^mocks\//)).toEqual([]);
  expect(breaking(/^src\/core\/mock-host\.ts$/, /^mocks\/(?!core\/|registry\.ts$)/)).toEqual([]);
});

test('nothing the harness runs imports the project tests or scripts', () => {
  expect(breaking(/^(schemas|src|mocks|specs|reporters)\/|^[^/]+$/, /^(test|scripts)\//)).toEqual([]);
});

test('the scan sees the imports it judges (a rule over nothing passes for nothing)', () => {
  expect(all.length).toBeGreaterThan(300);
  expect(all.some((e) => e.from === 'reporters/conformance.ts' && e.to === 'src/core/redaction.ts')).toBe(true);
  expect(all.some((e) => e.from === 'playwright.config.ts' && e.to === 'src/catalogue.ts')).toBe(true);
});

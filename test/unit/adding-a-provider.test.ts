// README's "Adding a provider" is a checklist this test holds true: every file it names exists for
// every provider, and every registry it names has a line for each.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { catalogue } from '../../src/catalogue.ts';
import type { ProviderCatalogue } from '../../src/providers/types.ts';
import { root } from '../helpers.ts';

const readme = readFileSync(join(root, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('### Adding a provider'), readme.indexOf('## In your pipeline'));
const items = section.split('\n').filter((l) => l.startsWith('- [ ] '));
/** The `<id>` paths of the checklist. */
const perProvider = [...new Set(items.flatMap((l) => [...l.matchAll(/`([^`]*<id>[^`]*)`/g)].map((m) => m[1]!)))].filter(
  (p) => !p.includes('browser.spec') && !p.includes('schemas/json') && !p.includes('schemas/openapi'),
);
/** The registries of the last item: a file each, which must name every provider. */
const registries = [...(items.at(-1) ?? '').matchAll(/`([^`<]+\.ts)`/g)].map((m) => m[1]!);

test('the checklist names the parts (a list of nothing would hold for nothing)', () => {
  expect(perProvider.length).toBeGreaterThanOrEqual(14);
  expect(registries).toEqual(['src/catalogue.ts', 'src/providers.ts', 'mocks/registry.ts']);
});

for (const p of catalogue) {
  test(`${p.id} has every part of the checklist`, () => {
    const missing = perProvider
      .map((path) => path.replaceAll('<id>', p.id))
      .filter((path) => !existsSync(join(root, path)));
    expect(missing).toEqual([]);
    for (const registry of registries)
      expect(readFileSync(join(root, registry), 'utf8'), `${registry} names ${p.id}`).toMatch(
        new RegExp(`\\b${p.id}\\b`),
      );
    // The generated files of the schemas step.
    for (const generated of [`schemas/openapi/${p.id}.json`, `schemas/json/${p.id}`])
      expect(existsSync(join(root, generated)), generated).toBe(true);
    // The config gives browser checks a project of their own by the catalogue's word, not by a look at the folder.
    expect(
      existsSync(join(root, `specs/${p.id}/browser.spec.ts`)),
      'browser.spec.ts exactly when browserChecks says why',
    ).toBe(!!(p as ProviderCatalogue).browserChecks);
  });
}

// The registry's two halves agree: every full definition is its catalogue entry plus the heavy
// parts, in the same order, and loadProvider gives the same definition alone.
import { expect, test } from '@playwright/test';
import { catalogue, loadProvider } from '../../src/catalogue.ts';
import { providers } from '../../src/providers.ts';

test('src/providers.ts and src/catalogue.ts list the same providers in the same order', () => {
  expect(providers.map((p) => p.id)).toEqual(catalogue.map((c) => c.id));
});

for (const c of catalogue) {
  test(`${c.id}: the full definition carries its catalogue entry unchanged, and loads alone`, async () => {
    const full = providers.find((p) => p.id === c.id)!;
    for (const key of Object.keys(c) as (keyof typeof c)[]) expect(full[key], key).toBe(c[key]);
    expect(await loadProvider(c.id)).toBe(full);
  });
}

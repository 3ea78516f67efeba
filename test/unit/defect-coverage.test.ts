// Every requirement of every provider has at least one mock defect that breaks it (or says why none
// can), and every defect names a requirement of its own provider: the suite is proven able to fail
// on each rule.
import { expect, test } from '@playwright/test';
import { CLEAN } from '../../src/core/defect-batch.ts';
import { providers } from '../../src/providers.ts';
import type { ProviderDefinition } from '../../src/providers/types.ts';

for (const p of providers as readonly ProviderDefinition[]) {
  test(`${p.id}: every requirement has a defect, every defect a requirement`, () => {
    const ids = Object.keys(p.requirements);
    const broken = new Set<string>(p.defects.map((d) => d.breaks));
    expect(
      ids.filter((id) => !broken.has(id) && !p.beyondTheMock?.[id]),
      'requirements no defect breaks',
    ).toEqual([]);
    // A requirement declared beyond the mock's reach is one no defect breaks (else the declaration is stale).
    expect(
      Object.keys(p.beyondTheMock ?? {}).filter((id) => broken.has(id) || !ids.includes(id)),
      'declared beyond the mock, yet broken by a defect or no requirement',
    ).toEqual([]);
    expect(
      p.defects.filter((d) => !ids.includes(d.breaks)).map((d) => d.name),
      'defects naming an unknown requirement',
    ).toEqual([]);
    // A defect batch names its defect-free project so (src/core/defect-batch.ts).
    expect(
      p.defects.map((d) => d.name),
      'a defect named like the batch project without one',
    ).not.toContain(CLEAN);
  });
}

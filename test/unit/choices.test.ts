// The free choices of every provider: each is varied by the generator, each option's profile is one
// the provider's profile takes, each hand-written variant is a named draw, and a seed draws the same
// implementation every time.
import { expect, test } from '@playwright/test';
import { catalogue } from '../../src/catalogue.ts';
import {
  seededShare,
  defineChoices,
  drawOf,
  generatedSeeds,
  httpChoices,
  REFERENCE_DRAW,
} from '../../src/core/choices.ts';
import { startMock } from '../../src/core/mock-host.ts';
import { loadProvider } from '../../src/catalogue.ts';
import { enfuceMockCredentials } from '../../src/providers/enfuce/cards.ts';

for (const p of catalogue) {
  test(`${p.id}: every free choice is varied by the generator, every option drawn`, () => {
    expect(p.choices.length, 'free choices').toBeGreaterThanOrEqual(httpChoices.length + 3);
    const seen = new Map(p.choices.map((c) => [c.name, new Set<string>()]));
    // 200 draws: an option of a two-way choice is missed with probability 2^-199.
    for (const seed of generatedSeeds('coverage', 200)) {
      const d = drawOf(p, seed);
      for (const [c, v] of Object.entries(d.picks)) seen.get(c)!.add(v);
    }
    for (const c of p.choices)
      expect([...seen.get(c.name)!].sort(), c.name).toEqual(c.options.map((o) => o.value).sort());
  });

  test(`${p.id}: a choice a profile option covers states it in every option, as the profile takes it`, () => {
    const options = Object.keys(p.profile.shape);
    for (const c of p.choices) {
      if (c.profileOption) expect(options, `${c.name}: profile option`).toContain(c.profileOption);
      for (const o of c.options) {
        const stated = Object.keys(o.profile ?? {});
        // A choice with an option stated by the profile: every option says which (the reference's may rest on the default).
        if (c.profileOption && o !== c.options[0]) expect(stated, `${c.name} = ${o.value}`).toEqual([c.profileOption]);
        if (!c.profileOption) expect(stated, `${c.name} = ${o.value}: no profile option`).toEqual([]);
        expect(() => p.profile.parse(o.profile ?? {}), `${c.name} = ${o.value}`).not.toThrow();
      }
    }
  });

  test(`${p.id}: an option that is a defect's behaviour names a defect of the provider, never the reference's`, () => {
    const defects = new Set(p.defects.map((d) => d.name as string));
    for (const c of p.choices)
      c.options.forEach((o, i) => {
        for (const d of o.absorbs ?? []) expect(defects.has(d), `${c.name} = ${o.value} absorbs ${d}`).toBe(true);
        if (i === 0) expect(o.absorbs ?? [], `${c.name}: the reference mock absorbs no defect`).toEqual([]);
      });
    expect(drawOf(p, REFERENCE_DRAW).absorbs).toEqual([]);
  });

  test(`${p.id}: the reference draw is the reference mock; each hand-written variant is a named draw`, () => {
    const ref = drawOf(p, REFERENCE_DRAW);
    expect(ref.variants).toEqual([]);
    for (const v of p.variants) {
      const d = drawOf(p, v.name);
      expect(d.variants, v.name).toEqual([v.name]);
      const differs = Object.keys(d.picks).filter((c) => d.picks[c] !== ref.picks[c]);
      expect(differs.length, `${v.name}: one choice differs from the reference`).toBe(1);
    }
  });
}

test('a seed draws the same implementation every time; other seeds draw others', () => {
  const p = catalogue[0];
  expect(drawOf(p, 'seed-1')).toEqual(drawOf(p, 'seed-1'));
  const distinct = new Set(generatedSeeds('x', 50).map((s) => JSON.stringify(drawOf(p, s).picks)));
  expect(distinct.size).toBeGreaterThan(40);
  // The provider is part of the seed: one run seed draws independently per provider.
  expect(generatedSeeds('s', 3)).toEqual(['s.1', 's.2', 's.3']);
});

test('a list that leaves a variant out, names an unknown one or starts with a variant is refused', () => {
  const variants = [{ name: 'chunked' }, { name: 'no-keep-alive' }, { name: 'header-case' }] as const;
  expect(() => defineChoices(variants, [])).toThrow(/json-keys-reversed|unknown variant/);
  const all = [
    { name: 'chunked' },
    { name: 'no-keep-alive' },
    { name: 'header-case' },
    { name: 'json-keys-reversed' },
    { name: 'json-no-charset' },
    { name: 'slow-answers' },
    { name: 'extra' },
  ];
  expect(() => defineChoices(all, [])).toThrow(/variant extra is no option of any free choice/);
  expect(() =>
    defineChoices(all, [{ name: 'x', why: '', options: [{ value: 'a', variants: ['extra'] }, { value: 'b' }] }]),
  ).toThrow(/first option is the reference/);
  expect(
    defineChoices(all, [{ name: 'x', why: '', options: [{ value: 'a' }, { value: 'b', variants: ['extra'] }] }]),
  ).toHaveLength(httpChoices.length + 1);
});

test("Enfuce's card-data pages on a second origin: the API origin refuses them, the returned URLs point there", async () => {
  const enfuce = await loadProvider('enfuce');
  const mock = await startMock(enfuce, { variants: drawOf(enfuce, 'card-data-other-origin').variants, control: false });
  try {
    expect(mock.secondUrl).toBeDefined();
    const { username, password } = enfuceMockCredentials;
    const auth = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
    const res = await fetch(`${mock.url}/v4/card/enf-card-active-1/controlToken?auditUser=t`, {
      method: 'POST',
      headers: { authorization: auth },
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { cardDataUrl: string; cardDataFrameUrl: string };
    expect(new URL(body.cardDataUrl).origin).toBe(mock.secondUrl);
    expect(new URL(body.cardDataFrameUrl).origin).toBe(mock.secondUrl);
    const onApi = await fetch(`${mock.url}${new URL(body.cardDataUrl).pathname}`, { method: 'POST' });
    expect(onApi.status).toBe(404);
    const apiOnPages = await fetch(`${mock.secondUrl}/v4/card/enf-card-active-1/controlToken?auditUser=t`, {
      method: 'POST',
      headers: { authorization: auth },
    });
    expect(apiOnPages.status).toBe(404);
  } finally {
    await mock.close();
  }
});

test('a seeded share: n items in their own order, the same for the same seed, every item drawn by some seed', () => {
  const items = Array.from({ length: 20 }, (_, i) => `d${i}`);
  const a = seededShare(items, 8, 'exa:s1');
  expect(a).toHaveLength(8);
  expect(a).toEqual(items.filter((x) => a.includes(x)));
  expect(seededShare(items, 8, 'exa:s1')).toEqual(a);
  const seen = new Set(Array.from({ length: 40 }, (_, i) => seededShare(items, 8, `exa:s${i}`)).flat());
  expect(seen.size).toBe(items.length);
  expect(seededShare(items, 30, 'x')).toEqual(items);
});

// The mirror of the defect proof: every variant of the mocks (a choice the documents leave open),
// started as a process without /__mock/ control as a sandbox is, is judged conformant, or
// conformant with warnings where no profile states its choice; and a seeded share of generated
// implementations (draws of every free choice, src/core/choices.ts) is judged exactly conformant.
import { expect, test } from '@playwright/test';
import { freshSeed } from '../src/core/choices.ts';
import { providers } from '../src/providers.ts';
import { join } from 'node:path';
import { runBatch, variantJob } from '../src/cli/variants.ts';
import { catalogue } from '../src/catalogue.ts';
import { cli, root } from './helpers.ts';

test('every variant of every provider is judged right', async () => {
  test.setTimeout(40 * 60_000);
  const r = await cli(['variants', '--output', 'reports/selftest/variants'], {}, 39 * 60_000);
  const m = /judged right (\d+) of (\d+) variants/.exec(r.stdout);
  expect(m, r.stdout.slice(-3000) + r.stderr.slice(-1000)).not.toBeNull();
  for (const p of providers) expect(p.variants.length, `${p.id} variants`).toBeGreaterThanOrEqual(6);
  expect(Number(m![2]), 'variants run').toBe(providers.reduce((n, p) => n + p.variants.length, 0));
  expect(Number(m![2]), 'variants run').toBeGreaterThanOrEqual(30);
  expect(m![1], r.stdout.slice(-3000)).toBe(m![2]);
  expect(r.code).toBe(0);
});

test('a drawn implementation of every provider is judged conformant (seed printed, replayable)', async () => {
  test.setTimeout(20 * 60_000);
  // A new draw every run, so the proof grows with every pipeline; DRAW_SEED replays a failed one.
  const seed = process.env.DRAW_SEED ?? freshSeed();
  console.log(
    `generated draws from seed ${seed} (replay: DRAW_SEED=${seed}, or variants --generated 1 --seed ${seed})`,
  );
  const r = await cli(
    ['variants', '--generated', '1', '--seed', seed, '--jobs', '2', '--output', 'reports/selftest/draws'],
    {},
    19 * 60_000,
  );
  const m = /judged right (\d+) of (\d+) draws/.exec(r.stdout);
  expect(m, `seed ${seed}: ${r.stdout.slice(-3000)}${r.stderr.slice(-1000)}`).not.toBeNull();
  expect(Number(m![2]), 'one draw per provider').toBe(providers.length);
  expect(m![1], `seed ${seed}: ${r.stdout.slice(-4000)}`).toBe(m![2]);
  expect(r.code).toBe(0);
});

test('the batch judges the mock each file names: a variant without the profile its choice needs is not conformant', async () => {
  test.setTimeout(5 * 60_000);
  const exa = catalogue.find((p) => p.id === 'exa')!;
  const variant = exa.variants.find((v) => v.name === 'bind-path-card')!;
  expect(variant.profile, 'the variant states its choice in a profile').toBeDefined();
  const { profile: _, ...unstated } = variantJob(exa, variant);
  const [stated, notStated] = await runBatch(
    [variantJob(exa, variant), { ...unstated, name: 'bind-path-card, unstated', key: 'unstated' }],
    join(root, 'reports/selftest/variant-batch'),
    2,
  );
  expect(stated!.verdict, stated!.notes.join('\n')).toBe('conformant');
  // The mock binds at /card: held to the default path, the binding rule fails, so the file's mock
  // really is the variant, and the file's profile is the one its checks read.
  expect(notStated!.verdict, notStated!.notes.join('\n')).toMatch(/^NOT conformant/);
  expect(notStated!.notes.join('\n')).toMatch(/^FAIL EXA-BIND/m);
});

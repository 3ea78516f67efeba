// Every documented variable changes what a check does. Each provider's mock runs as a sandbox with
// only its required variables (and those with a fallback that loses no check): every other
// optional variable must then be named by the note of a check it leaves out or weakens, so that a
// vendor reading the matrix learns what to set. The converse, that with every variable set nothing
// is left out but the declared exceptions, is test/package.test.ts.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { catalogue } from '../src/catalogue.ts';
import type { Matrix } from '../src/core/matrix.ts';
import { startSandbox } from '../src/core/mock-process.ts';
import type { ProviderCatalogue } from '../src/providers/types.ts';
import { cli, root } from './helpers.ts';

for (const p of catalogue as readonly ProviderCatalogue[]) {
  test(`${p.id}: every optional variable, left unset, is named by a note of the check it would serve`, async () => {
    test.setTimeout(5 * 60_000);
    const fallbacks = Object.keys(p.env.fallbacks ?? {});
    expect(
      fallbacks.filter((v) => !(v in p.env.vars)),
      'fallbacks that are no documented variable',
    ).toEqual([]);
    const dir = join(root, `reports/selftest/variables/${p.id}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const mock = await startSandbox(p.id, join(dir, 'vendor-env.json'));
    try {
      const keep = new Set([p.env.baseUrl, ...p.env.required, ...fallbacks]);
      const env = Object.fromEntries(Object.entries(mock.env).filter(([k]) => keep.has(k)));
      const r = await cli(['run', '--provider', p.id, '--quiet', '--output', join(dir, 'reports')], env, 4 * 60_000);
      expect(r.code, r.stdout.slice(-3000)).toBe(0);
      const m = JSON.parse(readFileSync(join(dir, 'reports/conformance.json'), 'utf8')) as Matrix;
      const notes = m.providers[0]!.requirements.flatMap((x) => [...x.reasons, ...(x.partial?.missing ?? [])]).join(
        '\n',
      );
      const optional = Object.keys(p.env.vars).filter((v) => !keep.has(v));
      expect(
        optional.filter((v) => !new RegExp(`\\b${v}\\b`).test(notes)),
        `optional variables no note names (notes:\n${notes})`,
      ).toEqual([]);
    } finally {
      await mock.stop();
    }
  });
}

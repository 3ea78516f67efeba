// Live-target mode, as a vendor runs the harness against a sandbox: each provider's mock started as
// its own process without /__mock/ control, pointed at with the variables a vendor would set
// (`mock --write-env`), the whole suite run. Every requirement must be fully checked there (pass or
// warn, none of its checks skipped), except those the provider declares need control of the
// server's clock or state by nature (`liveExceptions` in src/providers/<id>/catalogue.ts, each
// with why). The share fully checked is printed per provider.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { catalogue } from '../src/catalogue.ts';
import type { Matrix } from '../src/core/matrix.ts';
import { startSandbox } from '../src/core/mock-process.ts';
import { scanForCardData } from '../src/core/leak-scan.ts';
import { cli, root, seededCards } from './helpers.ts';

for (const p of catalogue) {
  test(`${p.id} against its mock run as a sandbox: every requirement fully checked but the declared exceptions`, async () => {
    test.setTimeout(10 * 60_000);
    const dir = join(root, `reports/selftest/live/${p.id}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const mock = await startSandbox(p.id, join(dir, 'vendor-env.json'));
    try {
      const r = await cli(
        ['run', '--provider', p.id, '--quiet', '--output', join(dir, 'reports')],
        mock.env,
        9 * 60_000,
      );
      expect(r.code, r.stdout.slice(-3000)).toBe(0);
      const m = JSON.parse(readFileSync(join(dir, 'reports/conformance.json'), 'utf8')) as Matrix;
      const rows = m.providers[0]!.requirements;
      const declared: Readonly<Record<string, string>> = p.liveExceptions;
      const notFull = rows.filter((x) => !(x.verdict === 'pass' || x.verdict === 'warn') || x.partial);
      const full = rows.length - notFull.length;
      console.log(
        `${p.id}: ${full} of ${rows.length} requirements fully checked live (${Math.round((100 * full) / rows.length)} %)`,
      );
      for (const x of notFull)
        console.log(
          `  ${x.id}: ${x.verdict}${x.partial ? ` (partial: ${x.partial.missing.join('; ')})` : x.reasons.length ? ` (${x.reasons.join('; ')})` : ''}${declared[x.id] ? ` — declared: ${declared[x.id]}` : ''}`,
        );
      // Both ways: nothing short of a full check but what is declared, and nothing declared that is in fact checked fully.
      expect(notFull.map((x) => x.id).sort(), 'requirements not fully checked live').toEqual(
        Object.keys(declared).sort(),
      );
      // The run's reports (not the vendor's variables beside them) hold no card data, nor does its output.
      expect(scanForCardData([join(dir, 'reports')], seededCards).leaks, 'card data in the reports').toEqual([]);
      for (const c of seededCards) expect(r.stdout.includes(c.pan), 'a seeded PAN in the output').toBe(false);
    } finally {
      await mock.stop();
    }
  });
}

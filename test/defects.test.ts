// The harness proves it can fail: every defect of every mock must make at least one check fail,
// the conformance matrix must fail exactly the requirements each defect breaks (compared with a
// clean run) and change in nothing else but the few it is declared to leave unverifiable, and the
// failing runs' artifacts must hold no card data either.
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { scanForCardData } from '../src/core/leak-scan.ts';
import { providers } from '../src/providers.ts';
import { cli, root, seededCards } from './helpers.ts';

test('every mock defect is caught by the suite', async () => {
  test.setTimeout(75 * 60_000);
  const out = join(root, 'reports/selftest/defects');
  // Two runs in all: every provider clean, then one batch of every defect on two workers (as many
  // as one suite has: on CI's 2 cores the other self-tests run beside it).
  const r = await cli(['defects', '--strict', '--jobs', '2', '--output', out], {}, 75 * 60_000);
  const total = providers.reduce((n, p) => n + p.defects.length, 0);
  expect(total, 'at least 40 defects in all').toBeGreaterThanOrEqual(40);
  expect(r.stdout, r.stdout.slice(-4000)).toContain(`caught ${total} of ${total} defects`);
  expect(
    r.stdout,
    r.stdout
      .split('\n')
      .filter((l) => l.startsWith('NOT EXACT') || l.startsWith('the clean'))
      .join('\n') || r.stdout.slice(-8000),
  ).toContain(`failing exactly ${total} of ${total} defects`);
  expect(
    r.stdout,
    r.stdout
      .split('\n')
      .filter((l) => l.startsWith('NOT EXACT') || l.startsWith('matrix as declared'))
      .join('\n'),
  ).toContain(`matrix as declared ${total} of ${total} defects`);
  expect(r.code).toBe(0);
  expect(r.stdout).not.toContain('ESCAPED');
  const scan = scanForCardData([out], seededCards);
  expect(scan.leaks, 'card data in the artifacts of failing runs').toEqual([]);
});

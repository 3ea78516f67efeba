// The Allure report a QA person opens: generated from a run with one failing check, served over
// HTTP and read in Chromium, it shows each provider, the failure under its requirement, and no
// card data; the quality gate fails on that run.
import { join } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { chromiumLaunchOptions } from '../src/core/browser.ts';
import { scanForCardData } from '../src/core/leak-scan.ts';
import { exa } from '../src/providers/exa/index.ts';
import { plumery } from '../src/providers/plumery/index.ts';
import { cli, root, seededCards } from './helpers.ts';
import { serveFolder } from './static-server.ts';

test('the Allure report shows the providers and the failure, and the quality gate fails', async () => {
  test.setTimeout(5 * 60_000);
  const out = join(root, 'reports/selftest/run-allure');
  // EXA-FRESH-IV is a rule of NIST SP 800-38D: reused IVs are the one failure (--strict changes nothing here).
  const run = await cli(['run', '--provider', 'exa', '--provider', 'plumery', '--strict', '--output', out, '--quiet'], { CRH_MOCK_DEFECTS: 'exa:iv-reused' });
  expect(run.code, run.stdout.slice(-1500)).toBe(1);
  const report = await cli(['report', '--output', out], {}, 180_000);
  expect(report.code, report.stderr).toBe(0);
  const gate = await cli(['gate', '--output', out], {}, 120_000);
  expect(gate.code, gate.stdout.slice(-800)).toBe(1);
  expect(gate.stdout).toContain('QUALITY GATE: failed');

  const site = await serveFolder(join(out, 'allure-report'));
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage();
    await page.goto(site.url);
    await expect(page.getByText(exa.title).first()).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText(plumery.title).first()).toBeVisible();
    await expect(page.getByText(/^EXA-FRESH-IV: /).first()).toBeVisible();
    // One result per requirement, with its own verdict: the run's one failing requirement is the one failure.
    const body = await page.locator('body').innerText();
    expect(body).toMatch(/Failed\s*1\b/);
    expect(body).toMatch(new RegExp(`Total\\s*${Object.keys(exa.requirements).length + Object.keys(plumery.requirements).length}\\b`));
    // Only the targets that were checked.
    expect(body).toContain('exa target');
    expect(body).not.toContain('enfuce target');
    // The requirement holds its checks, each with its status for that requirement.
    await page.getByText('EXA-FRESH-IV — FAIL').first().click();
    await expect(page.getByText('every field of every answer has a fresh IV (no reuse under one key)').first()).toBeVisible();
  } finally {
    await browser.close();
    await site.close();
  }
  const scan = scanForCardData([out], seededCards);
  expect(scan.leaks, 'card data in the run or its report').toEqual([]);
});

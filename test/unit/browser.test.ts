// The harness's one --disable-features carries Playwright's own list (Chromium keeps only the last
// one): read from the installed playwright-core, so an upgrade that adds a feature fails here.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { chromiumLaunchOptions, PLAYWRIGHT_DISABLED_FEATURES } from '../../src/core/browser.ts';
import { fromRoot } from '../../src/core/root.ts';

function installedPlaywrightList(): string[] {
  const source = readFileSync(fromRoot('node_modules/playwright-core/lib/coreBundle.js'), 'utf8');
  const list = /disabledFeatures = \[([\s\S]*?)\]\.filter/.exec(source)?.[1];
  expect(list, "playwright-core's disabledFeatures list (chromiumSwitches.ts)").toBeDefined();
  return [...list!.replace(/\/\/.*$/gm, '').matchAll(/"([A-Za-z0-9]+)"/g)].map((m) => m[1]!);
}

test("the copy of Playwright's disabled features matches the installed Playwright", () => {
  const installed = installedPlaywrightList();
  expect(installed.length).toBeGreaterThan(5);
  expect([...PLAYWRIGHT_DISABLED_FEATURES].sort()).toEqual([...installed].sort());
});

test("one --disable-features, with Playwright's list and the harness's own", () => {
  const flags = chromiumLaunchOptions({}).args.filter((a) => a.startsWith('--disable-features='));
  expect(flags).toHaveLength(1);
  const features = flags[0]!.slice('--disable-features='.length).split(',');
  for (const f of [...PLAYWRIGHT_DISABLED_FEATURES, 'LocalNetworkAccessChecks', 'WebUIOmniboxPopup'])
    expect(features).toContain(f);
});

// The Allure report a QA engineer acts on, read in Chromium, and one story in every report. An Exa
// mock run as a sandbox that breaks a document rule (a user without a card gets 403 "no panda":
// EXA-ERRORS), departs from a default (limit.frequency "perMonth": EXA-PROFILE) and reuses GCM IVs
// (EXA-FRESH-IV, a NIST SP 800-38D rule the profile accepts as a risk, by name), checked without
// EXA_CARD_PAN (a partial pass) and without a passkey (EXA-BIND-WEBAUTHN n/a), twice:
// - the HTML shows the broken rule failed with its evidence (the check as a step, the finding's
//   expected/received attached, the masked exchanges), the warning not green with its advice, the
//   environment with the profile and the accepted risk, and after the second run its history;
// - the closing lines, the matrix, junit-requirements.xml, the Allure results and the gate give the
//   same verdict per requirement and the same counts;
// - no card data or secret in the HTML, its attachments or its history.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, expect, test, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../src/core/browser.ts';
import { scanForCardData } from '../src/core/leak-scan.ts';
import { type Matrix, type Verdict } from '../src/core/matrix.ts';
import { VERDICT_WORD } from '../reporters/render-matrix.ts';
import { cli, seededCards, storySandbox } from './helpers.ts';
import { serveFolder } from './static-server.ts';

const REASON = 'sandbox only: its IVs come from a test HSM stub';
const ALLURE_STATUS: Record<Verdict, string> = {
  pass: 'passed',
  warn: 'unknown',
  accepted: 'unknown',
  fail: 'failed',
  'not-applicable': 'skipped',
  'not-run': 'skipped',
};

/** Each requirement's verdict as junit-requirements.xml tells it: by its elements, and by its verdict property. */
function junitVerdicts(xml: string): Map<string, { byElements: string; byProperty: string }> {
  const out = new Map<string, { byElements: string; byProperty: string }>();
  for (const m of xml.matchAll(/<testcase name="([A-Z]+-[A-Z0-9-]+): [^"]*"[^>]*>([\s\S]*?)<\/testcase>/g)) {
    const body = m[2]!;
    const prop = (name: string) => new RegExp(`<property name="${name}" value="([^"]*)"`).exec(body)?.[1];
    const skipped = /<skipped message="([^"]*)"/.exec(body)?.[1];
    const byElements = body.includes('<failure')
      ? 'FAIL'
      : skipped
        ? skipped.startsWith('not run')
          ? 'not run'
          : 'n/a'
        : prop('accepted-risk')
          ? 'ACCEPTED RISK'
          : prop('warning')
            ? 'WARN'
            : 'pass';
    out.set(m[1]!, { byElements, byProperty: prop('verdict') ?? '' });
  }
  return out;
}

/** Each requirement's verdict as the Allure results tell it: the verdict label and the status. */
function allureVerdicts(dir: string): Map<string, { label: string; status: string }> {
  const out = new Map<string, { label: string; status: string }>();
  for (const f of readdirSync(dir).filter((x) => x.endsWith('-result.json'))) {
    const r = JSON.parse(readFileSync(join(dir, f), 'utf8')) as {
      fullName: string;
      status: string;
      labels: { name: string; value: string }[];
    };
    out.set(r.fullName.split(':')[1]!, {
      label: r.labels.find((l) => l.name === 'verdict')?.value ?? '',
      status: r.status,
    });
  }
  return out;
}

interface ReportAttachment {
  id: string;
  ext: string;
  name: string;
  missed?: boolean;
}

/** Every attachment of every result (and its steps) in a generated Allure report's data. */
function reportAttachments(report: string): ReportAttachment[] {
  const found: ReportAttachment[] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      if ('missed' in x && 'id' in x) found.push(x as ReportAttachment);
      else Object.values(x).forEach(walk);
    }
  };
  const dir = join(report, 'data', 'test-results');
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json')))
    walk(JSON.parse(readFileSync(join(dir, f), 'utf8')));
  return found;
}

/** Opens a requirement's result from the tree: its story is open already where it holds a failure. */
async function openResult(page: Page, story: string, result: string): Promise<void> {
  const leaf = page.getByText(result, { exact: true }).first();
  await page.getByText(story).first().waitFor();
  if (!(await leaf.isVisible())) await page.getByText(story).first().click();
  await leaf.click();
  await expect(page.getByRole('heading', { name: result })).toBeVisible();
}

test('the Allure report shows the broken rule with its evidence, the warning not green, the context and the history; every report tells one story', async () => {
  test.setTimeout(8 * 60_000);
  const { dir, mock } = await storySandbox('allure-story');
  const out = join(dir, 'reports');
  const history = join(dir, 'allure-history');
  try {
    const { EXA_CARD_PAN: _pan, EXA_PASSKEY_PRIVATE_KEY: _passkey, ...env } = mock.env;
    const profile = join(dir, 'exa.profile.json');
    writeFileSync(profile, JSON.stringify({ acceptedRisks: { 'EXA-FRESH-IV': REASON } }));
    let run = { code: 0, stdout: '', stderr: '' };
    for (let round = 1; round <= 2; round++) {
      run = await cli(['run', '--provider', 'exa', '--profile', profile, '--quiet', '--output', out], env, 4 * 60_000);
      expect(run.code, run.stdout.slice(-2000)).toBe(1);
      const report = await cli(['report', '--output', out, '--history', history], {}, 180_000);
      expect(report.code, report.stderr.slice(-1000)).toBe(0);
    }
    expect(readFileSync(join(history, 'history.jsonl'), 'utf8').trim().split('\n'), 'history entries').toHaveLength(2);
    // Every attachment of every result opens: none "missed" (Allure 3 links a file to one result
    // only), each one's file in the report.
    const attachments = reportAttachments(join(out, 'allure-report'));
    expect(attachments.length, 'attachments in the report').toBeGreaterThan(20);
    expect(
      attachments.filter((a) => a.missed).map((a) => a.name),
      'attachments Allure could not link',
    ).toEqual([]);
    for (const a of attachments)
      expect(existsSync(join(out, 'allure-report', 'data', 'attachments', `${a.id}${a.ext}`)), a.name).toBe(true);
    const gate = await cli(['gate', '--output', out], {}, 120_000);

    // One story: the matrix, the closing lines, both JUnit views, Allure and the gate.
    const m = JSON.parse(readFileSync(join(out, 'conformance.json'), 'utf8')) as Matrix;
    const rows = m.providers[0]!.requirements;
    const verdict = Object.fromEntries(rows.map((r) => [r.id, r.verdict]));
    expect(verdict['EXA-ERRORS']).toBe('fail');
    expect(verdict['EXA-PROFILE']).toBe('warn');
    expect(verdict['EXA-FRESH-IV']).toBe('accepted');
    expect(verdict['EXA-BIND-WEBAUTHN']).toBe('not-applicable');
    expect(rows.find((r) => r.id === 'EXA-FIELDS-AES-128-GCM')!.partial, 'a partial pass').toBeDefined();
    const closing = (word: string) =>
      [...run.stdout.matchAll(new RegExp(`^    ${word} ([A-Z]+-[A-Z0-9-]+)`, 'gm'))].map((x) => x[1]).sort();
    const having = (v: Verdict) =>
      rows
        .filter((r) => r.verdict === v)
        .map((r) => r.id)
        .sort();
    expect(closing('FAIL')).toEqual(having('fail'));
    expect(closing('WARN')).toEqual(having('warn'));
    expect(closing('ACCEPTED RISK')).toEqual(having('accepted'));
    expect(closing('PARTIAL')).toEqual(
      rows
        .filter((r) => r.partial)
        .map((r) => r.id)
        .sort(),
    );
    const c = m.providers[0]!.counts;
    expect(run.stdout).toContain(
      `exa        ${c.pass} pass, ${c.warn} warn, ${c.accepted} accepted risk, ${c.fail} fail, ${c.notApplicable} not applicable, ${c.notRun} not run`,
    );
    const junit = junitVerdicts(readFileSync(join(out, 'junit-requirements.xml'), 'utf8'));
    const allure = allureVerdicts(join(out, 'allure-results'));
    expect(junit.size).toBe(rows.length);
    expect(allure.size).toBe(rows.length);
    for (const r of rows) {
      const word = VERDICT_WORD[r.verdict];
      expect(junit.get(r.id), `${r.id} in junit-requirements.xml`).toEqual({ byElements: word, byProperty: word });
      expect(allure.get(r.id), `${r.id} in Allure`).toEqual({ label: word, status: ALLURE_STATUS[r.verdict] });
    }
    // The gate fails exactly when the run is NOT conformant, on the same one failure.
    expect(gate.code, gate.stdout.slice(-800)).toBe(1);
    expect(gate.stdout).toContain('QUALITY GATE: failed');
    expect([...allure.values()].filter((a) => a.status === 'failed' || a.status === 'broken')).toHaveLength(c.fail);

    const site = await serveFolder(join(out, 'allure-report'));
    const browser = await chromium.launch(chromiumLaunchOptions());
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      // A missing element fails the check in seconds, not at the test's timeout.
      page.setDefaultTimeout(15_000);
      await page.goto(site.url);
      // The context: environment with the profile in force, the accepted risk, the harness version and mode.
      await expect(page.getByText('exa.acceptedRisks.EXA-FRESH-IV').first()).toBeVisible({ timeout: 20_000 });
      await page.getByText('Show more', { exact: true }).first().click();
      const home = await page.locator('body').innerText();
      expect(home).toContain('harness.version');
      expect(home).toContain('exa.profile.limitFrequencies');
      expect(home).toContain(REASON);

      // The broken rule: failed, a product defect, its check a step holding the finding's evidence and the exchanges.
      await openResult(page, 'EXA-ERRORS: Errors are', 'EXA-ERRORS — FAIL');
      await expect(page.getByText('Failed', { exact: true }).first()).toBeVisible();
      await expect(page.getByText('Category: Product defect')).toBeVisible();
      // A failed step is open already; a closed one opens on a click.
      const finding = page.getByText('FAILED: [EXA-ERRORS] status — Expected: 404 Received: 403').first();
      if (!(await finding.isVisible()))
        await page.getByText('[exa] errors › a user without a card: 404 "no card"').first().click();
      await expect(finding).toBeVisible();
      await expect(page.getByText('expected / received').first()).toBeVisible();
      await expect(page.getByText('GET /card → 403').first()).toBeVisible();
      // Run after run: the second report has the first in its history.
      const historyTab = page.getByRole('button', { name: /^History \d+$/ });
      await expect(historyTab).toHaveText(/History\s*1$/);
      await historyTab.click();
      await expect(page.getByText(/^\d{1,2}\/\d{1,2}\/\d{4} at \d{2}:\d{2}:\d{2}$/).first()).toBeVisible();

      // The warning: not a green pass; its advice in the description.
      await page.goto(site.url);
      await openResult(page, 'EXA-PROFILE: Retrieve the card profile', 'EXA-PROFILE — WARN');
      await expect(page.getByText('Unknown', { exact: true }).first()).toBeVisible();
      await expect(page.getByText('Passed', { exact: true })).toHaveCount(0);
      await expect(page.getByText('Category: Warning: default departed from')).toBeVisible();
      const text = async () =>
        [
          await page.locator('body').innerText(),
          ...(await Promise.all(
            page.frames().map((f) =>
              f
                .locator('body')
                .innerText()
                .catch(() => ''),
            ),
          )),
        ].join('\n');
      await expect.poll(text).toContain('state "limitFrequencies" in EXA_PROFILE');

      // The accepted risk: named, with the profile's reason.
      await page.goto(site.url);
      await openResult(page, 'EXA-FRESH-IV: Every encrypted field', 'EXA-FRESH-IV — ACCEPTED RISK');
      await expect(page.getByText('Category: Accepted risk')).toBeVisible();
      await expect.poll(text).toContain(REASON);
    } finally {
      await browser.close();
      await site.close();
    }
  } finally {
    await mock.stop();
  }
  const scan = scanForCardData([out, history], seededCards);
  expect(scan.leaks, 'card data in the run, its report or its history').toEqual([]);
});

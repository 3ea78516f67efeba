// Enfuce in a real Chromium: a merchant page on another origin embeds the card-data frame and
// posts {operation: 'view-pan', token} to it. The card data must render inside the frame only,
// and only for that message from the agreed origin.
import type { Page } from '@playwright/test';
import { EnfuceClient } from '../../src/providers/enfuce/client.ts';
import { visibleText } from '../../src/core/card-text.ts';
import { requireControl } from '../fixtures/base.ts';
import { halted, ruleCheck } from '../fixtures/expect.ts';
import { expect, expectShown, freshTokenShows, issueToken as issue, req, test, TOKEN_TTL_MS as TTL_MS, type AgreedFrame, type EnfuceSetup, type IssuedToken } from './fixtures.ts';
import { cardFrameText, merchantPage, postFromSibling, reveal, siblingPage, type MerchantSites } from './merchant.ts';

// A browser under load (two suites on two cores) can take seconds to render a frame; the waits
// below end as soon as the frame shows, so only failing paths pay for the margin.
test.describe.configure({ timeout: 60_000 });

/** How long a frame that wrongly accepted a message would take to start fetching card data. */
const QUIET_MS = 750;

async function openMerchant(page: Page, merchants: MerchantSites, frame: AgreedFrame, cardDataFrameUrl: string, withSibling = false) {
  const frameUrl = EnfuceClient.frameUrl(cardDataFrameUrl, frame.key);
  const url = merchants.agreed.host(merchantPage(frameUrl, withSibling ? merchants.other.host(siblingPage) : undefined));
  await page.goto(url);
  await expect(page.frameLocator('#card-frame').locator('body')).toBeAttached();
}

/** Whether the frame comes to show the card within the poll's time (for attributing a failure). */
async function frameShowsCard(page: Page, setup: EnfuceSetup): Promise<boolean> {
  try {
    await expect.poll(() => cardFrameText(page), { timeout: 10_000 }).toShowCard(setup.card);
    return true;
  } catch {
    return false;
  }
}

/**
 * When the frame did not do what a TTL check waited for: does it show a card at all? A fresh token,
 * posted at once, tells the TTL from rendering (ENF-FRAME-VIEW-PAN); if even that fails, the check stops.
 */
async function haltUnlessFrameShowsFreshCard(page: Page, merchants: MerchantSites, frame: AgreedFrame, client: EnfuceClient, setup: EnfuceSetup): Promise<void> {
  await page.clock.resume().catch(() => undefined);
  const fresh = await issue(client, setup);
  await openMerchant(page, merchants, frame, fresh.cardDataFrameUrl);
  await reveal(page, { operation: 'view-pan', token: fresh.token });
  const shows = await frameShowsCard(page, setup);
  ruleCheck('ENF-FRAME-VIEW-PAN', shows, 'a fresh token shows the card').toBe(true);
  if (!shows) halted('the frame shows no card even for a fresh token');
}

async function expectFrameShowsCard(page: Page, setup: EnfuceSetup) {
  await expect.poll(() => cardFrameText(page), { message: 'card data in the frame', timeout: 10_000 }).toShowCard(setup.card);
  // Inside the frame only: the merchant's own document never holds the card data.
  expect(visibleText(await page.content())).toShowNoCardData(setup.allCards);
}

/** Every request the page or its frames make from now on that carries `token` (in its URL or body). */
function requestsCarrying(page: Page, token: string): string[] {
  const seen: string[] = [];
  const forms = [token, encodeURIComponent(token)];
  page.on('request', (r) => {
    if (forms.some((t) => r.url().includes(t) || (r.postData() ?? '').includes(t))) seen.push(`${r.method()} ${new URL(r.url()).pathname}`);
  });
  return seen;
}

/**
 * The frame must not act: no card data appears, no request carries the token (a frame that acted
 * on the message would send it), and the token was not spent (a single-use token would now be
 * refused). The last needs a card-data page that works; the request watch does not.
 */
async function expectFrameIgnored(page: Page, setup: EnfuceSetup, client: EnfuceClient, token: IssuedToken, carried: string[]) {
  await page.waitForTimeout(QUIET_MS);
  // Soft: each observation is reported on its own, so a report shows all that the frame did.
  expect.soft(await cardFrameText(page)).toShowNoCardData(setup.allCards);
  expect.soft(carried, 'requests carrying the token: the frame must not have acted').toEqual([]);
  const stillValid = await client.viewCardData(token.cardDataUrl, token.token);
  if (stillValid.response.status === 200) return;
  if (await freshTokenShows(client, setup)) expect(stillValid.response.status, 'the token must be unspent: the frame must not have used it').toBe(200);
}

test.describe('card-data iframe', () => {
  test('view-pan from the agreed origin renders the card inside the frame only', req('ENF-FRAME-VIEW-PAN'), async ({ page, merchants, agreedFrame, enfuceClient, setup }) => {
    const t = await issue(enfuceClient, setup);
    await openMerchant(page, merchants, agreedFrame, t.cardDataFrameUrl);
    await reveal(page, { operation: 'view-pan', token: t.token });
    await expectFrameShowsCard(page, setup);
  });

  test('a message from another origin is ignored', req('ENF-FRAME-ORIGIN-CHECK'), async ({ page, merchants, agreedFrame, enfuceClient, setup }) => {
    test.skip(!setup.profile.frameOriginCheck, 'not applicable: profile frameOriginCheck=false');
    const t = await issue(enfuceClient, setup);
    await openMerchant(page, merchants, agreedFrame, t.cardDataFrameUrl, true);
    const sibling = page.frames().find((f) => f.url().startsWith(merchants.other.origin));
    expect(sibling, 'the other-origin frame').toBeDefined();
    const carried = requestsCarrying(page, t.token);
    await postFromSibling(sibling!, { operation: 'view-pan', token: t.token });
    await expectFrameIgnored(page, setup, enfuceClient, t, carried);
  });

  test('a message with another operation is ignored', req('ENF-FRAME-MESSAGE-SHAPE'), async ({ page, merchants, agreedFrame, enfuceClient, setup }) => {
    test.skip(!setup.profile.frameMessageShape, 'not applicable: profile frameMessageShape=false');
    const t = await issue(enfuceClient, setup);
    await openMerchant(page, merchants, agreedFrame, t.cardDataFrameUrl);
    const carried = requestsCarrying(page, t.token);
    for (const operation of ['view-pin', 'set-pin', 'VIEW-PAN', 'copy']) {
      await reveal(page, { operation, token: t.token });
    }
    await expectFrameIgnored(page, setup, enfuceClient, t, carried);
  });

  test('a message without a token shows no card data', req('ENF-FRAME-MESSAGE-SHAPE'), async ({ page, merchants, agreedFrame, enfuceClient, setup }) => {
    test.skip(!setup.profile.frameMessageShape, 'not applicable: profile frameMessageShape=false');
    // Another card view just happened: nothing of it may show without a token.
    const before = await issue(enfuceClient, setup);
    expectShown(await enfuceClient.viewCardData(before.cardDataUrl, before.token));
    const t = await issue(enfuceClient, setup);
    await openMerchant(page, merchants, agreedFrame, t.cardDataFrameUrl);
    for (const m of [{ operation: 'view-pan' }, { operation: 'view-pan', token: '' }, { operation: 'view-pan', token: null }, 'view-pan']) {
      await reveal(page, m);
    }
    await page.waitForTimeout(QUIET_MS);
    expect(await cardFrameText(page)).toShowNoCardData(setup.allCards);
  });

  test('the frame does not load under a parent origin that was not agreed', req('ENF-FRAME-ANCESTORS'), async ({ page, merchants, agreedFrame, enfuceClient, setup }) => {
    test.skip(!setup.profile.frameAncestors, 'not applicable: profile frameAncestors=false');
    const t = await issue(enfuceClient, setup);
    const frameUrl = EnfuceClient.frameUrl(t.cardDataFrameUrl, agreedFrame.key);
    const blocked = page.waitForEvent('requestfailed', { predicate: (r) => r.url() === frameUrl, timeout: 10_000 }).catch(() => undefined);
    await page.goto(merchants.other.host(merchantPage(frameUrl)));
    const failure = await blocked;
    expect(failure?.failure()?.errorText, 'the frame request is blocked by its CSP').toBe('net::ERR_BLOCKED_BY_RESPONSE');
    // And even if a message is sent, nothing shows.
    await reveal(page, { operation: 'view-pan', token: t.token });
    await page.waitForTimeout(QUIET_MS);
    expect(visibleText(await page.content())).toShowNoCardData(setup.allCards);
  });
});

test.describe('the 30-second token in the browser (page clock + server clock)', () => {
  const revealAfter = (page: Page, t: IssuedToken, delayMs: number) => reveal(page, { operation: 'view-pan', token: t.token }, delayMs);

  test('a message posted 29.9 s after the token was issued shows the card', req('ENF-TOKEN-TTL-30S', 'ENF-FRAME-VIEW-PAN'), async ({ page, merchants, agreedFrame, enfuceClient, setup }) => {
    const control = requireControl(setup.target);
    await control.freezeClock();
    await page.clock.install();
    const t = await issue(enfuceClient, setup);
    await openMerchant(page, merchants, agreedFrame, t.cardDataFrameUrl);
    await revealAfter(page, t, TTL_MS - 100);
    await control.advanceClock(TTL_MS - 100);
    await page.clock.fastForward(TTL_MS - 100);
    if (await frameShowsCard(page, setup)) {
      expect(visibleText(await page.content()), 'the merchant page itself').toShowNoCardData(setup.allCards);
    } else {
      await haltUnlessFrameShowsFreshCard(page, merchants, agreedFrame, enfuceClient, setup);
      ruleCheck('ENF-TOKEN-TTL-30S', 'not shown', 'the card at 29.9 s').toBe('shown');
    }
  });

  test('a message posted 30 s after the token was issued shows no card data', req('ENF-TOKEN-TTL-30S'), async ({ page, merchants, agreedFrame, enfuceClient, setup }) => {
    const control = requireControl(setup.target);
    await control.freezeClock();
    await page.clock.install();
    const t = await issue(enfuceClient, setup);
    await openMerchant(page, merchants, agreedFrame, t.cardDataFrameUrl);
    await revealAfter(page, t, TTL_MS);
    await control.advanceClock(TTL_MS);
    const answered = page.waitForResponse((r) => r.url() === t.cardDataUrl, { timeout: 10_000 });
    await page.clock.fastForward(TTL_MS);
    const res = await answered.catch(() => undefined);
    // No request at all: a frame that never fetches card data cannot show its TTL.
    if (!res) await haltUnlessFrameShowsFreshCard(page, merchants, agreedFrame, enfuceClient, setup);
    expect(res?.status(), 'card-data answer to the expired token').toBeGreaterThanOrEqual(400);
    await page.waitForTimeout(100);
    expect(await cardFrameText(page)).toShowNoCardData(setup.allCards);
  });

  test('a message posted 31 s after the token was issued shows no card data (real time)', { ...req('ENF-TOKEN-TTL-30S'), tag: ['@ENF-TOKEN-TTL-30S', '@slow'] }, async ({ page, merchants, agreedFrame, enfuceClient, setup }) => {
    test.skip(!!setup.target.control, 'covered: the controlled-clock checks cover this on a mock');
    test.slow();
    const t = await issue(enfuceClient, setup);
    await openMerchant(page, merchants, agreedFrame, t.cardDataFrameUrl);
    await revealAfter(page, t, 31_000);
    await page.waitForTimeout(31_000 + QUIET_MS * 2);
    expect(await cardFrameText(page)).toShowNoCardData(setup.allCards);
  });
});

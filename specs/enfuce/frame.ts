// The merchant page around Enfuce's card-data frame, as the browser checks drive it: open it under
// the agreed origin, and tell a frame that shows the card from one that shows nothing.
import type { Page } from '@playwright/test';
import { EnfuceClient } from '../../src/providers/enfuce/client.ts';
import { halted, ruleCheck } from '../fixtures/expect.ts';
import { expect, issueToken as issue, type AgreedFrame, type EnfuceSetup, type IssuedToken } from './fixtures.ts';
import { cardFrameText, hostAt, merchantPage, reveal, siblingPage, type MerchantSites } from './merchant.ts';

/** How long a frame that wrongly accepted a message would take to start fetching card data. */
export const QUIET_MS = 750;

/** Polls of the frame's text: a frame shows the card within milliseconds of the message, so the first looks come soon. */
export const FRAME_POLL = { timeout: 10_000, intervals: [25, 50, 100, 250] };

export async function openMerchant(page: Page, merchants: MerchantSites, frame: AgreedFrame, cardDataFrameUrl: string, withSibling = false) {
  const frameUrl = EnfuceClient.frameUrl(cardDataFrameUrl, frame.key);
  const url = await hostAt(page, merchants, frame.origin, merchantPage(frameUrl, withSibling ? merchants.other.host(siblingPage) : undefined));
  await page.goto(url);
  await expect(page.frameLocator('#card-frame').locator('body')).toBeAttached();
}

/**
 * Opens the merchant page around the frame (at the URL a token answer gives), then issues the
 * token the test posts: when it is used, the token is as old as the test's own few hundred
 * milliseconds, never the page's load, which on a loaded machine takes seconds (and would blame the
 * frame for a short-lived token).
 */
export async function openMerchantThenIssue(page: Page, merchants: MerchantSites, frame: AgreedFrame, client: EnfuceClient, setup: EnfuceSetup, withSibling = false): Promise<IssuedToken> {
  await openMerchant(page, merchants, frame, (await issue(client, setup)).cardDataFrameUrl, withSibling);
  return issue(client, setup);
}

/** Whether the frame comes to show the card within the poll's time (for attributing a failure). */
export async function frameShowsCard(page: Page, setup: EnfuceSetup): Promise<boolean> {
  try {
    await expect.poll(() => cardFrameText(page), FRAME_POLL).toShowCard(setup.card);
    return true;
  } catch {
    return false;
  }
}

/**
 * When the frame did not do what a TTL check waited for: does it show a card at all? A fresh token,
 * posted at once, tells the TTL from rendering (a rule check of ENF-FRAME-VIEW-PAN).
 */
export async function frameShowsFreshCard(page: Page, merchants: MerchantSites, frame: AgreedFrame, client: EnfuceClient, setup: EnfuceSetup): Promise<boolean> {
  await page.clock.resume().catch(() => undefined);
  const fresh = await openMerchantThenIssue(page, merchants, frame, client, setup);
  await reveal(page, { operation: 'view-pan', token: fresh.token });
  const shows = await frameShowsCard(page, setup);
  ruleCheck('ENF-FRAME-VIEW-PAN', shows, 'a fresh token shows the card').toBe(true);
  return shows;
}

/** As frameShowsFreshCard; if even a fresh token shows nothing, the check stops. */
export async function haltUnlessFrameShowsFreshCard(page: Page, merchants: MerchantSites, frame: AgreedFrame, client: EnfuceClient, setup: EnfuceSetup): Promise<void> {
  if (!(await frameShowsFreshCard(page, merchants, frame, client, setup))) halted('the frame shows no card even for a fresh token');
}

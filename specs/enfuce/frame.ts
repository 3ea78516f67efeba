// The merchant page around Enfuce's card-data frame, as the browser checks drive it: open it under
// the agreed origin, and tell a frame that shows the card from one that shows nothing.
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BrowserContext, Page, Request, Response } from '@playwright/test';
import { TLS_PROBLEM, unreachableError } from '../../src/core/http.ts';
import { EnfuceClient } from '../../src/providers/enfuce/client.ts';
import { showsCard } from '../../src/core/card-text.ts';
import { halted } from '../fixtures/expect.ts';
import {
  expect,
  issueToken as issue,
  test,
  type AgreedFrame,
  type EnfuceSetup,
  type IssuedToken,
  ruleCheck,
} from './fixtures.ts';
import { cardFrameText, hostAt, merchantPage, reveal, siblingPage, type MerchantSites } from './merchant.ts';
import { networkLog, startNetworkLog } from './network-log.ts';

/** How long a frame that wrongly accepted a message would take to start fetching card data. */
export const QUIET_MS = 750;

/**
 * How long a frame that has handled a message is given to act on it: its request, started in its
 * listener or after a short await, reaches the page's network log in this time.
 */
const HANDLED_GRACE_MS = 250;

/**
 * Waits until the card frame has handled the messages `post` sent it, then HANDLED_GRACE_MS: `post`
 * is called again with a probe, from the same sender, so the probe arrives after them (messages
 * from one sender keep their order), and a listener put in the frame hears it once the frame's own
 * listeners, added when it loaded, have had every message before it. A frame that does not hear
 * the probe within QUIET_MS, or whose document went (blocked, navigated), is given QUIET_MS in all.
 * A correct frame ignores the probe as it ignores any message that is not the agreed one.
 */
export async function frameHandled(page: Page, post: (message: unknown) => Promise<void>): Promise<void> {
  const probe = `crh-probe-${randomBytes(6).toString('hex')}`;
  const frame = await (await page.$('#card-frame'))?.contentFrame().catch(() => null);
  const heard = await frame
    ?.evaluateHandle(
      (p) => ({
        done: new Promise<void>((resolve) =>
          addEventListener('message', function hear(e: MessageEvent) {
            if ((e.data as { probe?: string } | null)?.probe !== p) return;
            removeEventListener('message', hear);
            resolve();
          }),
        ),
      }),
      probe,
    )
    .catch(() => undefined);
  const posted = performance.now();
  await post({ probe });
  // heard: the frame has had the messages; lost: its document went (it navigated), so the rest of QUIET_MS.
  const outcome = heard
    ? await Promise.race([
        heard
          .evaluate((h) => h.done)
          .then(
            () => 'heard' as const,
            () => 'lost' as const,
          ),
        sleep(QUIET_MS).then(() => 'late' as const),
      ])
    : 'lost';
  await heard?.dispose().catch(() => undefined);
  if (outcome === 'heard') await sleep(HANDLED_GRACE_MS);
  else if (outcome === 'lost') await sleep(Math.max(0, QUIET_MS - (performance.now() - posted)));
}

/**
 * Looks at the frame's text: a frame shows the card within milliseconds of the message, so the
 * first looks come soon. A frame that shows nothing is given up on at the timeout, or sooner once
 * the page has gone quiet (FRAME_QUIET).
 */
export const FRAME_POLL = { timeout: 10_000, intervals: [25, 50, 100, 250] };

/**
 * When a frame has shown whatever it will show: no request in flight for `afterAnswer` ms once a
 * request carrying the token has been answered, or for `withoutRequest` ms when none carried it
 * (a frame that acts on a message starts its request at once: QUIET_MS allows a wrongly accepted
 * message 750 ms for it). And the frame's text read `looks` times since, each read a task in the
 * frame's renderer queued after the frame's own work, so a busy renderer is not cut short.
 */
const FRAME_QUIET = { afterAnswer: 2_000, withoutRequest: 4_000, looks: 3 };

export async function openMerchant(
  page: Page,
  merchants: MerchantSites,
  frame: AgreedFrame,
  cardDataFrameUrl: string,
  withSibling = false,
) {
  const frameUrl = EnfuceClient.frameUrl(cardDataFrameUrl, frame.key);
  const url = await hostAt(
    page,
    merchants,
    frame.origin,
    merchantPage(frameUrl, withSibling ? merchants.other.host(siblingPage) : undefined),
  );
  startNetworkLog(page);
  // A frame Chromium refuses for its certificate is a TLS finding (network.ts), not the frame's fault.
  let certificate: string | undefined;
  const refused = (r: Request) => {
    const why = r.failure()?.errorText ?? '';
    if (/ERR_CERT_|ERR_SSL_|ERR_BAD_SSL/.test(why)) certificate ??= `${new URL(r.url()).host} (${why})`;
  };
  page.on('requestfailed', refused);
  await page.goto(url);
  await expect(page.frameLocator('#card-frame').locator('body')).toBeAttached();
  networkLog(page).markLoaded();
  page.off('requestfailed', refused);
  if (certificate) {
    throw unreachableError(
      'tls',
      `${TLS_PROBLEM} Chromium does not trust the certificate of ${certificate}: set --ca <file.pem> to the CA that signed it (the CLI gives Chromium the key of each target URL it verified against it; and of the frame URL the target's token answer gave before the run)`,
    );
  }
}

/**
 * After messages a frame should have ignored: when it requested something anyway, it acted on one,
 * and may show what it got only after a spinner: wait until the page has been quiet as long as a
 * frame that shows the card is given (FRAME_QUIET.afterAnswer), so that what it shows is read.
 */
export async function frameSettled(page: Page): Promise<void> {
  const log = networkLog(page);
  if (!log.requestedSinceLoad()) return;
  const started = performance.now();
  while (performance.now() - started < FRAME_POLL.timeout && !page.isClosed()) {
    const quiet = log.quietSince(started);
    if (quiet !== undefined && quiet >= FRAME_QUIET.afterAnswer) return;
    await sleep(FRAME_POLL.intervals.at(-1)!);
  }
}

/**
 * Opens the merchant page around the frame (at the URL a token answer gives), then issues the
 * token the test posts: when it is used, the token is as old as the test's own few hundred
 * milliseconds, never the page's load, which on a loaded machine takes seconds (and would blame the
 * frame for a short-lived token).
 */
export async function openMerchantThenIssue(
  page: Page,
  merchants: MerchantSites,
  frame: AgreedFrame,
  client: EnfuceClient,
  setup: EnfuceSetup,
  withSibling = false,
): Promise<IssuedToken> {
  await openMerchant(page, merchants, frame, (await issue(client, setup)).cardDataFrameUrl, withSibling);
  return issue(client, setup);
}

/**
 * Watches the page after `token` was posted to its frame until `seen` finds what it looks for, the
 * page has gone quiet (FRAME_QUIET), or FRAME_POLL's timeout; undefined unless `seen` found it.
 */
function watchFrame<T>(
  page: Page,
  token: string,
  title: string,
  seen: () => Promise<T | undefined>,
  stopped: () => boolean = () => false,
): Promise<T | undefined> {
  const log = networkLog(page);
  return test.step(title, async () => {
    const started = performance.now();
    let quietLooks = 0;
    for (let i = 0; !page.isClosed() && !stopped(); i++) {
      const found = await seen();
      if (found !== undefined) return found;
      if (performance.now() - started >= FRAME_POLL.timeout) return undefined;
      const quiet = log.quietSince(started);
      const enough = log.answerTo(token) ? FRAME_QUIET.afterAnswer : FRAME_QUIET.withoutRequest;
      quietLooks = quiet !== undefined && quiet >= enough ? quietLooks + 1 : 0;
      if (quietLooks >= FRAME_QUIET.looks) return undefined;
      await sleep(FRAME_POLL.intervals[Math.min(i, FRAME_POLL.intervals.length - 1)]!);
    }
    return undefined;
  });
}

/** Whether the frame comes to show the card after `token` was posted to it: true as soon as it does. */
export async function frameShowsCard(
  page: Page,
  setup: EnfuceSetup,
  token: string,
  stopped?: () => boolean,
): Promise<boolean> {
  const shown = async () => showsCard(await cardFrameText(page).catch(() => ''), setup.card) || undefined;
  return (await watchFrame(page, token, 'look for the card in the frame', shown, stopped)) ?? false;
}

/** The answer to the frame's request that carried `token`, once it has come; undefined when the frame sent none. */
export async function frameAnswer(page: Page, token: string): Promise<Response | undefined> {
  const log = networkLog(page);
  return watchFrame(
    page,
    token,
    "wait for the frame's request with the token",
    async () => (await log.answerTo(token)?.response()) ?? undefined,
  );
}

/**
 * When the frame did not do what a TTL check waited for: does it show a card at all? A fresh token,
 * posted at once, tells the TTL from rendering (a rule check of ENF-FRAME-VIEW-PAN).
 */
export async function frameShowsFreshCard(
  page: Page,
  merchants: MerchantSites,
  frame: AgreedFrame,
  client: EnfuceClient,
  setup: EnfuceSetup,
): Promise<boolean> {
  return judgedFreshLook(await freshTokenShowsCard(page, merchants, frame, client, setup));
}

/** What a fresh token's look says: whether the frame shows a card at all (ENF-FRAME-VIEW-PAN). */
function judgedFreshLook(shows: boolean): boolean {
  ruleCheck('ENF-FRAME-VIEW-PAN', shows, 'a fresh token shows the card').toBe(true);
  return shows;
}

/** A fresh token posted to a frame of its own; `stopped` calls the look off between its steps. */
async function freshTokenShowsCard(
  page: Page,
  merchants: MerchantSites,
  frame: AgreedFrame,
  client: EnfuceClient,
  setup: EnfuceSetup,
  stopped: () => boolean = () => false,
): Promise<boolean> {
  await page.clock.resume().catch(() => undefined);
  if (stopped()) return false;
  const fresh = await openMerchantThenIssue(page, merchants, frame, client, setup);
  if (stopped()) return false;
  await reveal(page, { operation: 'view-pan', token: fresh.token });
  return frameShowsCard(page, setup, fresh.token, stopped);
}

/** How long a check's own look at the frame may go unanswered before a fresh token is tried beside it. */
const FRESH_AFTER_MS = 1_000;

/**
 * A fresh token's look in a page of its own, which can be called off. The look stops at its next
 * step, and only then is its page closed: Chromium can acknowledge the close of a page whose
 * navigation is committing and never close it, so that page.close() waits for ever
 * (crbug.com/536385539, microsoft/playwright#41900; seen here as a frame check's 60-s timeout).
 */
class FreshLook {
  private page: Page | undefined;
  private cancelled = false;
  readonly shows: Promise<boolean>;
  constructor(
    context: BrowserContext,
    merchants: MerchantSites,
    frame: AgreedFrame,
    client: EnfuceClient,
    setup: EnfuceSetup,
  ) {
    this.shows = (async () => {
      this.page = await context.newPage();
      if (this.cancelled) return false;
      return freshTokenShowsCard(this.page, merchants, frame, client, setup, () => this.cancelled);
    })().catch(() => false);
  }
  /** Calls the look off, waits until it has stopped (at its next step), then closes its page, which is idle by then. */
  async close(): Promise<void> {
    this.cancelled = true;
    await this.shows;
    await this.page?.close().catch(() => undefined);
  }
}

/**
 * `look`: the check's own look at the frame (true: it did what the check waits for). When that has
 * not come within FRESH_AFTER_MS, a fresh token is tried in a second page beside it, so that a frame
 * that shows nothing at all costs one poll's time, not two in a row. Returns true when the look
 * came; else the fresh token's answer counts (a rule check of ENF-FRAME-VIEW-PAN), and the check
 * stops when even that shows no card; false: the frame works, and the look failed for the check's
 * own reason.
 */
export async function lookElseFreshToken(
  page: Page,
  look: Promise<boolean>,
  merchants: MerchantSites,
  frame: AgreedFrame,
  client: EnfuceClient,
  setup: EnfuceSetup,
): Promise<boolean> {
  const start = () => new FreshLook(page.context(), merchants, frame, client, setup);
  let early: FreshLook | undefined;
  const timer = setTimeout(() => (early = start()), FRESH_AFTER_MS);
  const came = await look.catch(() => false);
  clearTimeout(timer);
  if (came) {
    await early?.close();
    return true;
  }
  const fresh = early ?? start();
  const shows = await fresh.shows;
  await fresh.close();
  if (!judgedFreshLook(shows)) halted('the frame shows no card even for a fresh token');
  return false;
}

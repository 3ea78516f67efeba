// Enfuce in a real Chromium: a merchant page on another origin embeds the card-data frame and
// posts {operation: 'view-pan', token} to it. The card data must render inside the frame only,
// and only for that message from the agreed origin.
import { randomBytes } from 'node:crypto';
import type { Page, Response } from '@playwright/test';
import { EnfuceClient } from '../../src/providers/enfuce/client.ts';
import { visibleText } from '../../src/core/card-text.ts';
import { requireControl } from '../fixtures/base.ts';
import { unknownValues } from '../fixtures/expect.ts';
import {
  expect,
  expectShown,
  issueToken as issue,
  req,
  test,
  TOKEN_TTL_MS as TTL_MS,
  type AgreedFrame,
  type EnfuceSetup,
  type IssuedToken,
  ruleCheck,
} from './fixtures.ts';
import { networkLog } from './network-log.ts';
import { cardFrameText, merchantPage, postFromSibling, reveal, type MerchantSites } from './merchant.ts';
import {
  frameAnswer,
  frameHandled,
  frameSettled,
  frameShowsCard,
  lookElseFreshToken,
  openMerchant,
  openMerchantThenIssue,
} from './frame.ts';

// A browser under load (two suites on two cores) can take seconds to render a frame; the waits
// below end as soon as the frame shows, so only failing paths pay for the margin.
test.describe.configure({ timeout: 60_000 });

async function expectFrameShowsCard(page: Page, setup: EnfuceSetup, token: string) {
  await frameShowsCard(page, setup, token);
  expect(await cardFrameText(page), 'card data in the frame').toShowCard(setup.card);
  unknownValues(
    'ENF-FRAME-VIEW-PAN',
    { ENFUCE_CARD_PAN: setup.card?.pan, ENFUCE_CARD_EXPIRY: setup.card?.expiry, ENFUCE_CARD_CVV2: setup.card?.cvv2 },
    'the frame with the card itself (a Luhn-valid PAN was looked for)',
  );
  // Inside the frame only: the merchant's own document never holds the card data.
  expect(visibleText(await page.content())).toShowNoCardData(setup.allCards);
}

/**
 * The frame must not act on what `post` sent it: once it has handled it, no card data appears and
 * no request carries the token (a frame that acted on the message would send it). Then the
 * positive control, in the same frame with the same token: the agreed message must now show the card. Only then does "ignored" count, since a frame
 * that shows nothing at all would pass every negative check. When it does not show, a fresh page
 * and token tell a spent token (the frame did act on the message) from a frame that shows nothing
 * (ENF-FRAME-VIEW-PAN fails, and the negative check proves nothing).
 */
async function expectFrameIgnored(
  page: Page,
  post: (message: unknown) => Promise<void>,
  merchants: MerchantSites,
  frame: AgreedFrame,
  setup: EnfuceSetup,
  client: EnfuceClient,
  token: IssuedToken,
) {
  await frameHandled(page, post);
  await frameSettled(page);
  // Soft: each observation is reported on its own, so a report shows all that the frame did.
  expect.soft(await cardFrameText(page)).toShowNoCardData(setup.allCards);
  expect
    .soft(networkLog(page).carrying(token.token), 'requests carrying the token: the frame must not have acted')
    .toEqual([]);
  await reveal(page, { operation: 'view-pan', token: token.token });
  if (await lookElseFreshToken(page, frameShowsCard(page, setup, token.token), merchants, frame, client, setup)) return;
  expect('spent', 'the token after the ignored message: the frame must not have used it').toBe('unspent');
}

test.describe('card-data iframe', () => {
  test(
    'view-pan from the agreed origin renders the card inside the frame only',
    req('ENF-FRAME-VIEW-PAN'),
    async ({ merchantTab: page, merchants, agreedFrame, enfuceClient, setup }) => {
      const t = await openMerchantThenIssue(page, merchants, agreedFrame, enfuceClient, setup);
      await reveal(page, { operation: 'view-pan', token: t.token });
      await expectFrameShowsCard(page, setup, t.token);
    },
  );

  test(
    'a message from another origin is ignored',
    req('ENF-FRAME-ORIGIN-CHECK'),
    async ({ merchantTab: page, merchants, agreedFrame, enfuceClient, setup }) => {
      const t = await openMerchantThenIssue(page, merchants, agreedFrame, enfuceClient, setup, true);
      const sibling = page.frames().find((f) => f.url().startsWith(merchants.other.origin));
      expect(sibling, 'the other-origin frame').toBeDefined();
      const post = (m: unknown) => postFromSibling(sibling!, m);
      await post({ operation: 'view-pan', token: t.token });
      await expectFrameIgnored(page, post, merchants, agreedFrame, setup, enfuceClient, t);
    },
  );

  test(
    'a message with another operation is ignored',
    req('ENF-FRAME-MESSAGE-SHAPE'),
    async ({ merchantTab: page, merchants, agreedFrame, enfuceClient, setup }) => {
      const t = await openMerchantThenIssue(page, merchants, agreedFrame, enfuceClient, setup);
      const post = (m: unknown) => reveal(page, m);
      for (const operation of ['view-pin', 'set-pin', 'VIEW-PAN', 'copy']) {
        await post({ operation, token: t.token });
      }
      await expectFrameIgnored(page, post, merchants, agreedFrame, setup, enfuceClient, t);
    },
  );

  test(
    'a message without a token shows no card data',
    req('ENF-FRAME-MESSAGE-SHAPE'),
    async ({ merchantTab: page, merchants, agreedFrame, enfuceClient, setup }) => {
      // Another card view just happened: nothing of it may show without a token.
      const before = await issue(enfuceClient, setup);
      expectShown(await enfuceClient.viewCardData(before.cardDataUrl, before.token));
      const t = await openMerchantThenIssue(page, merchants, agreedFrame, enfuceClient, setup);
      const post = (m: unknown) => reveal(page, m);
      for (const m of [
        { operation: 'view-pan' },
        { operation: 'view-pan', token: '' },
        { operation: 'view-pan', token: null },
        'view-pan',
      ]) {
        await post(m);
      }
      await expectFrameIgnored(page, post, merchants, agreedFrame, setup, enfuceClient, t);
    },
  );

  test(
    'the frame does not load under a parent origin that was not agreed',
    req('ENF-FRAME-ANCESTORS'),
    async ({ merchantTab: page, merchants, agreedFrame, enfuceClient, setup }) => {
      const t = await issue(enfuceClient, setup);
      const frameUrl = EnfuceClient.frameUrl(t.cardDataFrameUrl, agreedFrame.key);
      const blocked = page
        .waitForEvent('requestfailed', { predicate: (r) => r.url() === frameUrl, timeout: 10_000 })
        .catch(() => undefined);
      await page.goto(merchants.other.host(merchantPage(frameUrl)));
      const failure = await blocked;
      const blockedByCsp = failure?.failure()?.errorText === 'net::ERR_BLOCKED_BY_RESPONSE';
      expect
        .soft(failure?.failure()?.errorText, 'the frame request is blocked by its CSP')
        .toBe('net::ERR_BLOCKED_BY_RESPONSE');
      // And even if a message is sent, nothing shows. A blocked frame holds Chromium's error page, no
      // script of the frame's: only a frame that loaded is given the time to act.
      await reveal(page, { operation: 'view-pan', token: t.token });
      if (!blockedByCsp) await frameHandled(page, (m) => reveal(page, m));
      expect.soft(visibleText(await page.content())).toShowNoCardData(setup.allCards);
      // The positive control: under the agreed origin the same frame and token show the card.
      await openMerchant(page, merchants, agreedFrame, t.cardDataFrameUrl);
      await reveal(page, { operation: 'view-pan', token: t.token });
      await lookElseFreshToken(page, frameShowsCard(page, setup, t.token), merchants, agreedFrame, enfuceClient, setup);
    },
  );
});

test.describe('a token the frame must refuse', () => {
  // The token of another view, spent by the app's POST, and one never issued: the frame sends each
  // to its service, which must refuse it, and must show no card. A fresh token in the same frame is
  // the control: a frame that shows nothing at all proves nothing by showing nothing here.
  test(
    'a used or unknown token posted to the frame shows no card data',
    req('ENF-TOKEN-SINGLE-USE', 'ENF-INVALID-TOKEN-REFUSED'),
    async ({ merchantTab: page, merchants, agreedFrame, enfuceClient, setup }) => {
      const used = await issue(enfuceClient, setup);
      expectShown(await enfuceClient.viewCardData(used.cardDataUrl, used.token));
      const cases = [
        { token: used.token, rule: 'ENF-TOKEN-SINGLE-USE', what: 'a token the app has used' },
        {
          token: randomBytes(32).toString('base64url'),
          rule: 'ENF-INVALID-TOKEN-REFUSED',
          what: 'a token never issued',
        },
      ] as const;
      // Each in a tab of its own, side by side: each waits out a frame's quiet time, once.
      const second = await page.context().newPage();
      await Promise.all(
        cases.map(async (bad, i) => {
          const tab = i === 0 ? page : second;
          await openMerchant(tab, merchants, agreedFrame, used.cardDataFrameUrl);
          await reveal(tab, { operation: 'view-pan', token: bad.token });
          // How the frame asks its service is the service's own affair (the document says only that
          // the request fails): what is judged is what the frame shows once it has its answer.
          await frameAnswer(tab, bad.token);
          await frameSettled(tab);
          ruleCheck(bad.rule, await cardFrameText(tab), `the frame after ${bad.what}`).toShowNoCardData(setup.allCards);
        }),
      );
      await second.close();
      const fresh = await issue(enfuceClient, setup);
      await reveal(page, { operation: 'view-pan', token: fresh.token });
      await lookElseFreshToken(
        page,
        frameShowsCard(page, setup, fresh.token),
        merchants,
        agreedFrame,
        enfuceClient,
        setup,
      );
    },
  );
});

test.describe('the 30-second token in the browser (page clock + server clock)', () => {
  const revealAfter = (page: Page, t: IssuedToken, delayMs: number) =>
    reveal(page, { operation: 'view-pan', token: t.token }, delayMs);

  // A frame that shows nothing is blamed on ENF-FRAME-VIEW-PAN (lookElseFreshToken); the test is the TTL's.
  test(
    'a message posted 29.9 s after the token was issued shows the card',
    req('ENF-TOKEN-TTL-30S'),
    async ({ clockTab: page, merchants, agreedFrame, enfuceClient, setup }) => {
      const control = requireControl(setup.target);
      await control.freezeClock();
      const t = await openMerchantThenIssue(page, merchants, agreedFrame, enfuceClient, setup);
      await revealAfter(page, t, TTL_MS - 100);
      await control.advanceClock(TTL_MS - 100);
      await page.clock.fastForward(TTL_MS - 100);
      if (
        await lookElseFreshToken(
          page,
          frameShowsCard(page, setup, t.token),
          merchants,
          agreedFrame,
          enfuceClient,
          setup,
        )
      ) {
        expect(visibleText(await page.content()), 'the merchant page itself').toShowNoCardData(setup.allCards);
      } else {
        ruleCheck('ENF-TOKEN-TTL-30S', 'not shown', 'the card at 29.9 s').toBe('shown');
      }
    },
  );

  test(
    'a message posted 30 s after the token was issued shows no card data',
    req('ENF-TOKEN-TTL-30S'),
    async ({ clockTab: page, merchants, agreedFrame, enfuceClient, setup }) => {
      const control = requireControl(setup.target);
      await control.freezeClock();
      const t = await openMerchantThenIssue(page, merchants, agreedFrame, enfuceClient, setup);
      await revealAfter(page, t, TTL_MS);
      await control.advanceClock(TTL_MS);
      await page.clock.fastForward(TTL_MS);
      let res: Response | undefined;
      // No request at all: a frame that never fetches card data cannot show its TTL.
      await lookElseFreshToken(
        page,
        frameAnswer(page, t.token).then((r) => !!(res = r)),
        merchants,
        agreedFrame,
        enfuceClient,
        setup,
      );
      expect(res?.status(), 'card-data answer to the expired token').toBeGreaterThanOrEqual(400);
      await page.waitForTimeout(100);
      expect(await cardFrameText(page)).toShowNoCardData(setup.allCards);
    },
  );
});

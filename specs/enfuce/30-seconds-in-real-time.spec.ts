// Enfuce's 30-second token in real time, for a target without a controlled clock (a sandbox): in a
// file of its own, so that its one wait of 31 s runs on one worker while Enfuce's other files run
// on the other (playwright.config.ts keeps it out of the browser project; card-reveal-harness run
// gives an Enfuce sandbox two workers): the run then lasts about as long as the wait.
import { enfuceCatalogue } from '../../src/providers/enfuce/catalogue.ts';
import { expectRefused, issueToken as issue, readingField, req, test, ruleCheck } from './fixtures.ts';
import { frameShowsCard, frameShowsFreshCard, openMerchant, QUIET_MS } from './frame.ts';
import { cardFrameText, reveal } from './merchant.ts';
import { checkedInPart, coveredElsewhere, halted } from '../fixtures/expect.ts';
import { runSettings } from '../../src/core/settings.ts';

test.describe.configure({ timeout: 60_000 });

// Skipped, its checks leave nothing unchecked: the controlled-clock checks cover them.
test.describe(
  'the 30-second token in real time (a target without a controlled clock)',
  { annotation: coveredElsewhere },
  () => {
    // Decided before a check starts: a skip in the body would first open the page it needs. Without
    // ENFUCE_BASE_URL the target is the embedded mock, whose clock is controlled, and no worker needs
    // to start one to know; a target at a URL is asked (the worker's setup).
    // A variant batch's mocks have no control either (src/core/defect-batch.ts).
    test.skip(
      !process.env[enfuceCatalogue.env.baseUrl] && !runSettings().variantBatch,
      'covered: the controlled-clock checks cover this on a mock',
    );
    test.skip(({ setup }) => !!setup.target.control, 'covered: the controlled-clock checks cover this on a mock');
    /** When each side uses its token, counted from before it was issued (inside) or after (expired). */
    const INSIDE_MS = 20_000;
    const EXPIRED_MS = 31_000;

    test(
      'used 20 s after issue the card shows, 31 s after it is refused: API and frame, all at once',
      { ...req('ENF-TOKEN-TTL-30S', 'ENF-FRAME-VIEW-PAN'), tag: ['@ENF-TOKEN-TTL-30S', '@slow'] },
      async ({ page, merchants, agreedFrame, enfuceClient, setup }) => {
        test.slow();
        const at = async (t0: number, ms: number) =>
          new Promise((r) => setTimeout(r, Math.max(0, t0 + ms - Date.now())));
        const issued = async () => {
          const before = Date.now();
          const t = await issue(enfuceClient, setup);
          return { ...t, before, after: Date.now() };
        };
        const [apiInside, apiExpired, frameInside, frameExpired] = [
          await issued(),
          await issued(),
          await issued(),
          await issued(),
        ];
        const expiredPage = await page.context().newPage();
        await openMerchant(page, merchants, agreedFrame, frameInside.cardDataFrameUrl);
        await openMerchant(expiredPage, merchants, agreedFrame, frameExpired.cardDataFrameUrl);
        // Each side's refusal after 30 s counts only if that side showed a card inside 30 s (the token
        // at 20 s, or else a fresh one: then the short life is the TTL's fault). A side that shows no
        // card at all fails its own rule, and the other side still proves the TTL.
        let api: { field: string } | undefined;
        let frameWorks = false;
        const insideApi = (async () => {
          await at(apiInside.before, INSIDE_MS);
          const field = await readingField(enfuceClient, apiInside);
          if (field) return (api = { field });
          // A sandbox's rate limit waited out (src/core/network.ts) may have sent the 20-s use after 29 s:
          // a refusal then proves nothing either way, and the rule is left partly checked, not failed.
          if (Date.now() > apiInside.after + 29_000)
            return checkedInPart(
              'ENF-TOKEN-TTL-30S',
              'the 20-s use reached the sandbox only after 29 s (rate-limit waits)',
            );
          const fresh = await readingField(enfuceClient, await issue(enfuceClient, setup));
          ruleCheck('ENF-MOBILE-FORM-POST', fresh !== undefined, 'the card-data page shows for a fresh token').toBe(
            true,
          );
          if (!fresh) return;
          api = { field: fresh };
          ruleCheck('ENF-TOKEN-TTL-30S', 'refused', 'the card-data page 20 s after issue').toBe('shown');
        })();
        await Promise.all([
          insideApi,
          (async () => {
            await at(apiExpired.after, EXPIRED_MS);
            await insideApi;
            if (api)
              expectRefused(
                await enfuceClient.viewCardData(apiExpired.cardDataUrl, apiExpired.token, { field: api.field }),
                setup,
                'ENF-TOKEN-TTL-30S',
                'page',
              );
          })(),
          (async () => {
            await at(frameInside.before, INSIDE_MS);
            await reveal(page, { operation: 'view-pan', token: frameInside.token });
            if ((frameWorks = await frameShowsCard(page, setup, frameInside.token))) return;
            // Not shown: a fresh token in a fresh page tells a short TTL from a frame that shows nothing
            // (which fails ENF-FRAME-VIEW-PAN).
            if (!(frameWorks = await frameShowsFreshCard(page, merchants, agreedFrame, enfuceClient, setup))) return;
            ruleCheck('ENF-TOKEN-TTL-30S', 'not shown', 'the card in the frame 20 s after issue').toBe('shown');
          })(),
          (async () => {
            await at(frameExpired.after, EXPIRED_MS);
            await reveal(expiredPage, { operation: 'view-pan', token: frameExpired.token });
            await expiredPage.waitForTimeout(QUIET_MS);
            const text = await cardFrameText(expiredPage);
            if (frameWorks)
              ruleCheck('ENF-TOKEN-TTL-30S', text, 'the frame 31 s after issue').toShowNoCardData(setup.allCards);
          })(),
        ]);
        if (!api && !frameWorks)
          halted(
            'neither the card-data page nor the frame showed a card for a fresh token: that they show none after 30 s proves nothing',
          );
      },
    );
  },
);

// Enfuce's fixtures: the target (embedded mock or ENFUCE_BASE_URL), the test card, a client that
// records masked exchanges, and the merchant sites the iframe tests embed the frame in.
import { randomBytes } from 'node:crypto';
import { providerTest, withoutBrowserContext } from '../fixtures/provider.ts';
import { expectErrorResponse } from '../fixtures/refusal.ts';
import { requirementTagger } from '../fixtures/requirements.ts';
import { browserContextOptions } from '../../src/core/browser.ts';
import type { Target } from '../../src/core/target.ts';
import type { HttpExchange } from '../../src/core/http.ts';
import { loadProfile } from '../../src/core/profile.ts';
import { enfuceCatalogue as enfuce } from '../../src/providers/enfuce/catalogue.ts';
import type { ProfileOption } from '../../src/catalogue.ts';
import { EnfuceClient } from '../../src/providers/enfuce/client.ts';
import type { EnfuceProfile } from '../../src/providers/enfuce/profile.ts';
import { enfuceRequirements, type EnfuceRequirementId } from '../../src/providers/enfuce/requirements.ts';
import { visibleText, type ExpectedCard } from '../../src/core/card-text.ts';
import type { KnownCard } from '../../src/core/clear-card-data.ts';
import type { EnfuceCard } from '../../src/providers/enfuce/cards.ts';
import type { Browser, BrowserContext, Page, TestInfo } from '@playwright/test';
import { MerchantSites } from './merchant.ts';

import { expect, noteBrowserTransportFaults } from '../fixtures/base.ts';
import { halted, ruleCheckFor } from '../fixtures/expect.ts';
import type { EnfuceMockState } from '../../mocks/enfuce/index.ts';

/** Rule checks of enfuce's own requirements: another provider's id does not type-check. */
export const ruleCheck = ruleCheckFor<EnfuceRequirementId>();

export { expect };
/** "the token is valid for 30 seconds" (test/documents/enfuce.txt); the specs' own figure, not the mock's. */
export const TOKEN_TTL_MS = 30_000;

export interface IssuedToken {
  token: string;
  cardDataUrl: string;
  cardDataFrameUrl: string;
}

/** A control token for the test card: 201, JSON, valid against the emitted schema (ENF-TOKEN-201). */
export async function issueToken(client: EnfuceClient, setup: EnfuceSetup): Promise<IssuedToken> {
  const ex = await client.controlToken(setup.cardId);
  expect(ex.response.status, 'controlToken status').toBe(201);
  expect(ex.response.headers['content-type'] ?? '', 'content type').toMatch(/^application\/json/);
  let body: unknown;
  try {
    body = JSON.parse(ex.response.body);
  } catch {
    throw new Error(`the controlToken body is not JSON (${ex.response.body.length} bytes)`);
  }
  ruleCheck('ENF-TOKEN-201', body, 'the 201 body').toMatchSchema('enfuce', 'control-token.response-201');
  // A field a check needs and the 201 body lacks fails ENF-TOKEN-201; the check stops there unless
  // the value is known otherwise (the frame URL: the mock's, or ENFUCE_CARD_DATA_FRAME_URL), since
  // the frame's own rules are not the answer's.
  const issued = (body ?? {}) as Partial<IssuedToken>;
  const need = (k: keyof IssuedToken, known?: string): string => {
    const v = issued[k];
    if (typeof v === 'string' && v) return v;
    ruleCheck('ENF-TOKEN-201', v, `the token answer's ${k}`).toBeTruthy();
    return known ?? halted(`the token answer has no ${k}`);
  };
  return {
    get token() {
      return need('token');
    },
    get cardDataUrl() {
      return need('cardDataUrl');
    },
    get cardDataFrameUrl() {
      return need('cardDataFrameUrl', setup.knownFrameUrl);
    },
  };
}

/**
 * What an Enfuce refusal is: an API error with a 4xx (its exact status where given; `pinnedBy` names
 * the profile option when the document leaves it open), or `'page'`, a refused card-data page.
 */
export type EnfuceRefusal = { status: number | '4xx'; pinnedBy?: ProfileOption } | 'page';

/**
 * A refusal by `rule`. An API error: its status (that rule's), the error body in the profile's
 * shape (ENF-ERROR-SHAPE, pinned by errorBody), never a 5xx. A card-data page: a 4xx HTML page, with
 * no card data of any card on it (ENF-INVALID-TOKEN-REFUSED).
 */
export function expectRefused(
  ex: HttpExchange,
  setup: EnfuceSetup,
  rule: EnfuceRequirementId,
  expected: EnfuceRefusal,
) {
  if (expected === 'page') return expectRefusedPage(ex, setup, rule);
  expectErrorResponse(ex, {
    rule,
    shape: 'ENF-ERROR-SHAPE',
    ...expected,
    schema: { provider: 'enfuce', name: errorSchema(setup) },
    schemaOption: 'errorBody',
    cards: setup.allCards,
    leakRule: 'ENF-NO-CLEAR-CARD-DATA',
  });
  if (ex.response.status < 400) return;
  ruleCheck(
    'ENF-ERROR-SHAPE',
    ex.response.headers['content-type'] ?? '',
    'content type of the error',
    'errorBody',
  ).toMatch(/^application\/json/);
}

const errorSchema = (setup: EnfuceSetup) =>
  setup.profile.errorBody === 'errorCode-message' ? 'error' : `error.${setup.profile.errorBody}`;

function expectRefusedPage(ex: HttpExchange, setup: EnfuceSetup, rule: EnfuceRequirementId) {
  ruleCheck(rule, ex.response.status, 'status').toBeGreaterThanOrEqual(400);
  ruleCheck(rule, ex.response.status, 'status').toBeLessThan(500);
  // A page that was not refused at all breaks `rule` alone; what a refusal page shows is ENF-INVALID-TOKEN-REFUSED's.
  if (ex.response.status < 400) return;
  if (setup.profile.refusalPage === 'html')
    ruleCheck(
      rule,
      ex.response.headers['content-type'] ?? '',
      'content type of the refusal page',
      'refusalPage',
    ).toMatch(/^text\/html/);
  ruleCheck('ENF-INVALID-TOKEN-REFUSED', visibleText(ex.response.body), 'the refused page').toShowNoCardData(
    setup.allCards,
  );
  ruleCheck('ENF-INVALID-TOKEN-REFUSED', ex.response.body, 'the refused page').toShowNoCardData(setup.allCards);
}

/**
 * A card-data page that must show with a valid token: 200 (ENF-MOBILE-FORM-POST), or the test has
 * nothing further to check.
 */
export function expectShown(ex: HttpExchange): void {
  ruleCheck('ENF-MOBILE-FORM-POST', ex.response.status, 'card-data status with a valid token').toBe(200);
  if (ex.response.status !== 200) halted('the card-data page did not show with a valid token');
}

/** Other names an implementer may read the token from: the endpoint's (controlToken) and the PIN page's field (controlId, in Enfuce's public material). */
const OTHER_TOKEN_FIELDS = ['controlToken', 'controlId'];

/**
 * The card-data page for an unspent token through the documented form field "token", or else
 * through the first other field the page reads (which fails ENF-MOBILE-FORM-POST: a check of what
 * the page shows then goes on, since that is not its rule). `field` is undefined when the page
 * reads none; `ex` is then the answer to the documented field. Spends the token.
 */
async function viewThroughAnyField(
  client: EnfuceClient,
  token: IssuedToken,
): Promise<{ ex: HttpExchange; field: string | undefined }> {
  const ex = await client.viewCardData(token.cardDataUrl, token.token);
  if (ex.response.status === 200) return { ex, field: 'token' };
  for (const field of OTHER_TOKEN_FIELDS) {
    const other = await client.viewCardData(token.cardDataUrl, token.token, { field });
    if (other.response.status !== 200) continue;
    ruleCheck('ENF-MOBILE-FORM-POST', `the token in form field "${field}"`, 'what the card-data page reads').toBe(
      'the token in form field "token"',
    );
    return { ex: other, field };
  }
  return { ex, field: undefined };
}

/** The form field the card-data page reads `token` from, or undefined when it shows nothing for it. Spends the token. */
export async function readingField(client: EnfuceClient, token: IssuedToken): Promise<string | undefined> {
  return (await viewThroughAnyField(client, token)).field;
}

/** The card-data page for an unspent token, and the form field it took the token from; a page that shows for none stops the check. */
export async function showCard(client: EnfuceClient, token: IssuedToken): Promise<{ ex: HttpExchange; field: string }> {
  const { ex, field } = await viewThroughAnyField(client, token);
  if (field) return { ex, field };
  expectShown(ex);
  return halted('unreachable: expectShown halts on a refusal');
}

/**
 * When a token was refused where a rule says it must work (at 29.9 s, unspent): a fresh token
 * tells the two apart. If the fresh one is refused too, the card-data page does not work at all
 * (ENF-MOBILE-FORM-POST) and the check stops; otherwise the refusal is `rule`'s to answer for.
 */
export async function blameRefusal(client: EnfuceClient, setup: EnfuceSetup): Promise<void> {
  if (!(await freshTokenShows(client, setup))) halted('the card-data page did not show with a valid token');
}

/** Whether the card-data page shows for a fresh token: a rule check of ENF-MOBILE-FORM-POST, without stopping the test. */
export async function freshTokenShows(client: EnfuceClient, setup: EnfuceSetup): Promise<boolean> {
  const fresh = await issueToken(client, setup);
  const { status } = (await client.viewCardData(fresh.cardDataUrl, fresh.token)).response;
  ruleCheck('ENF-MOBILE-FORM-POST', status, 'card-data status with a valid token').toBe(200);
  return status === 200;
}

export const req = requirementTagger<EnfuceRequirementId>(enfuce, enfuceRequirements);

export interface EnfuceSetup {
  target: Target;
  profile: EnfuceProfile;
  credentials: { username: string; password: string };
  /** The card the checks reveal; expected values are unknown on a live target without ENFUCE_CARD_PAN. */
  cardId: string;
  card: ExpectedCard | undefined;
  /** Every card whose data must never show where it should not. */
  allCards: ExpectedCard[];
  frozenCardId: string | undefined;
  unknownCardId: string;
  /** The frame URL as known apart from the token answer: the mock's, or ENFUCE_CARD_DATA_FRAME_URL. */
  knownFrameUrl: string | undefined;
}

async function setupFor(target: Target): Promise<EnfuceSetup> {
  const profile = loadProfile(enfuce);
  const unknownCardId = target.env.ENFUCE_UNKNOWN_CARD_ID ?? `no-such-card-${randomBytes(6).toString('hex')}`;
  if (target.control && !target.env.ENFUCE_CARD_ID) {
    const state = await target.control.state<EnfuceMockState>();
    const active = state.cards.find((c) => c.status === 'ACTIVE')!;
    const asExpected = (c: EnfuceCard): ExpectedCard => ({ pan: c.pan, expiry: c.expiry, cvv2: c.cvv2 });
    return {
      target,
      profile,
      credentials: {
        username: target.env.ENFUCE_USERNAME ?? state.credentials.username,
        password: target.env.ENFUCE_PASSWORD ?? state.credentials.password,
      },
      cardId: active.cardId,
      card: asExpected(active),
      allCards: state.cards.map(asExpected),
      frozenCardId: state.cards.find((c) => c.status === 'FROZEN')?.cardId,
      unknownCardId,
      knownFrameUrl: state.cardDataFrameUrl,
    };
  }
  const e = target.env;
  const card = e.ENFUCE_CARD_PAN
    ? { pan: e.ENFUCE_CARD_PAN, expiry: e.ENFUCE_CARD_EXPIRY, cvv2: e.ENFUCE_CARD_CVV2 }
    : undefined;
  return {
    target,
    profile,
    credentials: { username: e.ENFUCE_USERNAME ?? '', password: e.ENFUCE_PASSWORD ?? '' },
    cardId: e.ENFUCE_CARD_ID ?? '',
    card,
    allCards: card ? [card] : [],
    frozenCardId: e.ENFUCE_FROZEN_CARD_ID,
    unknownCardId,
    knownFrameUrl: e.ENFUCE_CARD_DATA_FRAME_URL,
  };
}

export interface AgreedFrame {
  key: string;
  origin: string;
}

/**
 * "The card data is sent directly from the service endpoint to the end users device": a card-data
 * page that shows (a 2xx HTML page) is where it belongs; the controlToken answer has its own rule
 * (ENF-NO-CARD-DATA-IN-TOKEN-RESPONSE); every other answer (errors, refusal pages) carries none.
 */
const clearRule = {
  requirement: 'ENF-NO-CLEAR-CARD-DATA' as const,
  cards: (s: EnfuceSetup): KnownCard[] => s.allCards.map((c) => ({ pan: c.pan, cvv: c.cvv2, expiry: c.expiry })),
  envelope: (ex: HttpExchange) => {
    const ok = ex.response.status >= 200 && ex.response.status < 300;
    if (ok && /^text\/html/i.test(ex.response.headers['content-type'] ?? '')) return undefined;
    if (ok && /\/controlToken$/.test(new URL(ex.request.url).pathname)) return undefined;
    return { members: [] };
  },
};

/**
 * A browser tab kept for the worker's frame checks. A new context and page cost about 0.6 s of a
 * loaded browser's time (a renderer process), most of a passing check's. A tab with a clock has it
 * installed for good (a clock is its context's): the clock checks get a tab of their own.
 */
class MerchantTabs {
  private context: BrowserContext | undefined;
  private page: Page | undefined;
  constructor(
    private readonly browser: Browser,
    private readonly withClock: boolean,
  ) {}
  async open(): Promise<Page> {
    if (this.page && !this.page.isClosed()) return this.page;
    if (!this.context) {
      this.context = await this.browser.newContext(browserContextOptions());
      if (this.withClock) await this.context.clock.install();
    }
    return (this.page = await this.context.newPage());
  }
  /** The tab a failed check leaves may be in any state: the next check opens a new one. */
  async discard(): Promise<void> {
    await this.context?.close().catch(() => undefined);
    this.context = this.page = undefined;
  }
}

/** A worker's tab for one test at a time: what a check hung on it ends with the check, and a failed check's tab is not reused. */
async function lendTab(tabs: MerchantTabs, use: (page: Page) => Promise<void>, testInfo: TestInfo): Promise<void> {
  const page = await tabs.open();
  noteBrowserTransportFaults(page);
  await use(page);
  for (const event of ['request', 'requestfinished', 'requestfailed', 'response'] as const)
    page.removeAllListeners(event);
  await page.unrouteAll({ behavior: 'ignoreErrors' }).catch(() => undefined);
  if (testInfo.status !== 'passed' && testInfo.status !== 'skipped') await tabs.discard();
}

const discard = (tabs: MerchantTabs) => tabs.discard();

export const test = providerTest(enfuce, setupFor, clearRule).extend<{
  enfuceClient: EnfuceClient;
  agreedFrame: AgreedFrame;
  /** A reused tab for the frame checks that need no clock. */
  merchantTab: Page;
  /** A reused tab whose page clock is installed (page.clock: fastForward, pauseAt). */
  clockTab: Page;
  /** The merchant sites the frame is embedded in: one pair per worker. */
  merchants: MerchantSites;
}>({
  // Playwright's own tab (a check that waits in real time): its dropped requests are counted too.
  page: async ({ page }, use) => {
    noteBrowserTransportFaults(page);
    await use(page);
  },
  merchantTab: async ({ perWorker, browser }, use, testInfo) =>
    lendTab(
      perWorker.get('enfuce:tabs', () => new MerchantTabs(browser, false), discard),
      use,
      testInfo,
    ),
  clockTab: async ({ perWorker, browser }, use, testInfo) =>
    lendTab(
      perWorker.get('enfuce:clock-tabs', () => new MerchantTabs(browser, true), discard),
      use,
      testInfo,
    ),
  merchants: async ({ perWorker }, use) =>
    use(
      await perWorker.get(
        'enfuce:merchants',
        () => MerchantSites.start(),
        async (sites) => (await sites).close(),
      ),
    ),
  enfuceClient: async ({ setup, http }, use) => {
    await use(new EnfuceClient({ baseUrl: setup.target.baseUrl, ...setup.credentials, http }));
  },
  // A frame key agreed for the merchant origin: registered on a mock, from the env on a live target.
  agreedFrame: async ({ setup, merchants }, use) => {
    const { control, env } = setup.target;
    if (control) {
      const key = `harness-${randomBytes(6).toString('hex')}`;
      await control.call('POST', 'frame-keys', { key, origin: merchants.agreed.origin });
      await use({ key, origin: merchants.agreed.origin });
      return;
    }
    test.skip(
      !env.ENFUCE_FRAME_KEY || !env.ENFUCE_FRAME_ORIGIN,
      'not applicable: set ENFUCE_FRAME_KEY and ENFUCE_FRAME_ORIGIN',
    );
    await use({ key: env.ENFUCE_FRAME_KEY!, origin: env.ENFUCE_FRAME_ORIGIN! });
  },
});

/** The API checks and the contract: they open no browser (specs/fixtures/provider.ts withoutBrowserContext). */
export const apiTest = withoutBrowserContext(test);

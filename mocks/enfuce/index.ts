// Reference mock of Enfuce's card-data reveal: controlToken, the mobile card-data POST and the
// iframe page. Every rule of test/documents/enfuce.txt and every default of Enfuce's profile, as
// routes over the mock's state, each naming the defects it honours
// (src/providers/enfuce/defects.ts).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { VariantSet } from '../../src/core/variants.ts';
import { enfuceVariants, type EnfuceVariantName } from '../../src/providers/enfuce/variants.ts';
import { DefectSet } from '../../src/core/defects.ts';
import {
  json,
  jsonBodyAs,
  type FrameworkRefusal,
  type MockApp,
  type MockReply,
  type MockRequest,
} from '../core/server.ts';
import { refusalOf, routeOf, stateMock, type Flaws } from '../core/route.ts';
import type { MockClock } from '../core/clock.ts';
import { enfuceCards, enfuceMockCredentials, type EnfuceCard } from '../../src/providers/enfuce/cards.ts';
import { enfuceDefects, type EnfuceDefectName } from '../../src/providers/enfuce/defects.ts';
import { errorPage, framePage, snapshotPage } from './pages.ts';

export const ENFUCE_TOKEN_TTL_MS = 30_000;

/**
 * Where the card-data pages live. The document names no path: the device POSTs to the
 * `cardDataUrl` and frames the `cardDataFrameUrl` the token answer returns, so their paths (and
 * origin) are the implementer's choice; the first pair is the reference mock's.
 */
const PAGE_PATHS = {
  reference: { view: '/v4/card-data/view', frame: '/v4/card-data/frame', prefix: '/v4/card-data' },
  'card-data-path-short': { view: '/v4/card-data', frame: '/v4/card-data/frame', prefix: '/v4/card-data' },
  'card-data-path-other': { view: '/reveal/snapshot', frame: '/reveal/frame.html', prefix: '/reveal' },
} as const;
type PagePaths = (typeof PAGE_PATHS)[keyof typeof PAGE_PATHS];
const PATH_VARIANTS = ['card-data-path-short', 'card-data-path-other'] as const;

export interface EnfuceMockOptions {
  clock: MockClock;
  defects?: readonly string[];
  variants?: readonly string[];
  /** The mock's own base URL, known once it listens; used for cardDataUrl and cardDataFrameUrl. */
  baseUrl: () => string;
  /** The mock's second origin: the card-data pages' with the card-data-other-origin variant. */
  secondUrl?: () => string;
  /** Frame keys agreed beforehand: key → the parent origin allowed to embed the frame. */
  frameKeys?: Record<string, string>;
}

interface IssuedToken {
  cardId: string;
  issuedAt: number;
  used: boolean;
}

const FrameKeyBody = z.strictObject({ key: z.string().min(1).max(200), origin: z.url() });
const SeedTokenBody = z.strictObject({
  token: z.string().min(1).max(200),
  cardId: z.string().min(1),
  ageMs: z.number().finite().min(0).default(0),
  used: z.boolean().default(false),
});

/** What GET /__mock/state answers: the seeded cards, the credentials, the agreed frame keys, where the frame lives. */
export interface EnfuceMockState {
  cards: EnfuceCard[];
  credentials: typeof enfuceMockCredentials;
  frameKeys: Record<string, string>;
  cardDataFrameUrl: string;
  tokenTtlMs: number;
  issuedTokens: number;
}

type Flaw = EnfuceDefectName;

/** The mock's state: the cards, the tokens issued, the frame keys agreed, the card last shown. */
interface EnfuceState {
  clock: MockClock;
  variants: VariantSet<EnfuceVariantName>;
  baseUrl: () => string;
  /** Where the card-data pages are served: their paths, and the base URL of their origin. */
  pages: PagePaths;
  pagesUrl: () => string;
  cards: Map<string, EnfuceCard>;
  seededKeys: Record<string, string>;
  tokens: Map<string, IssuedToken>;
  frameKeys: Map<string, string>;
  lastViewed: EnfuceCard | undefined;
  /** How many tokens the predictable-token defect has counted out. */
  counter: number;
  /** The store size at which expired tokens are next dropped. */
  sweepAt: number;
}

const route = routeOf<EnfuceState, Flaw>();

type TtlFlaw = 'token-ttl-60s' | 'token-ttl-5s';
const ttlOf = (flaw: Flaws<TtlFlaw>) =>
  flaw['token-ttl-60s'] ? 60_000 : flaw['token-ttl-5s'] ? 5_000 : ENFUCE_TOKEN_TTL_MS;

/** A page of the card-data paths: HTML, not stored (unless the no-store-missing defect). */
const html = (
  status: number,
  body: string,
  flaw: Flaws<'no-store-missing'>,
  headers: Record<string, string> = {},
): MockReply => ({
  status,
  body,
  headers: {
    'content-type': 'text/html; charset=utf-8',
    ...(flaw['no-store-missing'] ? {} : { 'cache-control': 'no-store' }),
    'x-content-type-options': 'nosniff',
    ...headers,
  },
});

const apiError = (
  s: EnfuceState,
  status: number,
  errorCode: string,
  message: string,
  headers: Record<string, string> = {},
) =>
  json(status, s.variants.has('error-code-message') ? { code: errorCode, message } : { errorCode, message }, {
    'cache-control': 'no-store',
    ...headers,
  });

function authorized(request: MockRequest): boolean {
  const expected = Buffer.from(
    `Basic ${Buffer.from(`${enfuceMockCredentials.username}:${enfuceMockCredentials.password}`).toString('base64')}`,
  );
  const given = Buffer.from(String(request.headers.authorization ?? ''));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

// Expired tokens are dropped when the store has doubled since the last sweep: a sweep per
// request over thousands of live tokens would make the store the mock's bottleneck.
function prune(s: EnfuceState, ttlMs: number): void {
  if (s.tokens.size < s.sweepAt) return;
  const now = s.clock.now();
  for (const [t, v] of s.tokens) if (now - v.issuedAt >= ttlMs) s.tokens.delete(t);
  s.sweepAt = Math.max(10_000, s.tokens.size * 2);
}

const controlToken = route({
  method: 'POST',
  path: '/v4/card/:cardId/controlToken',
  defects: [
    'auth-not-checked',
    'audit-user-optional',
    'pan-in-api-error',
    'unknown-card-201',
    'card-status-checked',
    'predictable-token',
    'frame-url-missing',
    'card-data-in-token-response',
    'token-ttl-60s',
    'token-ttl-5s',
  ],
  handle(s, request, flaw) {
    if (!flaw['auth-not-checked'] && !authorized(request)) {
      return apiError(s, 401, 'UNAUTHORIZED', 'Basic authentication required', {
        'www-authenticate': 'Basic realm="Enfuce Card API", charset="UTF-8"',
      });
    }
    const auditUser = request.url.searchParams.get('auditUser');
    const card = s.cards.get(request.params.cardId ?? '');
    if (!flaw['audit-user-optional'] && (auditUser === null || auditUser.trim() === '')) {
      return apiError(
        s,
        400,
        'BAD_REQUEST',
        `query parameter auditUser is required${flaw['pan-in-api-error'] && card ? ` to reveal card ${card.pan}` : ''}`,
      );
    }
    if (!card && !flaw['unknown-card-201'])
      return apiError(s, s.variants.has('unknown-card-400') ? 400 : 404, 'CARD_NOT_FOUND', 'no card with this cardId');
    if (card?.status === 'FROZEN' && flaw['card-status-checked']) {
      return apiError(s, 403, 'CARD_NOT_ACTIVE', 'card is not active');
    }
    prune(s, ttlOf(flaw));
    const token = flaw['predictable-token']
      ? `tok-${String(++s.counter).padStart(12, '0')}`
      : s.variants.has('long-tokens')
        ? randomBytes(32).toString('hex')
        : randomBytes(32).toString('base64url');
    s.tokens.set(token, { cardId: request.params.cardId ?? '', issuedAt: s.clock.now(), used: false });
    const base = s.pagesUrl();
    return json(
      201,
      {
        token,
        cardDataUrl: `${base}${s.pages.view}`,
        ...(flaw['frame-url-missing'] ? {} : { cardDataFrameUrl: `${base}${s.pages.frame}` }),
        ...(flaw['card-data-in-token-response'] && card ? { maskedPan: card.pan } : {}),
        ...(s.variants.has('extra-response-fields')
          ? { expiresIn: 30, requestId: randomBytes(8).toString('hex') }
          : {}),
      },
      { 'cache-control': 'no-store' },
    );
  },
});

const cardData = route({
  method: 'POST',
  path: (s) => s.pages.view,
  defects: [
    'crash-on-bad-input',
    'token-field-renamed',
    'frame-renders-without-token',
    'snapshot-without-cvv',
    'error-page-shows-card',
    'token-reusable',
    'frame-token-reusable',
    'token-ttl-60s',
    'token-ttl-5s',
    'no-store-missing',
  ],
  handle(s, request, flaw) {
    const type = String(request.headers['content-type'] ?? '')
      .split(';')[0]
      ?.trim()
      .toLowerCase();
    const text = request.body.toString('utf8');
    let form: URLSearchParams | undefined;
    if (type === 'application/x-www-form-urlencoded' && !/%(?![0-9a-fA-F]{2})/.test(text))
      form = new URLSearchParams(text);
    if (!form) {
      if (flaw['crash-on-bad-input']) {
        return {
          status: 500,
          body: "TypeError: Cannot read properties of undefined (reading 'token')\n    at cardData (mocks/enfuce/index.ts:120:31)",
          headers: { 'content-type': 'text/plain' },
        };
      }
      return html(
        415,
        errorPage(
          'Unsupported request',
          'Send the token as an application/x-www-form-urlencoded form field named token.',
        ),
        flaw,
      );
    }
    const withCvv = !flaw['snapshot-without-cvv'];
    const token = form.get(flaw['token-field-renamed'] ? 'controlToken' : 'token') ?? '';
    if (token === '') {
      if (flaw['frame-renders-without-token'] && s.lastViewed)
        return html(200, snapshotPage(s.lastViewed, withCvv), flaw);
      return html(400, errorPage('Token missing', 'The form field token is required.'), flaw);
    }
    const issued = s.tokens.get(token);
    const refused = (why: string) =>
      html(
        403,
        errorPage(
          'Card data not available',
          why + (flaw['error-page-shows-card'] && issued ? ` (card ${s.cards.get(issued.cardId)?.pan ?? ''})` : ''),
        ),
        flaw,
      );
    if (!issued) return refused('The token is not valid.');
    if (s.clock.now() - issued.issuedAt >= ttlOf(flaw)) return refused('The token is not valid.');
    // The frame's request comes from the frame page (an Origin header), the app's does not.
    const reusable = flaw['token-reusable'] || (flaw['frame-token-reusable'] && request.headers.origin !== undefined);
    if (issued.used && !reusable) return refused('The token is not valid.');
    const card = s.cards.get(issued.cardId);
    if (!card) return refused('The token is not valid.');
    issued.used = true;
    s.lastViewed = card;
    return html(200, snapshotPage(card, withCvv), flaw);
  },
});

const frame = route({
  method: 'GET',
  path: (s) => s.pages.frame,
  defects: [
    'frame-key-not-checked',
    'frame-ancestors-missing',
    'frame-accepts-any-origin',
    'frame-accepts-any-origin-after-await',
    'frame-accepts-any-operation',
    'frame-ignores-view-pan',
    'frame-renders-without-token',
    'no-store-missing',
  ],
  handle(s, request, flaw) {
    const key = request.url.searchParams.get('key');
    let origin = key ? s.frameKeys.get(key) : undefined;
    if (!origin) {
      if (!flaw['frame-key-not-checked']) {
        return key
          ? html(403, errorPage('Unknown key', 'This key was not agreed for the card-data frame.'), flaw)
          : html(400, errorPage('Key missing', 'The query parameter key is required.'), flaw);
      }
      origin = '*';
    }
    const nonce = randomBytes(16).toString('base64');
    const csp = [
      "default-src 'none'",
      `script-src 'nonce-${nonce}'`,
      "style-src 'unsafe-inline'",
      "connect-src 'self'",
      "base-uri 'none'",
      "form-action 'none'",
      ...(flaw['frame-ancestors-missing'] ? [] : [`frame-ancestors ${origin}`]),
    ].join('; ');
    return html(
      200,
      framePage({
        agreedOrigin: origin,
        viewUrl: s.pages.view,
        nonce,
        checkOrigin:
          !flaw['frame-accepts-any-origin'] && !flaw['frame-accepts-any-origin-after-await'] && origin !== '*',
        checkOperation: !flaw['frame-accepts-any-operation'],
        operation: flaw['frame-ignores-view-pan'] ? 'viewPan' : 'view-pan',
        requireToken: !flaw['frame-renders-without-token'],
        renderDelayMs: s.variants.has('frame-slow-render') ? 1_000 : 0,
        actDelayMs: flaw['frame-accepts-any-origin-after-await'] ? 100 : 0,
      }),
      flaw,
      { 'content-security-policy': csp, 'referrer-policy': 'no-referrer' },
    );
  },
});

const control = routeOf<EnfuceState, never>();
const controlRoutes = [
  control({
    method: 'POST',
    path: '/__mock/frame-keys',
    defects: [],
    handle(s, request) {
      const body = jsonBodyAs(request, FrameKeyBody);
      if (!body) return json(400, { error: 'expected {"key": string, "origin": URL}' });
      s.frameKeys.set(body.key, new URL(body.origin).origin);
      return json(201, { key: body.key, origin: s.frameKeys.get(body.key) });
    },
  }),
  control({
    // Issues a token with a chosen value and age: provider states for the Pact verification.
    method: 'POST',
    path: '/__mock/tokens',
    defects: [],
    handle(s, request) {
      const body = jsonBodyAs(request, SeedTokenBody);
      if (!body) return json(400, { error: 'expected {"token", "cardId", "ageMs"?, "used"?}' });
      if (!s.cards.has(body.cardId)) return json(404, { error: 'unknown cardId' });
      s.tokens.set(body.token, { cardId: body.cardId, issuedAt: s.clock.now() - body.ageMs, used: body.used });
      return json(201, { token: body.token });
    },
  }),
];

const REFUSALS: Record<FrameworkRefusal, string> = {
  'not-found': 'no such resource',
  'method-not-allowed': 'method not allowed for this resource',
  'too-large': 'request body too large',
  'bad-path': 'malformed path parameter',
  internal: 'internal error',
};

const refusal = refusalOf<EnfuceState, Flaw>()({
  defects: ['no-store-missing'],
  handle(s, request, status, reason, flaw) {
    const message = REFUSALS[reason] ?? reason;
    if (underPages(s, request.url.pathname)) return html(status, errorPage('Request refused', message), flaw);
    return apiError(s, status, reason.toUpperCase().replace(/-/g, '_'), message);
  },
});

/** A path among the card-data pages' (their refusals are HTML pages, and another origin may serve them). */
const underPages = (s: EnfuceState, pathname: string) =>
  pathname === s.pages.prefix || pathname.startsWith(`${s.pages.prefix}/`);

export function createEnfuceMock(options: EnfuceMockOptions): MockApp<EnfuceMockState> {
  const variants = new VariantSet<EnfuceVariantName>(enfuceVariants, options.variants ?? []);
  const otherOrigin = variants.has('card-data-other-origin');
  const seededKeys = options.frameKeys ?? { 'demo-merchant': 'http://localhost:8081' };
  const state: EnfuceState = {
    clock: options.clock,
    variants,
    baseUrl: options.baseUrl,
    pages: PAGE_PATHS[PATH_VARIANTS.find((v) => variants.has(v)) ?? 'reference'],
    pagesUrl: otherOrigin && options.secondUrl ? options.secondUrl : options.baseUrl,
    cards: new Map(enfuceCards.map((c) => [c.cardId, c])),
    seededKeys,
    tokens: new Map(),
    frameKeys: new Map(Object.entries(seededKeys)),
    lastViewed: undefined,
    counter: 0,
    sweepAt: 10_000,
  };
  return stateMock({
    provider: 'enfuce',
    state,
    defects: new DefectSet<EnfuceDefectName>(enfuceDefects, options.defects ?? []),
    allDefects: enfuceDefects,
    routes: [controlToken, cardData, frame],
    controlRoutes,
    refusal,
    snapshot: (s) => ({
      cards: [...s.cards.values()],
      credentials: enfuceMockCredentials,
      frameKeys: Object.fromEntries(s.frameKeys),
      // Where the frame lives, for checks whose token answer lacks it (the frame-url-missing defect).
      cardDataFrameUrl: `${s.pagesUrl()}${s.pages.frame}`,
      tokenTtlMs: ENFUCE_TOKEN_TTL_MS,
      issuedTokens: s.tokens.size,
    }),
    vendorEnv: enfuceVendorEnv,
    ...(otherOrigin ? { secondOrigin: underPages } : {}),
    reset(s) {
      s.tokens = new Map();
      s.sweepAt = 10_000;
      s.frameKeys = new Map(Object.entries(s.seededKeys));
      s.lastViewed = undefined;
      s.counter = 0;
    },
  });
}

/** The variables a vendor would set for this mock run as a sandbox (`mock --write-env`). */
export function enfuceVendorEnv(s: EnfuceMockState, url: string): Record<string, string> {
  // The frame key the mock has agreed for a merchant origin, as a sandbox's onboarding gives one.
  const [frameKey, frameOrigin] = Object.entries(s.frameKeys)[0] ?? [];
  const active = s.cards.find((c) => c.status === 'ACTIVE')!;
  const frozen = s.cards.find((c) => c.status === 'FROZEN');
  return {
    ENFUCE_BASE_URL: url,
    ENFUCE_USERNAME: s.credentials.username,
    ENFUCE_PASSWORD: s.credentials.password,
    ENFUCE_CARD_ID: active.cardId,
    ENFUCE_CARD_PAN: active.pan,
    ENFUCE_CARD_EXPIRY: active.expiry,
    ENFUCE_CARD_CVV2: active.cvv2,
    ...(frozen ? { ENFUCE_FROZEN_CARD_ID: frozen.cardId } : {}),
    ...(frameKey && frameOrigin ? { ENFUCE_FRAME_KEY: frameKey, ENFUCE_FRAME_ORIGIN: frameOrigin } : {}),
    // The frame URL as onboarding documents it: the frame checks' way in when a token answer leaves it out.
    ENFUCE_CARD_DATA_FRAME_URL: s.cardDataFrameUrl,
  };
}

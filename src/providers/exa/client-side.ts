// Exa's client side: what an app that reveals the card with GET /card must do (the document's
// Steps 1-3), and the cases that try it. The harness stands between the app and the reference
// mock with an RSA key of its own: the app encrypts its secret to that key (EXA_PUBLIC_KEY is the
// harness's), so the harness reads the secret, re-encrypts it to the mock, and can then serve the
// mock's answer honestly or altered as each case says.
import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import type { EncryptedField } from '../../../schemas/exa.ts';
import { defineRequirements } from '../../core/requirements.ts';
import { STANDARDS } from '../../core/standards.ts';
import type { CardSecrets } from '../../core/mask.ts';
import { CryptoError } from '../../crypto/errors.ts';
import type { Exchange, Interceptor } from '../../client/adversary.ts';
import { GCM_ALTERATIONS } from '../../client/gcm-alterations.ts';
import { expectDistinct, expectShows, honestVerdict } from '../../client/judge.ts';
import { refusalCase } from '../../client/refusal-case.ts';
import type { ClientFinding } from '../../client/record.ts';
import { appVars, type CaseAdversary, type ClientCase, type ClientSide } from '../../client/side.ts';
import { decryptField, encryptField } from './card-data.ts';
import { exaCatalogue } from './catalogue.ts';
import { makeSession, openSession } from './session.ts';

const APP = 'GET /card (the app)';

export const exaClientRequirements = defineRequirements({
  'EXA-CLIENT-SESSIONID': {
    endpoint: APP,
    section: 'Retrieving encrypted card details; Step 1: Generate a sessionid and secret',
    text: "The app sends sessionid: the provided public RSA key's RSA-OAEP encryption (SHA-1, the default of the document's publicEncrypt) of the UTF-8 base64 of the 16 bytes of a 32-character hexadecimal secret.",
    source: 'document',
    quotes: [
      'Generate a session ID: Encrypt a 32-character hexadecimal secret (no spaces/dashes) with the provided public RSA key using RSA-OAEP.',
      'Include the encrypted secret in the header sessionid when calling this endpoint.',
    ],
    severity: 'blocker',
  },
  'EXA-CLIENT-FRESH-SECRET': {
    endpoint: APP,
    section: 'Step 1: Generate a sessionid and secret',
    text: "Every request has a secret of its own: the document's session() draws it from crypto.randomUUID() on each call.",
    source: 'document',
    quotes: ['const secret = crypto.randomUUID().replaceAll("-", "");'],
    severity: 'critical',
  },
  'EXA-CLIENT-OPENS-ANSWER': {
    endpoint: APP,
    section: 'Step 3: Decrypt the response',
    text: 'The app opens encryptedPan, encryptedCvc and pin ({data, iv}: AES-128-GCM under the secret, data = ciphertext ‖ 16-byte tag) and shows exactly the card served, the PIN read from its format-2 PIN block.',
    source: 'document',
    quotes: ['Use the original secret to decrypt encryptedPan, encryptedCvc, and pin (each returned as { data, iv }).'],
    severity: 'blocker',
  },
  'EXA-CLIENT-ANSWER-AUTHENTIC': {
    endpoint: APP,
    section: "Step 3: Decrypt the response (the document's decrypt sets the 16-byte tag and calls final())",
    text: 'An answer that does not verify shows nothing: a tag altered, cut short or missing, a ciphertext bit flipped, another IV or another key, and the app refuses (exit ≠ 0) with no card on stdout.',
    source: 'standard',
    severity: 'blocker',
    cites: [STANDARDS.gcmAuthenticatedDecryption],
  },
});
type Rule = keyof typeof exaClientRequirements;

/** What an Exa app shows: the card's PAN, CVC and PIN (null when the card has none). */
export const ExaShown = z.looseObject({
  pan: z.string().regex(/^\d{12,19}$/),
  cvc: z.string().regex(/^\d{3,4}$/),
  pin: z
    .string()
    .regex(/^\d{4,12}$/)
    .nullable(),
});

/** What an app is given: where Exa is, the cardholder's credential, the key to encrypt to. Never the card. */
const APP_VARS = ['EXA_TOKEN'] as const;

let harnessKey: { publicPem: string; privateKey: KeyObject } | undefined;
/** The harness's own RSA key, the one the app is told is Exa's (made once per process). */
function ownKey() {
  if (!harnessKey) {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    harnessKey = { publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), privateKey };
  }
  return harnessKey;
}

/** Why a sessionid is not the document's, as far as the harness can tell. */
function sessionProblem(privateKey: KeyObject, sessionid: string): string {
  try {
    openSession(privateKey, sessionid, 'sha256');
    return 'it is RSA-OAEP with SHA-256, not the SHA-1 of the document';
  } catch (e) {
    return e instanceof CryptoError ? e.message : 'it does not open';
  }
}

type Tamper = (field: EncryptedField, secret: Buffer) => EncryptedField;
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

/** One case's man in the middle: reads the app's secret, and alters the answer's fields when told. */
function exaAdversary(vars: Record<string, string>, tamper?: Tamper) {
  const key = ownKey();
  const sessions: { sessionid: string; secret?: Buffer; problem?: string }[] = [];
  let altered = 0;
  let cardRequests = 0;
  const secretOf = (sessionid: string | undefined) => sessions.find((s) => s.sessionid === sessionid)?.secret;
  const interceptor: Interceptor = {
    request(r: Exchange) {
      if (!r.path.startsWith('/card')) return r;
      cardRequests++;
      const sessionid = r.headers.sessionid;
      if (sessionid === undefined) return r;
      try {
        const secret = openSession(key.privateKey, sessionid);
        sessions.push({ sessionid, secret });
        return { ...r, headers: { ...r.headers, sessionid: makeSession(vars.EXA_PUBLIC_KEY!, { secret }).sessionid } };
      } catch {
        sessions.push({ sessionid, problem: sessionProblem(key.privateKey, sessionid) });
        // The mock refuses it as Exa would: the app's sessionid was never made for the mock's key.
        return { ...r, headers: { ...r.headers, sessionid: 'AAAA' } };
      }
    },
    answer(r, a) {
      const secret = secretOf(r.headers.sessionid);
      if (!tamper || !secret || a.status !== 200) return a;
      const body = JSON.parse(a.body.toString('utf8')) as Record<string, EncryptedField | null | undefined>;
      for (const f of ['encryptedPan', 'encryptedCvc', 'pin'] as const) {
        const field = body[f];
        if (field && typeof field === 'object') body[f] = tamper(field, secret);
      }
      altered++;
      return { ...a, body: Buffer.from(JSON.stringify(body)) };
    },
  };
  const sessionFindings = (): ClientFinding[] => {
    const rule: Rule = 'EXA-CLIENT-SESSIONID';
    const check = 'the sessionid opens with RSA-OAEP (SHA-1) to the base64 of 16 secret bytes';
    if (!cardRequests)
      return [
        { requirement: rule, check, expected: 'a GET /card with a sessionid', received: 'no request for the card' },
      ];
    if (!sessions.length)
      return [{ requirement: rule, check, expected: 'a sessionid header', received: 'GET /card without a sessionid' }];
    return sessions
      .filter((s) => s.problem)
      .map((s) => ({
        requirement: rule,
        check,
        expected: 'a sessionid as the document makes it',
        received: s.problem!,
      }));
  };
  return {
    interceptor,
    env: (url: string) => ({
      EXA_BASE_URL: url,
      EXA_PUBLIC_KEY: key.publicPem,
      ...appVars(vars, APP_VARS),
    }),
    sessions,
    sessionFindings,
    altered: () => altered,
    cardRequests: () => cardRequests,
  };
}

const cardOf = (vars: Record<string, string>) => ({
  pan: vars.EXA_CARD_PAN!,
  cvc: vars.EXA_CARD_CVC!,
  pin: vars.EXA_CARD_PIN ?? null,
});
const secretsOf = (vars: Record<string, string>): CardSecrets => ({
  pan: vars.EXA_CARD_PAN,
  cvv: vars.EXA_CARD_CVC,
  pin: vars.EXA_CARD_PIN,
});
const FIELDS = ['pan', 'cvc', 'pin'];

const honest: ClientCase = {
  name: 'honest',
  title: 'the answer as the mock gives it: the app shows exactly the card',
  requirements: ['EXA-CLIENT-SESSIONID', 'EXA-CLIENT-OPENS-ANSWER'],
  served: 'the honest answer',
  adversary(vars): CaseAdversary {
    const a = exaAdversary(vars);
    return {
      ...a,
      judge: ([run]) =>
        honestVerdict({
          asked: a.cardRequests() > 0,
          request: {
            rule: 'EXA-CLIENT-SESSIONID',
            findings: a.sessionFindings,
            unasked: 'the app sent no request for the card',
          },
          answer: {
            rule: 'EXA-CLIENT-OPENS-ANSWER',
            shows: () => expectShows(run!, 'EXA-CLIENT-OPENS-ANSWER', ExaShown, '{pan, cvc, pin}', cardOf(vars)),
            unanswered: 'no sessionid the mock could use, so no card to open',
          },
        }),
    };
  },
};

const fresh: ClientCase = {
  name: 'fresh-secret',
  title: 'two reveals: each request has a secret of its own',
  requirements: ['EXA-CLIENT-FRESH-SECRET'],
  served: 'two honest answers',
  runs: 2,
  adversary(vars): CaseAdversary {
    const a = exaAdversary(vars);
    return {
      ...a,
      judge: () =>
        expectDistinct(
          a.sessions.flatMap((x) => (x.secret ? [x.secret.toString('hex')] : [])),
          { requirement: 'EXA-CLIENT-FRESH-SECRET', what: 'secret' },
        ),
    };
  },
};

/** A case that alters every encrypted field of the answer; the app must refuse it. */
const altered = (name: string, served: string, tamper: Tamper): ClientCase =>
  refusalCase({
    name,
    served,
    rule: 'EXA-CLIENT-ANSWER-AUTHENTIC',
    fields: FIELDS,
    card: secretsOf,
    adversary: (vars) => exaAdversary(vars, tamper),
    didServe: (a) => a.altered() > 0,
    notRun: 'the app asked nothing the case could alter (no sessionid the harness could open)',
  });

export const exaClientCases: readonly ClientCase[] = [
  honest,
  fresh,
  // Each alteration on every encrypted field of the answer.
  ...GCM_ALTERATIONS.map((g) =>
    altered(g.name, `${g.served} in each field`, (f) => ({ ...f, data: b64(g.alter(Buffer.from(f.data, 'base64'))) })),
  ),
  altered('other-iv', 'an answer whose fields carry another IV', (f) => ({
    ...f,
    iv: b64(randomBytes(Buffer.from(f.iv, 'base64').length)),
  })),
  altered('other-key', 'an answer encrypted under another key', (f, secret) => {
    const iv = Buffer.from(f.iv, 'base64');
    return encryptField(decryptField(f, secret, 'the field'), randomBytes(16), iv.length === 12 ? 12 : 16);
  }),
];

export const exaClientSide: ClientSide = {
  provider: 'exa',
  title: 'Exa card API — an app that reveals the card with GET /card',
  document: exaCatalogue.document,
  requirements: Object.values(exaClientRequirements),
  output: ExaShown,
  outputFields: '{pan, cvc, pin}',
  cases: exaClientCases,
  card: secretsOf,
};

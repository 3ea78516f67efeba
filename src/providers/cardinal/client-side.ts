// Cardinal's client side: what a merchant backend that runs the FIDO look-up (DX GetInfo) must do,
// and the cases that try it. The harness stands between it and the reference mock: it checks the
// request's signature with the API key, hands the request on, and serves the answer honestly or as
// an error inside HTTP 200 (DX's own way), which the app must not take for a result.
import { z } from 'zod';
import { Algorithm, FlowType } from '../../../schemas/cardinal.ts';
import { defineRequirements } from '../../core/requirements.ts';
import type { Exchange, Interceptor } from '../../client/adversary.ts';
import { expectDistinct, expectShows } from '../../client/judge.ts';
import { refusalCase } from '../../client/refusal-case.ts';
import type { ClientFinding } from '../../client/record.ts';
import { appVars, type CaseAdversary, type CaseVerdict, type ClientCase, type ClientSide } from '../../client/side.ts';
import { cardinalCatalogue } from './catalogue.ts';
import { dxSignature, signatureMatches } from './signature.ts';

const APP = 'POST /V1/AccountNumber/GetInfo (the merchant backend)';

export const cardinalClientRequirements = defineRequirements({
  'CDX-CLIENT-SIGNED': {
    endpoint: APP,
    section: 'GetInfo Request Fields for FIDO: Signature, Timestamp, Identifier, Algorithm',
    text: 'The request carries Identifier, OrgUnitId, Algorithm (SHA-256 or SHA-512), Timestamp, TransactionId and Signature = Base64(digest(Timestamp + TransactionId + ApiKey)) with the digest named in Algorithm (as the server rule CDX-SIGNATURE).',
    source: 'provider-docs',
    severity: 'blocker',
  },
  'CDX-CLIENT-TRANSACTION-ID': {
    endpoint: APP,
    section: 'Request fields (TransactionId)',
    text: 'TransactionId: a unique alphanumeric identifier, so a new one on every request.',
    source: 'document',
    quotes: ['TransactionId A unique alphanumeric identifier.'],
    severity: 'normal',
  },
  'CDX-CLIENT-READS-ANSWER': {
    endpoint: APP,
    section: 'Sample GetInfo Response; Payload Details',
    text: 'The app acts on Payload.Account as answered: CardBrand, LastFour and Fido.FlowType (none when Account has no Fido).',
    source: 'document',
    quotes: [
      'Fido.FlowType Indicates what type of flow the cardholder should be moved through. This is a key piece of information determining how to move forward in the transaction.',
    ],
    severity: 'critical',
  },
  'CDX-CLIENT-ERROR-NUMBER': {
    endpoint: APP,
    section: 'Response fields (ErrorNumber)',
    text: 'ErrorNumber: a non-zero value represents the error encountered while attempting the process the message request: an answer with a non-zero ErrorNumber (in HTTP 200) is an error, never a result.',
    source: 'document',
    quotes: [
      'ErrorNumber Application error number; a non-zero value represents the error encountered while attempting the process the message request.',
    ],
    severity: 'critical',
  },
});

/** What the app acts on: the brand, the last four, the FIDO flow (null outside FIDO). */
const CardinalShown = z.looseObject({
  cardBrand: z.string().min(1),
  lastFour: z.string().regex(/^\d{4}$/),
  flowType: FlowType.nullable(),
});
/** The app is given its DX credentials and what its user enters: the PAN, an email, the FIDO setup payload. */
const APP_VARS = [
  'CARDINAL_IDENTIFIER',
  'CARDINAL_API_KEY',
  'CARDINAL_ORG_UNIT_ID',
  'CARDINAL_FIDO_SETUP_PAYLOAD',
] as const;
const EMAIL = 'client-check@cardholder.example';

const Signed = z.looseObject({
  Algorithm,
  Identifier: z.string(),
  OrgUnitId: z.string(),
  Signature: z.string(),
  Timestamp: z.union([z.string(), z.number()]),
  TransactionId: z.string(),
});

function cardinalAdversary(vars: Record<string, string>, answerWithError: boolean) {
  const requests: { transactionId?: string; problem?: string }[] = [];
  let account: { cardBrand: string; lastFour: string; flowType: string | null } | undefined;
  let altered = 0;
  const interceptor: Interceptor = {
    request(r: Exchange) {
      if (!/\/GetInfo(\?|$)/.test(r.path)) return r;
      let body: z.infer<typeof Signed>;
      try {
        body = Signed.parse(JSON.parse(r.body.toString('utf8')));
      } catch {
        requests.push({
          problem: 'the body is not JSON with Algorithm, Identifier, OrgUnitId, Signature, Timestamp and TransactionId',
        });
        return r;
      }
      const expected = dxSignature({
        recipe: 'timestamp+transactionId+apiKey',
        algorithm: body.Algorithm,
        timestamp: body.Timestamp,
        transactionId: body.TransactionId,
        apiKey: vars.CARDINAL_API_KEY!,
      });
      requests.push({
        transactionId: body.TransactionId,
        ...(body.Identifier !== vars.CARDINAL_IDENTIFIER
          ? { problem: 'Identifier is not the API key identifier' }
          : !signatureMatches(body.Signature, expected)
            ? { problem: `Signature is not Base64(${body.Algorithm}(Timestamp + TransactionId + ApiKey))` }
            : {}),
      });
      return r;
    },
    answer(r, a) {
      if (!/\/GetInfo(\?|$)/.test(r.path) || a.status !== 200) return a;
      const body = JSON.parse(a.body.toString('utf8')) as Record<string, unknown> & {
        RequestId?: string;
        Payload?: { Account?: { CardBrand?: string; LastFour?: string; Fido?: { FlowType?: string } } };
      };
      const acc = body.Payload?.Account;
      if (acc?.CardBrand && acc.LastFour)
        account = { cardBrand: acc.CardBrand, lastFour: acc.LastFour, flowType: acc.Fido?.FlowType ?? null };
      if (!answerWithError || !account) return a;
      altered++;
      // DX's error form, in HTTP 200 as DX answers errors.
      const error = { ErrorNumber: 1011, ErrorDescription: 'Error processing request', RequestId: body.RequestId };
      return { ...a, body: Buffer.from(JSON.stringify(error)) };
    },
  };
  const requestFindings = (): ClientFinding[] => {
    const check = 'the request is signed with the API key as documented';
    if (!requests.length)
      return [
        { requirement: 'CDX-CLIENT-SIGNED', check, expected: 'a POST to GetInfo', received: 'no request reached DX' },
      ];
    return requests
      .filter((q) => q.problem)
      .map((q) => ({ requirement: 'CDX-CLIENT-SIGNED', check, expected: 'a signed request', received: q.problem! }));
  };
  return {
    interceptor,
    env: (url: string) => ({
      CARDINAL_BASE_URL: url,
      CARDINAL_PAN: vars.CARDINAL_FIDO_PAN!,
      CARDINAL_EMAIL: EMAIL,
      ...appVars(vars, APP_VARS),
    }),
    requests,
    requestFindings,
    account: () => account,
    altered: () => altered,
  };
}

const secretsOf = (vars: Record<string, string>) => ({ pan: vars.CARDINAL_FIDO_PAN });

const honest: ClientCase = {
  name: 'honest',
  title: 'the look-up as DX answers it: the app acts on the brand, last four and flow answered',
  requirements: ['CDX-CLIENT-SIGNED', 'CDX-CLIENT-READS-ANSWER'],
  served: 'the honest answer',
  adversary(vars): CaseAdversary {
    const a = cardinalAdversary(vars, false);
    return {
      ...a,
      judge: ([run]): CaseVerdict => {
        const bad = a.requestFindings();
        if (bad.length) return { findings: bad, unjudged: { 'CDX-CLIENT-READS-ANSWER': 'no request DX could answer' } };
        const account = a.account();
        if (!account) return { findings: [], unjudged: { 'CDX-CLIENT-READS-ANSWER': 'DX answered no Account' } };
        return {
          findings: expectShows(
            run!,
            'CDX-CLIENT-READS-ANSWER',
            CardinalShown,
            '{cardBrand, lastFour, flowType}',
            account,
          ),
        };
      },
    };
  },
};

const freshId: ClientCase = {
  name: 'fresh-transaction-id',
  title: 'two look-ups: each request has a TransactionId of its own',
  requirements: ['CDX-CLIENT-TRANSACTION-ID'],
  served: 'two honest answers',
  runs: 2,
  adversary(vars): CaseAdversary {
    const a = cardinalAdversary(vars, false);
    return {
      ...a,
      judge: () =>
        expectDistinct(
          a.requests.flatMap((q) => (q.transactionId ? [q.transactionId] : [])),
          { requirement: 'CDX-CLIENT-TRANSACTION-ID', what: 'TransactionId' },
        ),
    };
  },
};

const errorIn200 = refusalCase({
  name: 'error-in-200',
  title: 'an answer with ErrorNumber 1011 in HTTP 200: the app refuses, and acts on nothing',
  served: 'an error answer (ErrorNumber 1011) in HTTP 200',
  rule: 'CDX-CLIENT-ERROR-NUMBER',
  fields: ['flowType', 'cardBrand', 'lastFour'],
  card: secretsOf,
  adversary: (vars) => cardinalAdversary(vars, true),
  didServe: (a) => a.altered() > 0,
  notRun: 'the app asked nothing the case could answer with an error',
});

export const cardinalClientSide: ClientSide = {
  provider: 'cardinal',
  title: 'Cardinal DX — a merchant backend that runs the FIDO look-up',
  document: cardinalCatalogue.document,
  requirements: Object.values(cardinalClientRequirements),
  output: CardinalShown,
  outputFields: '{cardBrand, lastFour, flowType}',
  cases: [honest, freshId, errorIn200],
  card: secretsOf,
};

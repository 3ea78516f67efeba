// Solaris's client side: what an app that opens the secure card view must do (POST
// /v1/cards/{id}/virtual_card_requests with its JWK, signed by the bound device; the answer a JWE
// to that JWK), and the cases that try it. The harness stands between the app and the reference
// mock with an RSA key of its own: it checks the app's signature, sends the mock its own JWK signed
// with the same device key, opens the mock's JWE, and encrypts the card details again to the
// app's JWK: as asked, or with another alg or enc, an unknown crit, an altered tag or another key.
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { JweAlg, JweEnc, type SolarisJweAlg, type SolarisJweEnc } from '../../../schemas/solaris.ts';
import { defineRequirements } from '../../core/requirements.ts';
import { STANDARDS } from '../../core/standards.ts';
import { fromBase64Url, toBase64Url } from '../../crypto/base64.ts';
import { encryptCompact, type ContentEnc, type KeyWrap } from '../../crypto/jwe.ts';
import type { Exchange, Interceptor } from '../../client/adversary.ts';
import { GCM_ALTERATIONS, type GcmAlteration } from '../../client/gcm-alterations.ts';
import { expectShows, honestVerdict } from '../../client/judge.ts';
import { refusalCase } from '../../client/refusal-case.ts';
import type { ClientFinding } from '../../client/record.ts';
import { appVars, type CaseAdversary, type ClientCase, type ClientSide } from '../../client/side.ts';
import {
  CONTENT_ENC,
  decryptCardDetails,
  KEY_WRAP,
  newEncryptionKey,
  publicKeyOfJwk,
  type EncryptionKey,
} from './card-details.ts';
import { solarisCatalogue } from './catalogue.ts';
import { signJwk, verifyJwkSignature } from './device.ts';

const APP = 'POST /v1/cards/{id}/virtual_card_requests (the app)';

export const solarisClientRequirements = defineRequirements({
  'SOL-CLIENT-REQUEST': {
    endpoint: APP,
    section: 'Request fields (signature, jwk, jwe)',
    text: 'The app sends its RSA public key as jwk (kty RSA, n, e), the bound device\'s signature over the JWK string (default: members sorted, key:value joined with ",", hex of the DER ECDSA signature), and the jwe alg and enc it will decrypt.',
    source: 'document',
    quotes: [
      '`jwk` (object, required) [JSON Web Key (JWK)](https://datatracker.ietf.org/doc/html/rfc7517) data that will be used to encrypt the card details.',
      "The signature must be generated using the device's",
    ],
    severity: 'blocker',
  },
  'SOL-CLIENT-OPENS-ANSWER': {
    endpoint: APP,
    section: 'Response 200 fields (data: the JWE-encrypted card details)',
    text: 'The app decrypts data with its private key for the jwe.alg and jwe.enc it asked for, and shows exactly the card served: pan, cvc, expires_at.',
    source: 'document',
    quotes: [
      'The response is encrypted; your customer must decrypt it using a bound device.',
      '`data` (string) The JWE-encrypted card details.',
    ],
    severity: 'blocker',
  },
  'SOL-CLIENT-ALGORITHMS-AS-ASKED': {
    endpoint: APP,
    section: 'Request fields (jwe.alg, jwe.enc)',
    text: 'A JWE whose alg or enc is not the one the app asked for (RSA-OAEP with SHA-1 or RSA1_5 for RSA_OAEP_256, A256CBC-HS512 for A256GCM), or that lists an extension in crit the app does not know, is refused: the app shows nothing.',
    source: 'standard',
    severity: 'blocker',
    cites: [STANDARDS.jwtAlgorithmAllowList, STANDARDS.joseCrit],
  },
  'SOL-CLIENT-ANSWER-AUTHENTIC': {
    endpoint: APP,
    section: 'Response 200 fields (data)',
    text: 'A JWE that does not verify shows nothing: a tag altered, cut short or missing, a ciphertext bit flipped, a content key for another RSA key, and the app refuses (exit ≠ 0) with no card on stdout.',
    source: 'standard',
    severity: 'blocker',
    cites: [STANDARDS.gcmAuthenticatedDecryption],
  },
});
type Rule = keyof typeof solarisClientRequirements;

/** What a Solaris app shows: the decrypted card details. */
const SolarisShown = z.looseObject({
  pan: z.string().regex(/^\d{13,19}$/),
  cvc: z.string().regex(/^\d{3,4}$/),
  expires_at: z.iso.date(),
});
/** An app is given the bound device (id and key), the card id and the partner's token: never the card's values. */
const APP_VARS = [
  'SOLARIS_ACCESS_TOKEN',
  'SOLARIS_CARD_ID',
  'SOLARIS_DEVICE_ID',
  'SOLARIS_DEVICE_PRIVATE_KEY',
] as const;

const Request = z.looseObject({
  signature: z.string(),
  jwk: z.looseObject({ n: z.string(), e: z.string(), kid: z.string().optional() }),
  jwe: z.looseObject({ alg: JweAlg, enc: JweEnc }),
});

let harnessKey: EncryptionKey | undefined;
const ownKey = () => (harnessKey ??= newEncryptionKey());
let otherKey: EncryptionKey | undefined;
const anotherKey = () => (otherKey ??= newEncryptionKey());

/** What the app asked for, and the key it asked to have the card encrypted to. */
interface Asked {
  key: KeyObject;
  kid?: string | undefined;
  alg: SolarisJweAlg;
  enc: SolarisJweEnc;
}
type Serve = (plaintext: Buffer, asked: Asked) => string;

const OTHER_ENC: Record<SolarisJweEnc, ContentEnc> = { A256GCM: 'A256CBC-HS512', A256CBC_HS512: 'A256GCM' };
/** A JWE as the app asked for it, with these options changed. */
const asAsked =
  (change: Partial<{ wrap: KeyWrap; enc: ContentEnc; header: Record<string, unknown>; key: KeyObject }> = {}): Serve =>
  (plaintext, a) =>
    encryptCompact(change.key ?? a.key, plaintext, {
      wrap: change.wrap ?? KEY_WRAP[a.alg],
      enc: change.enc ?? CONTENT_ENC[a.enc],
      ...(a.kid ? { kid: a.kid } : {}),
      ...(change.header ? { header: change.header } : {}),
    });
/** A JWE as asked, its ciphertext ‖ tag altered and split again where the ciphertext ended. */
const alteredJwe =
  (g: GcmAlteration): Serve =>
  (plaintext, a) => {
    const [h, k, iv, ct, tag] = asAsked()(plaintext, a).split('.') as [string, string, string, string, string];
    const c = fromBase64Url(ct, 'ciphertext');
    const both = g.alter(Buffer.concat([c, fromBase64Url(tag, 'tag')]));
    return [h, k, iv, toBase64Url(both.subarray(0, c.length)), toBase64Url(both.subarray(c.length))].join('.');
  };

/** One case's man in the middle: checks the app's signature, swaps its JWK for the harness's, and serves the card again to the app's key. */
function solarisAdversary(vars: Record<string, string>, serve: Serve) {
  const device = createPrivateKey(vars.SOLARIS_DEVICE_PRIVATE_KEY!);
  const devicePublic = createPublicKey(device);
  const own = ownKey();
  const requests: { asked?: Asked; problem?: string }[] = [];
  let served = 0;
  const interceptor: Interceptor = {
    request(r: Exchange) {
      if (r.method !== 'POST' || !/\/virtual_card_requests(\?|$)/.test(r.path)) return r;
      let body: z.infer<typeof Request>;
      try {
        body = Request.parse(JSON.parse(r.body.toString('utf8')));
      } catch {
        requests.push({ problem: 'the body is not JSON with signature, jwk {n, e} and jwe {alg, enc} as documented' });
        return r;
      }
      let key: KeyObject;
      try {
        key = publicKeyOfJwk(body.jwk);
      } catch {
        requests.push({ problem: 'jwk is not an RSA public key' });
        return r;
      }
      if (!verifyJwkSignature(devicePublic, body.jwk, body.signature, 'hex-der')) {
        requests.push({ problem: "signature is not the bound device's signature over the JWK string" });
        return r;
      }
      requests.push({ asked: { key, kid: body.jwk.kid, alg: body.jwe.alg, enc: body.jwe.enc } });
      const jwk = { ...own.jwk, ...(body.jwk.kid ? { kid: body.jwk.kid } : {}) };
      const mine = { ...body, jwk, signature: signJwk(device, jwk, 'hex-der') };
      return { ...r, body: Buffer.from(JSON.stringify(mine)) };
    },
    answer(_r, a) {
      const asked = requests.at(-1)?.asked;
      if (!asked || a.status !== 200) return a;
      // The mock encrypted to the harness's key, as the app asked: opened here, and served again.
      const body = JSON.parse(a.body.toString('utf8')) as { data: string };
      return decryptCardDetails(own.privateKey, body.data, asked.alg, asked.enc).then(({ plaintext }) => {
        served++;
        return { ...a, body: Buffer.from(JSON.stringify({ ...body, data: serve(plaintext, asked) })) };
      });
    },
  };
  const requestFindings = (): ClientFinding[] => {
    const check = 'the request carries a JWK, the device signature over it, and the jwe algorithms';
    if (!requests.length)
      return [
        {
          requirement: 'SOL-CLIENT-REQUEST',
          check,
          expected: 'a POST to virtual_card_requests',
          received: 'no request for the card',
        },
      ];
    return requests
      .filter((q) => q.problem)
      .map((q) => ({
        requirement: 'SOL-CLIENT-REQUEST',
        check,
        expected: 'the request as the document asks',
        received: q.problem!,
      }));
  };
  return {
    interceptor,
    env: (url: string) => ({
      SOLARIS_BASE_URL: url,
      ...appVars(vars, APP_VARS),
    }),
    requests,
    requestFindings,
    served: () => served,
  };
}

const detailsOf = (vars: Record<string, string>) => ({
  pan: vars.SOLARIS_CARD_PAN!,
  cvc: vars.SOLARIS_CARD_CVC!,
  expires_at: vars.SOLARIS_CARD_EXPIRES_AT!,
});
const secretsOf = (vars: Record<string, string>) => ({ pan: vars.SOLARIS_CARD_PAN, cvv: vars.SOLARIS_CARD_CVC });

const honest: ClientCase = {
  name: 'honest',
  title: 'the card details encrypted as the app asked: the app shows exactly the card',
  requirements: ['SOL-CLIENT-REQUEST', 'SOL-CLIENT-OPENS-ANSWER'],
  served: 'the honest answer',
  adversary(vars): CaseAdversary {
    const a = solarisAdversary(vars, asAsked());
    return {
      ...a,
      judge: ([run]) =>
        honestVerdict({
          asked: a.requests.length > 0,
          request: {
            rule: 'SOL-CLIENT-REQUEST',
            findings: a.requestFindings,
            unasked: 'the app sent no request for the card',
          },
          answer: {
            rule: 'SOL-CLIENT-OPENS-ANSWER',
            shows: () =>
              expectShows(run!, 'SOL-CLIENT-OPENS-ANSWER', SolarisShown, '{pan, cvc, expires_at}', detailsOf(vars)),
            unanswered: 'no request the mock could answer',
          },
        }),
    };
  },
};

const altered = (name: string, served: string, rule: Rule, serve: Serve): ClientCase =>
  refusalCase({
    name,
    served,
    rule,
    fields: ['pan', 'cvc', 'expires_at'],
    card: secretsOf,
    adversary: (vars) => solarisAdversary(vars, serve),
    didServe: (a) => a.served() > 0,
    notRun: 'the app asked nothing the case could alter (no request the harness could answer)',
  });

export const solarisClientCases: readonly ClientCase[] = [
  honest,
  altered(
    'alg-rsa-oaep-sha1',
    'a JWE with alg RSA-OAEP (SHA-1), not the alg asked',
    'SOL-CLIENT-ALGORITHMS-AS-ASKED',
    asAsked({ wrap: 'RSA-OAEP' }),
  ),
  altered('alg-rsa1_5', 'a JWE with alg RSA1_5, not the alg asked', 'SOL-CLIENT-ALGORITHMS-AS-ASKED', (p, a) =>
    asAsked({ wrap: a.alg === 'RSA1_5' ? 'RSA-OAEP' : 'RSA1_5' })(p, a),
  ),
  altered('enc-switched', 'a JWE with the other enc than asked', 'SOL-CLIENT-ALGORITHMS-AS-ASKED', (p, a) =>
    asAsked({ enc: OTHER_ENC[a.enc] })(p, a),
  ),
  altered(
    'crit-unknown',
    'a JWE whose crit lists an extension nobody defined',
    'SOL-CLIENT-ALGORITHMS-AS-ASKED',
    asAsked({ header: { crit: ['x-crh-unknown'], 'x-crh-unknown': true } }),
  ),
  ...GCM_ALTERATIONS.map((g) => altered(g.name, `a JWE: ${g.served}`, 'SOL-CLIENT-ANSWER-AUTHENTIC', alteredJwe(g))),
  altered(
    'other-key',
    'a JWE whose content key is encrypted to another RSA key',
    'SOL-CLIENT-ANSWER-AUTHENTIC',
    (p, a) => asAsked({ key: createPublicKey(anotherKey().privateKey) })(p, a),
  ),
];

export const solarisClientSide: ClientSide = {
  provider: 'solaris',
  title: 'Solaris — an app that opens the secure card view',
  document: solarisCatalogue.document,
  requirements: Object.values(solarisClientRequirements),
  output: SolarisShown,
  outputFields: '{pan, cvc, expires_at}',
  cases: solarisClientCases,
  card: secretsOf,
};

// Reference mock of Cardinal's DX GetInfo for FIDO (test/documents/cardinal.txt, with the defaults
// of its profile): signed requests, the field rules, CardBrand and issuer versions from range
// tables, the Fido conditions, and an enrollment store (email → devices, PANs) that yields every
// FlowType. Errors travel in HTTP 200. One route over the mock's state, naming the defects it
// honours (src/providers/cardinal/defects.ts).
import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { VariantSet } from '../../src/core/variants.ts';
import { cardinalVariants, type CardinalVariantName } from '../../src/providers/cardinal/variants.ts';
import { DefectSet } from '../../src/core/defects.ts';
import { luhnValid } from '../../src/core/mask.ts';
import { dxSignature, signatureMatches } from '../../src/providers/cardinal/signature.ts';
import { CardinalProfile } from '../../src/providers/cardinal/profile.ts';
import { Algorithm, CardType, type DxFlowType } from '../../schemas/cardinal.ts';
import type { MockFactoryOptions } from '../core/factory.ts';
import { json, jsonBodyAs, type MockApp, type MockReply } from '../core/server.ts';
import { refusalOf, routeOf, stateMock, type Flaws } from '../core/route.ts';
import {
  cardinalApiKeys,
  cardinalCards,
  cardinalEnrolled,
  cardinalOrgUnits,
} from '../../src/providers/cardinal/accounts.ts';
import { cardinalDefects, type CardinalDefectName } from '../../src/providers/cardinal/defects.ts';
import { brandOf, FIDO_REGIONS, issuerOf, supportsDelegatedAuthentication } from './ranges.ts';
import { panFor } from '../../src/providers/cardinal/accounts.ts';

export const GET_INFO_PATH = '/V1/AccountNumber/GetInfo';

/** The reference-id-fixed defect's one ReferenceId for every call: the document's sample. */
const FIXED_REFERENCE_ID = '12d203e1-9a71-45b8-a3f0-1ee509c42f46';

const DESCRIPTIONS: Record<number, string> = {
  0: 'Success',
  1000: 'An error has occurred in the Service',
  1010: 'Invalid signature',
  1011: 'Signature expired',
  2000: 'AccountNumber is not valid',
};

interface Enrollment {
  devices: Set<string>;
  pans: Set<string>;
}

const EnrollBody = z.strictObject({
  email: z.email(),
  fidoSetupPayloads: z.array(z.string().min(1)).default([]),
  accountNumbers: z.array(z.string().regex(/^\d{13,19}$/)).default([]),
});

const digest = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');
/** A device is what CardinalFido.Setup() reported for it: the decoded FidoSetupPayload (default). */
const deviceOf = (fidoSetupPayload: string) => digest(Buffer.from(fidoSetupPayload, 'base64'));
/** PANs are kept hashed: the store needs equality only. */
const panKey = (pan: string) => digest(`pan:${pan}`);

/** What GET /__mock/state answers: API keys, merchants and FIDO regions, the seeded cards and the cardholder kept enrolled. */
export interface CardinalMockState {
  apiKeys: typeof cardinalApiKeys;
  orgUnits: typeof cardinalOrgUnits;
  fidoRegions: string[];
  cards: typeof cardinalCards;
  enrolledEmails: number;
  enrolled: typeof cardinalEnrolled;
  profile: CardinalProfile;
}

type Flaw = CardinalDefectName;

/** The mock's state: the API keys and merchants, the profile it follows, the enrollment store. */
interface CardinalState {
  clock: MockFactoryOptions['clock'];
  variants: VariantSet<CardinalVariantName>;
  profile: CardinalProfile;
  /** The extra-response-fields variant. */
  extra: boolean;
  keys: Map<string, string>;
  orgs: Map<string, string>;
  enrollments: Map<string, Enrollment>;
}

// A cardholder enrolled from the start, as a sandbox keeps one: the FlowType rows of an enrolled
// email can then be checked without /__mock/ control.
const seeded = (): Map<string, Enrollment> =>
  new Map([
    [
      cardinalEnrolled.email.toLowerCase(),
      {
        devices: new Set([deviceOf(cardinalEnrolled.fidoSetupPayload)]),
        pans: new Set([panKey(cardinalEnrolled.pan)]),
      },
    ],
  ]);

/**
 * An answer: errors too travel in HTTP 200 (unless the errors-as-http-400 defect). Every answer
 * carries a RequestId ("Required: Y"): the TransactionId echoed, or one of the service's own where
 * the request gave none it could echo.
 */
const reply = (
  s: CardinalState,
  flaw: Flaws<'errors-as-http-400' | 'error-without-request-id'>,
  errorNumber: number,
  requestId: string | undefined,
  payload?: unknown,
): MockReply =>
  json(errorNumber !== 0 && flaw['errors-as-http-400'] ? 400 : 200, {
    ErrorNumber: s.variants.has('error-number-string') ? String(errorNumber) : errorNumber,
    ErrorDescription: DESCRIPTIONS[errorNumber] ?? DESCRIPTIONS[1000],
    ...(errorNumber !== 0 && flaw['error-without-request-id'] ? {} : { RequestId: requestId ?? randomUUID() }),
    ...(s.extra ? { ProcessorTransactionId: `ptx-${s.enrollments.size}` } : {}),
    ...(payload !== undefined
      ? { Payload: s.extra && typeof payload === 'object' ? { ...payload, ECI: '05' } : payload }
      : {}),
  });

/**
 * An epoch Timestamp in ms: the document's words say milliseconds, its example is in seconds; the
 * reference mock tells them apart by size (a time of this century in seconds is below 10^11), a
 * variant reads only one.
 */
function epochMs(n: number, variants: VariantSet<CardinalVariantName>): number {
  if (variants.has('epoch-seconds-only')) return n * 1000;
  if (variants.has('epoch-milliseconds-only')) return n;
  return n < 1e11 ? n * 1000 : n;
}

function timestampMs(
  ts: unknown,
  flaw: Flaws<'epoch-timestamp-refused'>,
  variants: VariantSet<CardinalVariantName>,
): number | undefined {
  if (typeof ts === 'number') return flaw['epoch-timestamp-refused'] ? undefined : epochMs(ts, variants);
  if (typeof ts !== 'string') return undefined;
  if (/^\d+$/.test(ts)) return flaw['epoch-timestamp-refused'] ? undefined : epochMs(Number(ts), variants);
  const ms = Date.parse(ts);
  return Number.isFinite(ms) && /^\d{4}-\d{2}-\d{2}T/.test(ts) ? ms : undefined;
}

function flowType(
  s: CardinalState,
  email: string,
  device: string,
  pan: string,
  flaw: Flaws<'add-pan-for-new-device' | 'enrollment-by-device'>,
): DxFlowType {
  const e =
    s.enrollments.get(email.toLowerCase()) ??
    (flaw['enrollment-by-device'] ? [...s.enrollments.values()].find((x) => x.devices.has(device)) : undefined);
  if (!e) return 'ENROLLMENT';
  const newDevice = !e.devices.has(device);
  const newPan = !e.pans.has(panKey(pan));
  if (newDevice && newPan) return 'ADD_NEW_DEVICE_AND_PAN';
  if (newDevice) return flaw['add-pan-for-new-device'] ? 'ADD_PAN' : 'ADD_NEW_DEVICE';
  if (newPan) return 'ADD_PAN';
  return 'TRANSACTION';
}

const getInfo = routeOf<CardinalState, Flaw>()({
  method: 'POST',
  path: GET_INFO_PATH,
  defects: [
    'errors-as-http-400',
    'transaction-id-length-unchecked',
    'request-id-not-echoed',
    'unknown-identifier-accepted',
    'epoch-timestamp-refused',
    'stale-timestamp-accepted',
    'sha512-checked-as-sha256',
    'signature-not-checked',
    'unsigned-request-accepted',
    'algorithm-defaulted',
    'unknown-algorithm-as-sha256',
    'org-unit-id-not-required',
    'unknown-org-unit-accepted',
    'error-without-request-id',
    'reference-id-fixed',
    'enrollment-by-device',
    'fido-any-brand',
    'luhn-not-checked',
    'card-type-any',
    'email-not-required',
    'setup-payload-required',
    'fido-without-setup-payload',
    'card-type-decides-brand',
    'mastercard-2-series-unknown',
    'fido-without-delegated-auth',
    'fido-outside-region',
    'add-pan-for-new-device',
    'reference-id-missing',
    'issuer-versions-empty',
    'last-four-wrong',
    'account-number-echoed',
  ],
  handle(s, request, flaw) {
    const { profile } = s;
    let body: Record<string, unknown>;
    try {
      const parsed = JSON.parse(request.body.toString('utf8')) as unknown;
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        return reply(s, flaw, profile.invalidRequestErrorNumber, undefined);
      body = parsed as Record<string, unknown>;
    } catch {
      return reply(s, flaw, profile.invalidRequestErrorNumber, undefined);
    }
    const tid = body.TransactionId;
    const tidOk =
      typeof tid === 'string' &&
      (flaw['transaction-id-length-unchecked'] ? /^[A-Za-z0-9-]{1,100}$/ : /^[A-Za-z0-9-]{5,55}$/).test(tid);
    const requestId = tidOk ? (flaw['request-id-not-echoed'] ? randomUUID() : tid) : undefined;
    const fail = (n: number) => reply(s, flaw, n, requestId);
    if (!tidOk) return fail(profile.invalidRequestErrorNumber);
    const { Signature, Timestamp, Identifier } = body;
    const OrgUnitId =
      body.OrgUnitId === undefined && flaw['org-unit-id-not-required']
        ? cardinalOrgUnits[0]!.orgUnitId
        : body.OrgUnitId;
    const algorithm = Algorithm.safeParse(
      (body.Algorithm === undefined && flaw['algorithm-defaulted']) ||
        (typeof body.Algorithm === 'string' &&
          !Algorithm.safeParse(body.Algorithm).success &&
          flaw['unknown-algorithm-as-sha256'])
        ? 'SHA-256'
        : body.Algorithm,
    );
    const unsigned = Signature === undefined && flaw['unsigned-request-accepted'];
    if (
      (typeof Signature !== 'string' && !unsigned) ||
      typeof Identifier !== 'string' ||
      typeof OrgUnitId !== 'string' ||
      !algorithm.success
    )
      return fail(profile.invalidRequestErrorNumber);
    let apiKey = s.keys.get(Identifier);
    if (apiKey === undefined) {
      if (!flaw['unknown-identifier-accepted']) return fail(profile.unknownIdentifierErrorNumber);
      apiKey = cardinalApiKeys[0]!.apiKey;
    }
    const ms = timestampMs(Timestamp, flaw, s.variants);
    if (ms === undefined) return fail(profile.invalidRequestErrorNumber);
    const window = flaw['stale-timestamp-accepted'] ? 24 * 3600_000 : profile.freshnessWindowMs;
    if (Math.abs(s.clock.now() - ms) > window) return fail(1011);
    const checkedAs = algorithm.data === 'SHA-512' && flaw['sha512-checked-as-sha256'] ? 'SHA-256' : algorithm.data;
    const expected = dxSignature({
      recipe: profile.signatureRecipe,
      algorithm: checkedAs,
      timestamp: Timestamp as string | number,
      transactionId: tid,
      apiKey,
    });
    if (!flaw['signature-not-checked'] && !unsigned && !signatureMatches(Signature as string, expected))
      return fail(1010);
    const region =
      s.orgs.get(OrgUnitId) ??
      (flaw['unknown-org-unit-accepted'] || s.variants.has('any-org-unit') ? cardinalOrgUnits[0]!.region : undefined);
    if (region === undefined) return fail(profile.invalidRequestErrorNumber);

    const p = body.Payload as Record<string, unknown> | undefined;
    if (typeof p !== 'object' || p === null) return fail(profile.invalidRequestErrorNumber);
    const pan = p.AccountNumber;
    if (typeof pan !== 'string' || !/^\d{13,19}$/.test(pan) || (!luhnValid(pan) && !flaw['luhn-not-checked']))
      return fail(2000);
    if (p.CardType !== undefined && !CardType.safeParse(p.CardType).success && !flaw['card-type-any'])
      return fail(profile.invalidRequestErrorNumber);
    // A FIDO call carries FidoSetupPayload and Email; without FidoSetupPayload it is a look-up
    // outside FIDO ("a general purpose API"), answered without the Fido sub-object.
    const setup = p.FidoSetupPayload;
    if (setup === undefined && flaw['setup-payload-required']) return fail(profile.invalidRequestErrorNumber);
    if (
      setup !== undefined &&
      (typeof setup !== 'string' ||
        !/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(setup) ||
        setup === '')
    )
      return fail(profile.invalidRequestErrorNumber);
    const emailOk = typeof p.Email === 'string' && z.email().safeParse(p.Email).success;
    const emailWanted = setup !== undefined || p.Email !== undefined;
    if (emailWanted && !emailOk && !flaw['email-not-required']) return fail(profile.invalidRequestErrorNumber);

    // The brand of the PAN's range, as the document's sample answers Visa for CardType CB and a
    // Visa PAN; CardType names it only for a PAN of no known range.
    const cardType = CardType.safeParse(p.CardType);
    const fromType = cardType.success ? cardType.data : undefined;
    let brand = (flaw['card-type-decides-brand'] ? fromType : undefined) ?? brandOf(pan) ?? fromType ?? 'Visa';
    if (flaw['mastercard-2-series-unknown'] && /^2[2-7]/.test(pan)) brand = 'Visa';
    const issuer = issuerOf(pan);
    const fidoIssuer = supportsDelegatedAuthentication(issuer) || flaw['fido-without-delegated-auth'];
    const fidoRegions = (FIDO_REGIONS.has(issuer.region) && FIDO_REGIONS.has(region)) || flaw['fido-outside-region'];
    const fidoCall = typeof setup === 'string' || flaw['fido-without-setup-payload'];
    // "Cardinal FIDO authentication is currently only supported on Visa cards."
    const fidoBrand = brand === 'Visa' || flaw['fido-any-brand'];
    const fido =
      fidoCall && fidoIssuer && fidoRegions && fidoBrand
        ? {
            Fido: {
              FlowType: flowType(s, typeof p.Email === 'string' ? p.Email : '', deviceOf(setup ?? ''), pan, flaw),
            },
          }
        : {};
    return reply(s, flaw, 0, requestId, {
      ...(flaw['reference-id-missing']
        ? {}
        : { ReferenceId: flaw['reference-id-fixed'] ? FIXED_REFERENCE_ID : randomUUID() }),
      Issuer: { SupportedVersions: flaw['issuer-versions-empty'] ? [] : issuer.versions },
      Account: {
        CardBrand: brand,
        LastFour: flaw['last-four-wrong'] ? pan.slice(0, 4) : pan.slice(-4),
        ...(flaw['account-number-echoed'] ? { AccountNumber: pan } : {}),
        ...fido,
      },
    });
  },
});

const enroll = routeOf<CardinalState, never>()({
  // Enrolls an email with devices (their FidoSetupPayloads) and PANs, as the Enroll endpoint would.
  method: 'POST',
  path: '/__mock/enrollments',
  defects: [],
  handle(s, request) {
    const b = jsonBodyAs(request, EnrollBody);
    if (!b) return json(400, { error: 'expected {"email", "fidoSetupPayloads": [..], "accountNumbers": [..]}' });
    const key = b.email.toLowerCase();
    const e = s.enrollments.get(key) ?? { devices: new Set<string>(), pans: new Set<string>() };
    for (const x of b.fidoSetupPayloads) e.devices.add(deviceOf(x));
    for (const n of b.accountNumbers) e.pans.add(panKey(n));
    s.enrollments.set(key, e);
    return json(201, { email: b.email, devices: e.devices.size, pans: e.pans.size });
  },
});

const refusal = refusalOf<CardinalState, Flaw>()({
  defects: ['errors-as-http-400', 'error-without-request-id'],
  handle(s, _req, status, reason, flaw) {
    // Unknown routes and methods are HTTP errors; a refused body of GetInfo stays in HTTP 200.
    if (reason === 'too-large' || reason === 'bad-path')
      return reply(s, flaw, s.profile.invalidRequestErrorNumber, undefined);
    return json(status, {
      ErrorNumber: 1000,
      ErrorDescription: DESCRIPTIONS[1000],
      ...(flaw['error-without-request-id'] ? {} : { RequestId: randomUUID() }),
    });
  },
});

export function createCardinalMock(options: MockFactoryOptions): MockApp<CardinalMockState> {
  const variants = new VariantSet<CardinalVariantName>(cardinalVariants, options.variants ?? []);
  return stateMock({
    provider: 'cardinal',
    state: {
      clock: options.clock,
      variants,
      profile: CardinalProfile.parse(
        variants.has('signature-timestamp-apikey') ? { signatureRecipe: 'timestamp+apiKey' } : {},
      ),
      extra: variants.has('extra-response-fields'),
      keys: new Map(cardinalApiKeys.map((k) => [k.identifier, k.apiKey])),
      orgs: new Map(cardinalOrgUnits.map((o) => [o.orgUnitId, o.region])),
      enrollments: seeded(),
    },
    defects: new DefectSet<CardinalDefectName>(cardinalDefects, options.defects ?? []),
    allDefects: cardinalDefects,
    routes: [getInfo],
    controlRoutes: [enroll],
    refusal,
    snapshot: (s) => ({
      apiKeys: cardinalApiKeys,
      orgUnits: cardinalOrgUnits,
      fidoRegions: [...FIDO_REGIONS],
      cards: cardinalCards,
      enrolledEmails: s.enrollments.size,
      enrolled: cardinalEnrolled,
      profile: s.profile,
    }),
    vendorEnv: cardinalVendorEnv,
    reset(s) {
      s.enrollments = seeded();
    },
  });
}

/** The variables a vendor would set for this mock run as a sandbox (`mock --write-env`). */
export function cardinalVendorEnv(s: CardinalMockState, url: string): Record<string, string> {
  return {
    CARDINAL_BASE_URL: url,
    CARDINAL_IDENTIFIER: s.apiKeys[0]!.identifier,
    CARDINAL_API_KEY: s.apiKeys[0]!.apiKey,
    CARDINAL_ORG_UNIT_ID: s.orgUnits.find((o) => s.fidoRegions.includes(o.region))!.orgUnitId,
    CARDINAL_FIDO_PAN: panFor(s.cards, 'fido')!,
    ...(panFor(s.cards, 'no-delegated-auth') ? { CARDINAL_NO_DA_PAN: panFor(s.cards, 'no-delegated-auth')! } : {}),
    CARDINAL_SECOND_FIDO_PAN: panFor(s.cards, 'second-fido')!,
    CARDINAL_OUTSIDE_REGION_PAN: panFor(s.cards, 'fido-outside-regions')!,
    CARDINAL_OUTSIDE_REGION_ORG_UNIT_ID: s.orgUnits.find((o) => !s.fidoRegions.includes(o.region))!.orgUnitId,
    CARDINAL_BRAND_CARDS: s.cards.map((c) => [c.brand, c.pan, ...(c.cardType ? [c.cardType] : [])].join(':')).join(','),
    CARDINAL_ENROLLED_EMAIL: s.enrolled.email,
    CARDINAL_ENROLLED_SETUP_PAYLOAD: s.enrolled.fidoSetupPayload,
    CARDINAL_ENROLLED_PAN: s.enrolled.pan,
    // A setup payload as CardinalFido.Setup() hands one back for a device the store has not seen.
    CARDINAL_FIDO_SETUP_PAYLOAD: Buffer.from('card-reveal-harness: a captured FIDO setup payload', 'utf8').toString(
      'base64',
    ),
  };
}

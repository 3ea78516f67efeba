// Cardinal's fixtures: the target (embedded mock or CARDINAL_BASE_URL), the merchant credentials,
// the test cards, a client recording masked exchanges, and a signer that follows the profile.
import { randomBytes, randomUUID } from 'node:crypto';
import { expect } from '../fixtures/base.ts';
import { record, ruleCheckFor } from '../fixtures/expect.ts';
import { jsonBody, providerTest } from '../fixtures/provider.ts';
import { expectErrorResponse } from '../fixtures/refusal.ts';
import type { HttpExchange } from '../../src/core/http.ts';
import { loadProfile } from '../../src/core/profile.ts';
import type { Target } from '../../src/core/target.ts';
import { requirementTagger } from '../fixtures/requirements.ts';
import { cardinalCatalogue as cardinal } from '../../src/providers/cardinal/catalogue.ts';
import {
  CardinalClient,
  signedRequest,
  type DxCredentials,
  type SignOptions,
} from '../../src/providers/cardinal/client.ts';
import type { CardinalProfile } from '../../src/providers/cardinal/profile.ts';
import { cardinalRequirements, type CardinalRequirementId } from '../../src/providers/cardinal/requirements.ts';
import type { GetInfoPayload, GetInfoRequest, GetInfoSuccess } from '../../schemas/cardinal.ts';
import { panFor, type DxTestCard } from '../../src/providers/cardinal/accounts.ts';
import type { CardinalMockState } from '../../mocks/cardinal/index.ts';

/** Rule checks of cardinal's own requirements: another provider's id does not type-check. */
export const ruleCheck = ruleCheckFor<CardinalRequirementId>();

export { expect };
export const req = requirementTagger<CardinalRequirementId>(cardinal, cardinalRequirements);

export interface CardinalSetup {
  target: Target;
  profile: CardinalProfile;
  credentials: DxCredentials;
  /** A merchant org unit outside the FIDO regions (mock only). */
  outsideRegionOrgUnitId: string | undefined;
  fidoPan: string;
  /** A second card of the same FIDO issuer (ADD_PAN rows; mock only). */
  secondFidoPan: string | undefined;
  noDelegatedAuthPan: string | undefined;
  outsideRegionPan: string | undefined;
  /** One card per brand of the document (mock only). */
  brandCards: readonly DxTestCard[];
  /** A cardholder the target keeps enrolled (a sandbox's; on a mock the checks enroll their own). */
  enrolled: { email: string; device: string; pan: string } | undefined;
  /** A captured FidoSetupPayload to stand for a new device, if the target refuses random bytes. */
  newDevicePayload: string | undefined;
}

/** CARDINAL_BRAND_CARDS: `Brand:PAN[:CardType]`, comma-separated. */
function brandCardsFrom(text: string | undefined): DxTestCard[] {
  return (text ?? '')
    .split(',')
    .map((s) => s.trim().split(':'))
    .filter(([brand, pan]) => brand && pan)
    .map(
      ([brand, pan, cardType]) =>
        ({ brand: brand!, pan: pan!, ...(cardType ? { cardType } : {}), note: '' }) as DxTestCard,
    );
}

async function setupFor(target: Target): Promise<CardinalSetup> {
  const profile = loadProfile(cardinal);
  const e = target.env;
  if (target.control && !e.CARDINAL_IDENTIFIER) {
    const s = await target.control.state<CardinalMockState>();
    const inRegion = s.orgUnits.find((o) => s.fidoRegions.includes(o.region))!;
    return {
      target,
      profile,
      credentials: { ...s.apiKeys[0]!, orgUnitId: inRegion.orgUnitId },
      outsideRegionOrgUnitId: s.orgUnits.find((o) => !s.fidoRegions.includes(o.region))?.orgUnitId,
      fidoPan: panFor(s.cards, 'fido')!,
      secondFidoPan: panFor(s.cards, 'second-fido'),
      noDelegatedAuthPan: panFor(s.cards, 'no-delegated-auth'),
      outsideRegionPan: panFor(s.cards, 'fido-outside-regions'),
      brandCards: s.cards,
      enrolled: undefined,
      newDevicePayload: undefined,
    };
  }
  return {
    target,
    profile,
    credentials: {
      identifier: e.CARDINAL_IDENTIFIER ?? '',
      apiKey: e.CARDINAL_API_KEY ?? '',
      orgUnitId: e.CARDINAL_ORG_UNIT_ID ?? '',
    },
    outsideRegionOrgUnitId: e.CARDINAL_OUTSIDE_REGION_ORG_UNIT_ID,
    fidoPan: e.CARDINAL_FIDO_PAN ?? '',
    secondFidoPan: e.CARDINAL_SECOND_FIDO_PAN,
    noDelegatedAuthPan: e.CARDINAL_NO_DA_PAN,
    outsideRegionPan: e.CARDINAL_OUTSIDE_REGION_PAN,
    brandCards: brandCardsFrom(e.CARDINAL_BRAND_CARDS),
    enrolled:
      e.CARDINAL_ENROLLED_EMAIL && e.CARDINAL_ENROLLED_SETUP_PAYLOAD
        ? {
            email: e.CARDINAL_ENROLLED_EMAIL,
            device: e.CARDINAL_ENROLLED_SETUP_PAYLOAD,
            pan: e.CARDINAL_ENROLLED_PAN ?? e.CARDINAL_FIDO_PAN ?? '',
          }
        : undefined,
    newDevicePayload: e.CARDINAL_FIDO_SETUP_PAYLOAD,
  };
}

/** A fresh device: what CardinalFido.Setup() would hand back, base64. */
export const newDevice = () => randomBytes(24).toString('base64');
export const newEmail = () => `crh-${randomBytes(5).toString('hex')}@example.test`;

/** Now (and `offsetMs` off), as ISO-8601 or as an epoch number in the profile's unit (or `unit`). */
export function timestampNow(
  profile: CardinalProfile,
  offsetMs = 0,
  form = profile.timestampForm,
  unit = profile.epochTimestampUnit,
): string | number {
  const ms = Date.now() + offsetMs;
  if (form === 'epoch') return unit === 'seconds' ? Math.floor(ms / 1000) : ms;
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A request signed per the profile, with a fresh TransactionId and Timestamp unless given. */
export function signed(
  setup: CardinalSetup,
  payload: { [K in keyof GetInfoPayload]?: unknown },
  o: Partial<SignOptions> & { credentials?: DxCredentials } = {},
): GetInfoRequest {
  const full = {
    AccountNumber: setup.fidoPan,
    Email: newEmail(),
    FidoSetupPayload: newDevice(),
    ...payload,
  } as GetInfoPayload;
  return signedRequest(o.credentials ?? setup.credentials, full, {
    recipe: o.recipe ?? setup.profile.signatureRecipe,
    algorithm: o.algorithm ?? 'SHA-256',
    timestamp: o.timestamp ?? timestampNow(setup.profile),
    transactionId: o.transactionId ?? randomUUID(),
  });
}

// Cardinal reads its answers field by field (ErrorNumber first), hence a record.
const jsonRecord = (ex: HttpExchange) => jsonBody(ex) as Record<string, unknown>;

/** Records how the target types ErrorNumber (the document: String; its sample: a number). */
function observeErrorNumber(value: unknown, profile: CardinalProfile) {
  const type = typeof value;
  record({ kind: 'observation', text: `ErrorNumber sent as a ${type}` });
  if (profile.errorNumberType !== 'either')
    ruleCheck('CDX-ERROR-SHAPE', type, 'ErrorNumber type', 'errorNumberType').toBe(profile.errorNumberType);
}

/**
 * A success: HTTP 200 and ErrorNumber 0 (or the test stops), then the rule checks of every answer:
 * the response schema (CDX-RESPONSE) and RequestId = TransactionId (CDX-TRANSACTION-ID).
 */
/** Whether the service served the request (HTTP 200, ErrorNumber 0), judging nothing. */
export function accepted(ex: HttpExchange): boolean {
  if (ex.response.status !== 200) return false;
  try {
    return Number((JSON.parse(ex.response.body) as { ErrorNumber?: unknown }).ErrorNumber) === 0;
  } catch {
    return false;
  }
}

export function success(ex: HttpExchange, request: GetInfoRequest, setup: CardinalSetup): GetInfoSuccess {
  expect(ex.response.status, 'HTTP status').toBe(200);
  ruleCheck('CDX-ERROR-SHAPE', ex.response.status, 'bad input never gets a 5xx').toBeLessThan(500);
  const body = jsonRecord(ex);
  observeErrorNumber(body.ErrorNumber, setup.profile);
  expect(Number(body.ErrorNumber), `ErrorNumber (${String(body.ErrorDescription ?? '')})`).toBe(0);
  ruleCheck('CDX-RESPONSE', body, 'the success schema').toMatchSchema('cardinal', 'get-info.response-success');
  ruleCheck('CDX-TRANSACTION-ID', body.RequestId, 'RequestId echoes the TransactionId').toBe(request.TransactionId);
  return body as unknown as GetInfoSuccess;
}

/** What a Cardinal refusal is: the ErrorNumber of its answer (errors travel in HTTP 200). */
export interface CardinalRefusal {
  /** The ErrorNumber wanted; `non-zero` where the documents fix none (any error refuses). */
  errorNumber: number | 'non-zero';
}

/**
 * A refusal by `rule`: the given ErrorNumber (a rule check of that rule); where it is an error at
 * all, the error shape (CDX-ERROR-SHAPE: HTTP 200, the error schema, no Payload); never card data.
 */
export function expectRefused(
  ex: HttpExchange,
  setup: CardinalSetup,
  rule: CardinalRequirementId,
  { errorNumber }: CardinalRefusal,
) {
  const body = jsonRecord(ex);
  observeErrorNumber(body.ErrorNumber, setup.profile);
  const got = ruleCheck(rule, Number(body.ErrorNumber), `ErrorNumber (${String(body.ErrorDescription ?? '')})`);
  if (errorNumber === 'non-zero') got.not.toBe(0);
  else got.toBe(errorNumber);
  const error = expectErrorResponse(ex, {
    rule,
    shape: 'CDX-ERROR-SHAPE',
    schema: { provider: 'cardinal', name: 'get-info.response-error' },
    cards: [],
    isError: () => Number(body.ErrorNumber) !== 0,
  });
  if (error === undefined) return;
  ruleCheck('CDX-ERROR-SHAPE', ex.response.status, 'HTTP status (errors travel in HTTP 200)').toBe(200);
  ruleCheck('CDX-ERROR-SHAPE', body.Payload, 'no Payload in an error').toBeUndefined();
}

/** Every PAN the setup holds: none of them may come back whole (Account.LastFour is the echo). */
export function knownPans(s: CardinalSetup): string[] {
  const pans = [
    s.fidoPan,
    s.secondFidoPan,
    s.noDelegatedAuthPan,
    s.outsideRegionPan,
    s.enrolled?.pan,
    ...s.brandCards.map((c) => c.pan),
  ];
  return [...new Set(pans.filter((p): p is string => !!p))];
}

// PCI DSS 3.4.1 (CDX-NO-CLEAR-CARD-DATA): no answer carries a full PAN anywhere; LastFour is all of it.
const clearRule = {
  requirement: 'CDX-NO-CLEAR-CARD-DATA' as const,
  cards: (s: CardinalSetup) => knownPans(s).map((pan) => ({ pan })),
  envelope: () => ({ members: [] }),
};

export const test = providerTest(cardinal, setupFor, clearRule).extend<{ dx: CardinalClient }>({
  dx: async ({ setup, http }, use) => use(new CardinalClient({ baseUrl: setup.target.baseUrl, http })),
});

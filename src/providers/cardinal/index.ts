// Everything the harness knows about Cardinal Commerce DX, in one entry of the registry.
import { cardinalApiKeys, cardinalOrgUnits } from './accounts.ts';
import { cardinalEndpoints, cardinalSchemas } from '../../../schemas/cardinal.ts';
import type { ProviderDefinition } from '../types.ts';
import { cardinalCatalogue } from './catalogue.ts';

export const cardinal = {
  ...cardinalCatalogue,
  vendorEnv: (state, url) => {
    const s = state as {
      apiKeys: { identifier: string; apiKey: string }[];
      orgUnits: { orgUnitId: string; region: string }[];
      fidoRegions: string[];
      cards: { pan: string; brand: string; cardType?: string; note: string }[];
      enrolled: { email: string; fidoSetupPayload: string; pan: string };
    };
    const note = (text: string) => s.cards.find((c) => c.note.startsWith(text))?.pan;
    return {
      CARDINAL_BASE_URL: url,
      CARDINAL_IDENTIFIER: s.apiKeys[0]!.identifier,
      CARDINAL_API_KEY: s.apiKeys[0]!.apiKey,
      CARDINAL_ORG_UNIT_ID: s.orgUnits.find((o) => s.fidoRegions.includes(o.region))!.orgUnitId,
      CARDINAL_FIDO_PAN: note('FIDO issuer, delegated')!,
      ...(note('issuer without delegated') ? { CARDINAL_NO_DA_PAN: note('issuer without delegated')! } : {}),
      CARDINAL_SECOND_FIDO_PAN: note('same FIDO issuer')!,
      CARDINAL_OUTSIDE_REGION_PAN: note('FIDO issuer outside')!,
      CARDINAL_OUTSIDE_REGION_ORG_UNIT_ID: s.orgUnits.find((o) => !s.fidoRegions.includes(o.region))!.orgUnitId,
      CARDINAL_BRAND_CARDS: s.cards.map((c) => [c.brand, c.pan, ...(c.cardType ? [c.cardType] : [])].join(':')).join(','),
      CARDINAL_ENROLLED_EMAIL: s.enrolled.email,
      CARDINAL_ENROLLED_SETUP_PAYLOAD: s.enrolled.fidoSetupPayload,
      CARDINAL_ENROLLED_PAN: s.enrolled.pan,
      // A setup payload as CardinalFido.Setup() hands one back for a device the store has not seen.
      CARDINAL_FIDO_SETUP_PAYLOAD: Buffer.from('card-reveal-harness: a captured FIDO setup payload', 'utf8').toString('base64'),
    };
  },
  schemas: cardinalSchemas,
  endpoints: cardinalEndpoints,
  // The seeds load the client and crypto the mock does not need: loaded by the fuzzer only.
  fuzz: { seeds: async (url, vars) => (await import('./fuzz.ts')).cardinalFuzzSeeds(url, vars), errorSchemas: ['get-info.response-error'] },
  mockNotes: [
    ...cardinalApiKeys.map((k) => `API key (test only): Identifier ${k.identifier}, key ${k.apiKey}`),
    ...cardinalOrgUnits.map((o) => `OrgUnitId ${o.orgUnitId} (acquirer region ${o.region})`),
    'POST /__mock/enrollments {"email", "fidoSetupPayloads": [..], "accountNumbers": [..]} enrolls for the FlowType checks',
  ],
} satisfies ProviderDefinition;

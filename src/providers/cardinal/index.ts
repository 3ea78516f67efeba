// Everything the harness knows about Cardinal Commerce DX, in one entry of the registry.
import { createCardinalMock } from '../../../mocks/cardinal/index.ts';
import { cardinalApiKeys, cardinalCards, cardinalOrgUnits } from '../../../mocks/cardinal/accounts.ts';
import { cardinalDefects } from '../../../mocks/cardinal/defects.ts';
import { cardinalEndpoints, cardinalSchemas } from '../../../schemas/cardinal.ts';
import { maskPan } from '../../core/mask.ts';
import type { ProviderDefinition } from '../types.ts';
import { cardinalVariants } from '../../../mocks/cardinal/variants.ts';
import { cardinalFuzzSeeds } from './fuzz.ts';
import { CardinalProfile } from './profile.ts';
import { cardinalRequirements } from './requirements.ts';

export const cardinal = {
  id: 'cardinal',
  title: 'Cardinal Commerce DX API — GetInfo for FIDO',
  seed: '002_1ab4a622c4baf223.txt',
  requirements: cardinalRequirements,
  defects: cardinalDefects,
  variants: cardinalVariants,
  vendorEnv: (state, url) => {
    const s = state as { apiKeys: { identifier: string; apiKey: string }[]; orgUnits: { orgUnitId: string; region: string }[]; fidoRegions: string[]; cards: { pan: string; note: string }[] };
    const note = (text: string) => s.cards.find((c) => c.note.startsWith(text))?.pan;
    return {
      CARDINAL_BASE_URL: url,
      CARDINAL_IDENTIFIER: s.apiKeys[0]!.identifier,
      CARDINAL_API_KEY: s.apiKeys[0]!.apiKey,
      CARDINAL_ORG_UNIT_ID: s.orgUnits.find((o) => s.fidoRegions.includes(o.region))!.orgUnitId,
      CARDINAL_FIDO_PAN: note('FIDO issuer, delegated')!,
      ...(note('issuer without delegated') ? { CARDINAL_NO_DA_PAN: note('issuer without delegated')! } : {}),
    };
  },
  schemas: cardinalSchemas,
  endpoints: cardinalEndpoints,
  profile: CardinalProfile,
  env: {
    baseUrl: 'CARDINAL_BASE_URL',
    vars: {
      CARDINAL_IDENTIFIER: 'API key identifier',
      CARDINAL_API_KEY: 'API key (secret)',
      CARDINAL_ORG_UNIT_ID: 'merchant OrgUnitId (in a FIDO region)',
      CARDINAL_FIDO_PAN: 'a test PAN whose issuer supports Delegated Authentication',
      CARDINAL_NO_DA_PAN: 'a test PAN whose issuer does not (optional)',
    },
    required: ['CARDINAL_IDENTIFIER', 'CARDINAL_API_KEY', 'CARDINAL_ORG_UNIT_ID', 'CARDINAL_FIDO_PAN'],
  },
  createMock: createCardinalMock,
  fuzz: { seeds: cardinalFuzzSeeds, errorSchemas: ['get-info.response-error'] },
  mockNotes: [
    ...cardinalApiKeys.map((k) => `API key (test only): Identifier ${k.identifier}, key ${k.apiKey}`),
    ...cardinalOrgUnits.map((o) => `OrgUnitId ${o.orgUnitId} (acquirer region ${o.region})`),
    'POST /__mock/enrollments {"email", "fidoSetupPayloads": [..], "accountNumbers": [..]} enrolls for the FlowType checks',
  ],
  testCards: cardinalCards.map((c) => ({ id: c.pan.slice(-4), pan: c.pan, summary: `${maskPan(c.pan)}  ${c.brand}${c.note ? `  (${c.note})` : ''}` })),
} satisfies ProviderDefinition;

// Everything the harness knows about Cardinal Commerce DX, in one entry of the registry.
import { createCardinalMock } from '../../../mocks/cardinal/index.ts';
import { cardinalApiKeys, cardinalCards, cardinalOrgUnits } from '../../../mocks/cardinal/accounts.ts';
import { cardinalDefects } from '../../../mocks/cardinal/defects.ts';
import { cardinalEndpoints, cardinalSchemas } from '../../../schemas/cardinal.ts';
import { maskPan } from '../../core/mask.ts';
import type { ProviderDefinition } from '../types.ts';
import { cardinalFuzzSeeds } from './fuzz.ts';
import { CardinalProfile } from './profile.ts';
import { cardinalRequirements } from './requirements.ts';

export const cardinal = {
  id: 'cardinal',
  title: 'Cardinal Commerce DX API — GetInfo for FIDO',
  seed: '002_1ab4a622c4baf223.txt',
  requirements: cardinalRequirements,
  defects: cardinalDefects,
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

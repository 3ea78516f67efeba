// What the harness knows of Cardinal without loading its mock, schemas or crypto: the requirements,
// defects, variants, profile options and variables. The CLI's text commands read only this.
import { cardinalDefects } from '../../../mocks/cardinal/defects.ts';
import { cardinalVariants } from '../../../mocks/cardinal/variants.ts';
import { CardinalProfile } from './profile.ts';
import { cardinalRequirements } from './requirements.ts';
import type { ProviderCatalogue } from '../types.ts';

export const cardinalCatalogue = {
  id: 'cardinal',
  title: 'Cardinal Commerce DX API — GetInfo for FIDO',
  seed: '002_1ab4a622c4baf223.txt',
  requirements: cardinalRequirements,
  defects: cardinalDefects,
  variants: cardinalVariants,
  liveExceptions: {},
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
} satisfies ProviderCatalogue;

// What the harness knows of Cardinal without loading its mock, schemas or crypto: the requirements,
// defects, variants, profile options, variables and the seeded test cards. The CLI's text
// commands read only this.
import { cardinalDefects } from './defects.ts';
import { cardinalVariants } from './variants.ts';
import { cardinalChoices } from './choices.ts';
import { CardinalProfile } from './profile.ts';
import { cardinalRequirements } from './requirements.ts';
import { cardinalCards } from './accounts.ts';
import { maskPan } from '../../core/mask.ts';
import { cardinalCoverage } from './coverage.ts';
import type { ProviderCatalogue } from '../types.ts';

export const cardinalCatalogue = {
  id: 'cardinal',
  title: 'Cardinal Commerce DX API — GetInfo for FIDO',
  document: { title: 'Cardinal Commerce — Checking for FIDO Enrollment (Data Exchange API, GetInfo)' },
  requirements: cardinalRequirements,
  coverage: cardinalCoverage,
  defects: cardinalDefects,
  variants: cardinalVariants,
  choices: cardinalChoices,
  liveExceptions: {},
  parallelOnSandbox:
    'GetInfo is a look-up: no check changes what another reads (enrollment is another endpoint, which the checks never call)',
  profile: CardinalProfile,
  env: {
    baseUrl: 'CARDINAL_BASE_URL',
    vars: {
      CARDINAL_IDENTIFIER: 'API key identifier',
      CARDINAL_API_KEY: 'API key (secret)',
      CARDINAL_ORG_UNIT_ID: 'merchant OrgUnitId (in a FIDO region)',
      CARDINAL_FIDO_PAN: 'a test PAN whose issuer supports Delegated Authentication',
      CARDINAL_NO_DA_PAN: 'a test PAN whose issuer does not (optional)',
      CARDINAL_SECOND_FIDO_PAN: 'a second test PAN of the same FIDO issuer, not enrolled (the ADD_PAN rows)',
      CARDINAL_OUTSIDE_REGION_PAN: 'a test PAN of a FIDO issuer outside the FIDO regions',
      CARDINAL_OUTSIDE_REGION_ORG_UNIT_ID: 'a merchant OrgUnitId whose acquirer is outside the FIDO regions',
      CARDINAL_BRAND_CARDS:
        'test cards per brand, `Brand:PAN[:CardType]` comma-separated (e.g. `Visa:4000…,UPI:6250…:UPI`)',
      CARDINAL_ENROLLED_EMAIL:
        'email of a cardholder the sandbox keeps enrolled for FIDO (the four FlowType rows of an enrolled email)',
      CARDINAL_ENROLLED_SETUP_PAYLOAD: 'the FidoSetupPayload of the device that cardholder enrolled (base64)',
      CARDINAL_ENROLLED_PAN: 'the card that cardholder enrolled (default: CARDINAL_FIDO_PAN)',
      CARDINAL_FIDO_SETUP_PAYLOAD:
        'a FidoSetupPayload captured from CardinalFido.Setup() for a new device (otherwise 24 random bytes)',
    },
    required: ['CARDINAL_IDENTIFIER', 'CARDINAL_API_KEY', 'CARDINAL_ORG_UNIT_ID', 'CARDINAL_FIDO_PAN'],
    fallbacks: { CARDINAL_ENROLLED_PAN: "CARDINAL_FIDO_PAN (the enrolled cardholder's card, when it is that one)" },
  },
  // Seeded cards of the mock: the leak checks and the redactor look for them.
  testCards: cardinalCards.map((c) => ({
    id: c.pan.slice(-4),
    pan: c.pan,
    summary: `${maskPan(c.pan)}  ${c.brand}${c.note ? `  (${c.note})` : ''}`,
  })),
} satisfies ProviderCatalogue;

// What the harness knows of Solaris without loading its mock, schemas or crypto: the requirements,
// defects, variants, profile options, variables and the seeded test cards. The CLI's text
// commands read only this.
import { solarisDefects } from './defects.ts';
import { solarisVariants } from './variants.ts';
import { solarisChoices } from './choices.ts';
import { SolarisProfile } from './profile.ts';
import { solarisRequirements } from './requirements.ts';
import { solarisCards } from './cards.ts';
import { maskPan } from '../../core/mask.ts';
import { solarisCoverage } from './coverage.ts';
import type { ProviderCatalogue } from '../types.ts';

export const solarisCatalogue = {
  id: 'solaris',
  title: 'Solaris — virtual card requests (device binding, JWE card details)',
  document: {
    title: 'Solaris API reference — Create a secure view for card details (POST /v1/cards/{id}/virtual_card_requests)',
    url: 'https://docs.solarisgroup.com/',
  },
  requirements: solarisRequirements,
  coverage: solarisCoverage,
  defects: solarisDefects,
  variants: solarisVariants,
  choices: solarisChoices,
  liveExceptions: {},
  parallelOnSandbox:
    'each virtual-card request stands alone (its own key pair and signature): no check changes what another reads',
  profile: SolarisProfile,
  env: {
    baseUrl: 'SOLARIS_BASE_URL',
    vars: {
      SOLARIS_ACCESS_TOKEN: 'OAuth access token of the partner (secret)',
      SOLARIS_CARD_ID: 'id of a test card',
      SOLARIS_DEVICE_ID: 'id of a device bound to the card holder',
      SOLARIS_DEVICE_PRIVATE_KEY: "the bound device's P-256 private key, PKCS#8 PEM (secret, test device only)",
      SOLARIS_CARD_PAN: 'PAN of that card, to compare the decrypted value (optional)',
      SOLARIS_CARD_CVC: 'CVC of that card (optional)',
      SOLARIS_CARD_EXPIRES_AT: "that card's expires_at (YYYY-MM-DD), compared with the decrypted value",
      SOLARIS_OTHER_DEVICE_ID: 'a device bound to another person (optional)',
      SOLARIS_OTHER_DEVICE_PRIVATE_KEY: 'its private key, PKCS#8 PEM (optional)',
    },
    required: ['SOLARIS_CARD_ID', 'SOLARIS_DEVICE_ID', 'SOLARIS_DEVICE_PRIVATE_KEY'],
    fallbacks: {
      SOLARIS_ACCESS_TOKEN: 'no Authorization header (the variable serves only a sandbox that asks for one)',
    },
  },
  // Seeded cards of the mock: the leak checks and the redactor look for them.
  testCards: solarisCards.map((c) => ({
    id: c.id,
    pan: c.pan,
    cvv: c.cvc,
    summary: `${c.id}  ${maskPan(c.pan)}  (person ${c.personId})`,
  })),
} satisfies ProviderCatalogue;

// What the harness knows of Plumery without loading its mock, schemas or crypto: the requirements,
// defects, variants, profile options, variables and the seeded test cards. The CLI's text
// commands read only this.
import { plumeryDefects } from './defects.ts';
import { plumeryVariants } from './variants.ts';
import { plumeryChoices } from './choices.ts';
import { PlumeryProfile } from './profile.ts';
import { plumeryRequirements } from './requirements.ts';
import { plumeryCards } from './cards.ts';
import { maskPan } from '../../core/mask.ts';
import { plumeryCoverage } from './coverage.ts';
import type { ProviderCatalogue } from '../types.ts';

export const plumeryCatalogue = {
  id: 'plumery',
  title: 'Plumery cards connector — ECDH P-256 + HKDF-SHA256 + AES-256-GCM PIN and card details',
  document: { title: 'Plumery cards connector API — GET /internal/v1/cards/{token}/pin' },
  requirements: plumeryRequirements,
  coverage: plumeryCoverage,
  defects: plumeryDefects,
  variants: plumeryVariants,
  choices: plumeryChoices,
  liveExceptions: {},
  parallelOnSandbox:
    "both endpoints are GETs of a card's data under a key the check makes: no check changes what another reads",
  profile: PlumeryProfile,
  env: {
    baseUrl: 'PLUMERY_BASE_URL',
    vars: {
      PLUMERY_CARD_TOKEN: 'token of an active test card',
      PLUMERY_AUTHORIZATION: 'Authorization header value for the connector, if it needs one (secret)',
      PLUMERY_CARD_PIN: 'PIN of that card, to compare the decrypted value (optional)',
      PLUMERY_CARD_PAN: 'PAN of that card (optional)',
      PLUMERY_CARD_CVV2: 'CVV2 of that card (optional)',
      PLUMERY_CARD_EXPIRY: 'expiry of that card, MM/YY (optional)',
      PLUMERY_TERMINATED_CARD_TOKEN: 'token of a terminated card',
      PLUMERY_INACTIVE_CARD_TOKEN: 'token of a card in a state that does not allow the PIN (e.g. ordered)',
    },
    required: ['PLUMERY_CARD_TOKEN'],
    fallbacks: {
      PLUMERY_AUTHORIZATION: 'no Authorization header (the variable serves only a connector that asks for one)',
    },
  },
  // Seeded cards of the mock: the leak checks and the redactor look for them.
  testCards: plumeryCards.map((c) => ({
    id: c.token,
    pan: c.pan,
    cvv: c.cvv2,
    pin: c.pin,
    summary: `${c.token}  ${maskPan(c.pan)}  ${c.state}`,
  })),
} satisfies ProviderCatalogue;

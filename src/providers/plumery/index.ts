// Everything the harness knows about Plumery, in one entry of the registry.
import { createPlumeryMock } from '../../../mocks/plumery/index.ts';
import { plumeryCards } from '../../../mocks/plumery/cards.ts';
import { plumeryDefects } from '../../../mocks/plumery/defects.ts';
import { plumeryEndpoints, plumerySchemas } from '../../../schemas/plumery.ts';
import { maskPan } from '../../core/mask.ts';
import type { ProviderDefinition } from '../types.ts';
import { plumeryVariants } from '../../../mocks/plumery/variants.ts';
import type { PlumeryCard } from '../../../mocks/plumery/cards.ts';
import { plumeryFuzzSeeds } from './fuzz.ts';
import { PlumeryProfile } from './profile.ts';
import { plumeryRequirements } from './requirements.ts';

export const plumery = {
  id: 'plumery',
  title: 'Plumery cards connector — ECDH P-256 + HKDF-SHA256 + AES-256-GCM PIN and card details',
  seed: '003_725b8b656aca0d0e.txt',
  requirements: plumeryRequirements,
  defects: plumeryDefects,
  variants: plumeryVariants,
  vendorEnv: (state, url) => {
    const { cards } = state as { cards: PlumeryCard[] };
    const active = cards.find((c) => c.state === 'ACTIVE')!;
    const terminated = cards.find((c) => c.state === 'TERMINATED');
    const inactive = cards.find((c) => c.state === 'ORDERED');
    return {
      PLUMERY_BASE_URL: url,
      PLUMERY_CARD_TOKEN: active.token,
      PLUMERY_CARD_PIN: active.pin,
      PLUMERY_CARD_PAN: active.pan,
      PLUMERY_CARD_CVV2: active.cvv2,
      PLUMERY_CARD_EXPIRY: active.expirationDate,
      ...(terminated ? { PLUMERY_TERMINATED_CARD_TOKEN: terminated.token } : {}),
      ...(inactive ? { PLUMERY_INACTIVE_CARD_TOKEN: inactive.token } : {}),
    };
  },
  schemas: plumerySchemas,
  endpoints: plumeryEndpoints,
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
  },
  createMock: createPlumeryMock,
  fuzz: { seeds: plumeryFuzzSeeds },
  mockNotes: ['no authentication; X-Client-Public-Key: base64 SPKI DER (or the raw uncompressed point) of a P-256 key'],
  testCards: plumeryCards.map((c) => ({ id: c.token, pan: c.pan, cvv: c.cvv2, pin: c.pin, summary: `${c.token}  ${maskPan(c.pan)}  ${c.state}` })),
} satisfies ProviderDefinition;

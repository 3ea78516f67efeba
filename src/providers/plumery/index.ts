// Everything the harness knows about Plumery, in one entry of the registry.
import { plumeryEndpoints, plumerySchemas } from '../../../schemas/plumery.ts';
import type { ProviderDefinition } from '../types.ts';
import type { PlumeryCard } from './cards.ts';
import { plumeryCatalogue } from './catalogue.ts';

export const plumery = {
  ...plumeryCatalogue,
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
  // The seeds load the client and crypto the mock does not need: loaded by the fuzzer only.
  fuzz: { seeds: async (url, vars) => (await import('./fuzz.ts')).plumeryFuzzSeeds(url, vars) },
  mockNotes: ['no authentication; X-Client-Public-Key: base64 SPKI DER (or the raw uncompressed point) of a P-256 key'],
} satisfies ProviderDefinition;

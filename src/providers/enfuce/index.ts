// Everything the harness knows about Enfuce, in one entry of the registry.
import { enfuceMockCredentials } from './cards.ts';
import type { EnfuceCard } from './cards.ts';
import { enfuceEndpoints, enfuceSchemas } from '../../../schemas/enfuce.ts';
import type { ProviderDefinition } from '../types.ts';
import { enfuceCatalogue } from './catalogue.ts';

export const enfuce = {
  ...enfuceCatalogue,
  vendorEnv: (state, url) => {
    const s = state as { cards: EnfuceCard[]; credentials: { username: string; password: string }; frameKeys: Record<string, string>; cardDataFrameUrl: string };
    // The frame key the mock has agreed for a merchant origin, as a sandbox's onboarding gives one.
    const [frameKey, frameOrigin] = Object.entries(s.frameKeys)[0] ?? [];
    const active = s.cards.find((c) => c.status === 'ACTIVE')!;
    const frozen = s.cards.find((c) => c.status === 'FROZEN');
    return {
      ENFUCE_BASE_URL: url,
      ENFUCE_USERNAME: s.credentials.username,
      ENFUCE_PASSWORD: s.credentials.password,
      ENFUCE_CARD_ID: active.cardId,
      ENFUCE_CARD_PAN: active.pan,
      ENFUCE_CARD_EXPIRY: active.expiry,
      ENFUCE_CARD_CVV2: active.cvv2,
      ...(frozen ? { ENFUCE_FROZEN_CARD_ID: frozen.cardId } : {}),
      ...(frameKey && frameOrigin ? { ENFUCE_FRAME_KEY: frameKey, ENFUCE_FRAME_ORIGIN: frameOrigin } : {}),
      // The frame URL as onboarding documents it: the frame checks' way in when a token answer leaves it out.
      ENFUCE_CARD_DATA_FRAME_URL: s.cardDataFrameUrl,
    };
  },
  schemas: enfuceSchemas,
  endpoints: enfuceEndpoints,
  // The seeds load the client and crypto the mock does not need: loaded by the fuzzer only.
  fuzz: { seeds: async (url, vars) => (await import('./fuzz.ts')).enfuceFuzzSeeds(url, vars), htmlErrorPaths: /^\/v4\/card-data(\/|$)/ },
  mockNotes: [
    `Basic auth (test only): ${enfuceMockCredentials.username} / ${enfuceMockCredentials.password}`,
    'frame key "demo-merchant" is agreed for the origin http://localhost:8081; POST /__mock/frame-keys adds others',
  ],
} satisfies ProviderDefinition;

// Everything the harness knows about Enfuce, in one entry of the registry.
import { createEnfuceMock } from '../../../mocks/enfuce/index.ts';
import { enfuceCards, enfuceMockCredentials } from '../../../mocks/enfuce/cards.ts';
import { enfuceDefects } from '../../../mocks/enfuce/defects.ts';
import { enfuceVariants } from '../../../mocks/enfuce/variants.ts';
import type { EnfuceCard } from '../../../mocks/enfuce/cards.ts';
import { enfuceEndpoints, enfuceSchemas } from '../../../schemas/enfuce.ts';
import { maskPan } from '../../core/mask.ts';
import type { ProviderDefinition } from '../types.ts';
import { enfuceFuzzSeeds } from './fuzz.ts';
import { EnfuceProfile } from './profile.ts';
import { enfuceRequirements } from './requirements.ts';

export const enfuce = {
  id: 'enfuce',
  title: 'Enfuce Card API v4 — card-data reveal',
  seed: '000_144721379b2c97d0.txt',
  requirements: enfuceRequirements,
  defects: enfuceDefects,
  variants: enfuceVariants,
  vendorEnv: (state, url) => {
    const s = state as { cards: EnfuceCard[]; credentials: { username: string; password: string } };
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
    };
  },
  schemas: enfuceSchemas,
  endpoints: enfuceEndpoints,
  profile: EnfuceProfile,
  env: {
    baseUrl: 'ENFUCE_BASE_URL',
    vars: {
      ENFUCE_USERNAME: 'Basic-auth user of the Card API',
      ENFUCE_PASSWORD: 'Basic-auth password of the Card API (secret)',
      ENFUCE_CARD_ID: 'id of a test card in the sandbox',
      ENFUCE_CARD_PAN: 'PAN of that card, to compare the snapshot (otherwise a Luhn-valid PAN is looked for)',
      ENFUCE_CARD_EXPIRY: 'expiry of that card as the snapshot shows it',
      ENFUCE_CARD_CVV2: 'CVV2 of that card',
      ENFUCE_FROZEN_CARD_ID: 'id of a frozen test card (no card-status check)',
      ENFUCE_FRAME_KEY: 'frame key agreed with Enfuce',
      ENFUCE_FRAME_ORIGIN: 'the parent origin agreed for that key',
      ENFUCE_CARD_DATA_FRAME_URL: 'the frame URL, used by the frame checks when the controlToken answer leaves cardDataFrameUrl out',
      ENFUCE_UNKNOWN_CARD_ID: 'an id that is no card (default: a random one)',
    },
    required: ['ENFUCE_USERNAME', 'ENFUCE_PASSWORD', 'ENFUCE_CARD_ID'],
  },
  createMock: createEnfuceMock,
  fuzz: { seeds: enfuceFuzzSeeds, htmlErrorPaths: /^\/v4\/card-data(\/|$)/ },
  mockNotes: [
    `Basic auth (test only): ${enfuceMockCredentials.username} / ${enfuceMockCredentials.password}`,
    'frame key "demo-merchant" is agreed for the origin http://localhost:8081; POST /__mock/frame-keys adds others',
  ],
  testCards: enfuceCards.map((c) => ({ id: c.cardId, pan: c.pan, cvv: c.cvv2, summary: `${c.cardId}  ${maskPan(c.pan)}  ${c.status}` })),
} satisfies ProviderDefinition;

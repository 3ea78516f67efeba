// What the harness knows of Enfuce without loading its mock, schemas or crypto: the requirements,
// defects, variants, profile options, variables and the seeded test cards. The CLI's text
// commands read only this.
import { enfuceDefects } from './defects.ts';
import { enfuceVariants } from './variants.ts';
import { enfuceChoices } from './choices.ts';
import { EnfuceProfile } from './profile.ts';
import { enfuceRequirements } from './requirements.ts';
import { enfuceCards } from './cards.ts';
import { maskPan } from '../../core/mask.ts';
import { enfuceCoverage } from './coverage.ts';
import type { ProviderCatalogue } from '../types.ts';

export const enfuceCatalogue = {
  id: 'enfuce',
  title: 'Enfuce Card API v4 — card-data reveal',
  document: {
    title: 'Enfuce Card API v4 — Get card: Initiate card data retrieval (POST /v4/card/{cardId}/controlToken)',
  },
  requirements: enfuceRequirements,
  coverage: enfuceCoverage,
  defects: enfuceDefects,
  variants: enfuceVariants,
  choices: enfuceChoices,
  liveExceptions: {
    'ENF-TOKEN-TTL-30S':
      "the boundary (shown at 29.9 s, refused at exactly 30 s) and the pact's token issued 31 s ago need the server clock; live the rule is checked at 20 s and 31 s, API and frame",
  },
  beyondTheMock: {
    'ENF-ENCRYPTED-TRANSPORT':
      'the reference mock serves loopback http, which the rule allows (a bench no device reaches), and a URL off loopback would take the rest of the run away with it; test/network.test.ts publishes the mock at a public name over http (the rule alone fails) and over https (it passes), and test/unit/enfuce-transport.test.ts holds the judgement',
  },
  // Its one real-time check waits 31 s (specs/enfuce/30-seconds-in-real-time.spec.ts): beside the others, a live run stays short.
  parallelOnSandbox: 'every check issues its own control tokens, and a token concerns nothing but itself',
  browserChecks: 'the card data shows in an iframe that a merchant page embeds and talks to by postMessage',
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
      ENFUCE_CARD_DATA_FRAME_URL:
        'the frame URL, used by the frame checks when the controlToken answer leaves cardDataFrameUrl out',
      ENFUCE_UNKNOWN_CARD_ID: 'an id that is no card (default: a random one)',
    },
    required: ['ENFUCE_USERNAME', 'ENFUCE_PASSWORD', 'ENFUCE_CARD_ID'],
    fallbacks: {
      ENFUCE_UNKNOWN_CARD_ID: 'a random id',
      ENFUCE_CARD_DATA_FRAME_URL:
        "the controlToken answer's cardDataFrameUrl (the variable serves only a target that leaves it out)",
    },
  },
  // Seeded cards of the mock: the leak checks and the redactor look for them.
  testCards: enfuceCards.map((c) => ({
    id: c.cardId,
    pan: c.pan,
    cvv: c.cvv2,
    summary: `${c.cardId}  ${maskPan(c.pan)}  ${c.status}`,
  })),
} satisfies ProviderCatalogue;

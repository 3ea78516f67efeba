// Everything the harness knows about Exa, in one entry of the registry.
import { createExaMock } from '../../../mocks/exa/index.ts';
import { exaDefects } from '../../../mocks/exa/defects.ts';
import { exaUsers, type ExaUser } from '../../../mocks/exa/users.ts';
import { exaVariants } from '../../../mocks/exa/variants.ts';
import { exaEndpoints, exaSchemas } from '../../../schemas/exa.ts';
import { maskPan } from '../../core/mask.ts';
import type { ProviderDefinition } from '../types.ts';
import { exaFuzzSeeds } from './fuzz.ts';
import { ExaProfile } from './profile.ts';
import { exaRequirements } from './requirements.ts';

const seededCards = exaUsers.flatMap((u) => (u.card ? [{ user: u, card: u.card }] : []));

export const exa = {
  id: 'exa',
  title: 'Exa card API — GET /card encrypted card data',
  seed: '001_5ed456fde42f17af.txt',
  requirements: exaRequirements,
  defects: exaDefects,
  variants: exaVariants,
  vendorEnv: (state, url) => {
    const s = state as { publicKeyPem: string; users: ExaUser[]; binding: { walletPrivateKey: string } };
    const holder = s.users.find((u) => u.card?.pin)!;
    return {
      EXA_BASE_URL: url,
      EXA_TOKEN: holder.token,
      EXA_PUBLIC_KEY: s.publicKeyPem,
      EXA_CARD_PAN: holder.card!.pan,
      EXA_CARD_CVC: holder.card!.cvc,
      EXA_CARD_PIN: holder.card!.pin!,
      EXA_NO_CARD_TOKEN: s.users.find((u) => u.pandaId && !u.card)!.token,
      EXA_NO_PANDA_TOKEN: s.users.find((u) => !u.pandaId)!.token,
      EXA_WALLET_PRIVATE_KEY: s.binding.walletPrivateKey,
    };
  },
  schemas: exaSchemas,
  endpoints: exaEndpoints,
  profile: ExaProfile,
  env: {
    baseUrl: 'EXA_BASE_URL',
    vars: {
      EXA_TOKEN: 'credential of a test cardholder with a card (secret)',
      EXA_PUBLIC_KEY: 'the provider RSA public key, PEM (the sessionid is encrypted to it)',
      EXA_CARD_PAN: 'PAN of that card, to compare the decrypted value (optional)',
      EXA_CARD_CVC: 'CVC of that card (optional)',
      EXA_CARD_PIN: 'PIN of that card (optional)',
      EXA_NO_CARD_TOKEN: 'credential of a user without a card (404 check)',
      EXA_NO_PANDA_TOKEN: 'credential of a user without an issuer account (403 check)',
      EXA_WALLET_PRIVATE_KEY: 'test wallet of the cardholder, to sign the SIWE challenge (secret)',
    },
    required: ['EXA_TOKEN', 'EXA_PUBLIC_KEY'],
  },
  createMock: createExaMock,
  fuzz: { seeds: exaFuzzSeeds },
  mockNotes: [
    ...exaUsers.map((u) => `bearer token ${u.token} → ${u.id}`),
    'RSA-1024 public key for the sessionid: GET /__mock/state (publicKeyPem), new at every start',
  ],
  testCards: seededCards.map(({ user, card }) => ({
    id: card.cardId,
    pan: card.pan,
    cvv: card.cvc,
    ...(card.pin ? { pin: card.pin } : {}),
    summary: `${card.cardId}  ${maskPan(card.pan)}  ${card.status}  (${user.id})`,
  })),
} satisfies ProviderDefinition;

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
    const s = state as { publicKeyPem: string; users: ExaUser[]; binding: { walletPrivateKey: string; passkeyPrivateKey: string; passkeyCredentialId: string; rpId: string; origin: string } };
    const holder = s.users.find((u) => u.card?.pin)!;
    const noPin = s.users.find((u) => u.card && u.card.pin === null);
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
      EXA_PASSKEY_PRIVATE_KEY: s.binding.passkeyPrivateKey,
      EXA_PASSKEY_CREDENTIAL_ID: s.binding.passkeyCredentialId,
      EXA_PASSKEY_RP_ID: s.binding.rpId,
      EXA_PASSKEY_ORIGIN: s.binding.origin,
      ...(noPin ? { EXA_NO_PIN_TOKEN: noPin.token, EXA_NO_PIN_CARD_PAN: noPin.card!.pan } : {}),
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
      EXA_PASSKEY_PRIVATE_KEY: "the cardholder's test passkey: its P-256 private key, 0x-hex (secret), for the WebAuthn binding",
      EXA_PASSKEY_CREDENTIAL_ID: "that passkey's credential id (base64url)",
      EXA_PASSKEY_RP_ID: 'the WebAuthn relying-party id the sandbox checks',
      EXA_PASSKEY_ORIGIN: 'the WebAuthn origin the sandbox checks',
      EXA_NO_PIN_TOKEN: 'credential of a cardholder whose card has no PIN (pin: null)',
      EXA_NO_PIN_CARD_PAN: "PAN of that cardholder's card",
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

// What the harness knows of Exa without loading its mock, schemas or crypto: the requirements,
// defects, variants, profile options, variables and the seeded test cards. The CLI's text
// commands read only this.
import { exaDefects } from './defects.ts';
import { exaVariants } from './variants.ts';
import { exaChoices } from './choices.ts';
import { ExaProfile } from './profile.ts';
import { exaRequirements } from './requirements.ts';
import { exaUsers } from './users.ts';
import { maskPan } from '../../core/mask.ts';
import { exaCoverage } from './coverage.ts';
import type { ProviderCatalogue } from '../types.ts';

const seededCards = exaUsers.flatMap((u) => (u.card ? [{ user: u, card: u.card }] : []));

export const exaCatalogue = {
  id: 'exa',
  title: 'Exa card API — GET /card encrypted card data',
  document: { title: 'Exa card API — Get card information (GET /card)' },
  requirements: exaRequirements,
  coverage: exaCoverage,
  defects: exaDefects,
  variants: exaVariants,
  choices: exaChoices,
  liveExceptions: {},
  parallelOnSandbox:
    'every check asks for its own session and challenge, and a binding changes nothing that another check reads',
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
      EXA_PASSKEY_PRIVATE_KEY:
        "the cardholder's test passkey: its P-256 private key, 0x-hex (secret), for the WebAuthn binding",
      EXA_PASSKEY_CREDENTIAL_ID: "that passkey's credential id (base64url)",
      EXA_PASSKEY_RP_ID: 'the WebAuthn relying-party id the sandbox checks',
      EXA_PASSKEY_ORIGIN: 'the WebAuthn origin the sandbox checks',
      EXA_NO_PIN_TOKEN: 'credential of a cardholder whose card has no PIN (pin: null)',
      EXA_NO_PIN_CARD_PAN: "PAN of that cardholder's card",
    },
    required: ['EXA_TOKEN', 'EXA_PUBLIC_KEY'],
  },
  // Seeded cards of the mock: the leak checks and the redactor look for them.
  testCards: seededCards.map(({ user, card }) => ({
    id: card.cardId,
    pan: card.pan,
    cvv: card.cvc,
    ...(card.pin ? { pin: card.pin } : {}),
    summary: `${card.cardId}  ${maskPan(card.pan)}  ${card.status}  (${user.id})`,
  })),
} satisfies ProviderCatalogue;

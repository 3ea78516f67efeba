// The Exa mock's seeded users. PANs are Luhn-valid and made up; the leak checks search every
// artifact of a run for them (and for the CVCs and PINs next to their labels), so they stay
// distinctive. Bearer tokens, the wallet key and the passkey are test-only values.
import { createHash } from 'node:crypto';

export interface ExaCard {
  cardId: string;
  pan: string;
  cvc: string;
  /** null: the card has no PIN (`pin: null` in the answer). */
  pin: string | null;
  expirationMonth: string;
  expirationYear: string;
  status: 'ACTIVE' | 'FROZEN';
  mode: number;
  productId: string;
  limit: {
    amount: number;
    frequency:
      'per24HourPeriod' | 'per7DayPeriod' | 'per30DayPeriod' | 'perYearPeriod' | 'allTime' | 'perAuthorization';
  };
}

export interface ExaUser {
  id: string;
  /** Test bearer token (Authorization: Bearer …). */
  token: string;
  firstName: string;
  lastName: string;
  /** The issuer-side user id (Exa's "panda id"); null → 403 "no panda". */
  pandaId: string | null;
  /** The smart account named in the binding statement. */
  account: string;
  card: ExaCard | null;
}

const testKey = (label: string) => `0x${createHash('sha256').update(`card-reveal-harness exa ${label}`).digest('hex')}`;

/** Test-only keys of the cardholder: the wallet that signs SIWE, the passkey that signs WebAuthn. */
export const exaTestKeys = {
  walletPrivateKey: testKey('wallet') as `0x${string}`,
  passkeyPrivateKey: testKey('passkey') as `0x${string}`,
  passkeyCredentialId: 'aGFybmVzcy1wYXNza2V5LTE',
} as const;

/** Where the challenges are bound: SIWE domain and chain, WebAuthn relying party and origin. */
export const exaBinding = {
  domain: 'sandbox.exa.test',
  chainId: 10,
  rpId: 'sandbox.exa.test',
  origin: 'https://sandbox.exa.test',
} as const;

export const exaUsers: readonly ExaUser[] = [
  {
    id: 'exa-user-card',
    token: 'exa-test-token-card-holder-0001',
    firstName: 'Ada',
    lastName: 'Harness',
    pandaId: 'panda-user-0001',
    account: '0x7e57000000000000000000000000000000000a01',
    card: {
      cardId: '6f1c2a4e-3b5d-4c7e-9f80-a1b2c3d4e501',
      pan: '4485901762345184',
      cvc: '731',
      pin: '4826',
      expirationMonth: '08',
      expirationYear: '2029',
      status: 'ACTIVE',
      mode: 0,
      productId: '402',
      limit: { amount: 500000, frequency: 'per7DayPeriod' },
    },
  },
  {
    id: 'exa-user-frozen-no-pin',
    token: 'exa-test-token-frozen-no-pin-0002',
    firstName: 'Bo',
    lastName: 'Harness',
    pandaId: 'panda-user-0002',
    account: '0x7e57000000000000000000000000000000000a02',
    card: {
      cardId: '6f1c2a4e-3b5d-4c7e-9f80-a1b2c3d4e502',
      pan: '5355229031478824',
      cvc: '264',
      pin: null,
      expirationMonth: '11',
      expirationYear: '2028',
      status: 'FROZEN',
      mode: 1,
      productId: '402',
      limit: { amount: 100000, frequency: 'per30DayPeriod' },
    },
  },
  {
    id: 'exa-user-no-card',
    token: 'exa-test-token-no-card-0003',
    firstName: 'Cy',
    lastName: 'Harness',
    pandaId: 'panda-user-0003',
    account: '0x7e57000000000000000000000000000000000a03',
    card: null,
  },
  {
    id: 'exa-user-no-panda',
    token: 'exa-test-token-no-panda-0004',
    firstName: 'Di',
    lastName: 'Harness',
    pandaId: null,
    account: '0x7e57000000000000000000000000000000000a04',
    card: null,
  },
];

/** "I authorize the account … to be linked with the card ending in … for my user (…)" (Exa's server). */
export function bindingStatement(user: ExaUser, otherWording = false): string {
  if (otherWording)
    return `Link card ${user.card?.cardId ?? ''} to wallet ${user.account}. User: ${user.pandaId ?? ''}.`;
  return `I authorize the account ${user.account} to be linked with the card ending in ${user.card?.pan.slice(-4) ?? ''} for my user (${user.pandaId ?? ''})`;
}

// The DX mock's merchants (API keys, org units and their acquirer regions) and its test cards, one
// or more per brand of the document. PANs are Luhn-valid and made up; the leak checks look for them.
import type { CardType, DxCardBrand } from '../../../schemas/cardinal.ts';
import type { z } from 'zod';

export interface DxApiKey {
  identifier: string;
  apiKey: string;
}

/** Test-only credentials (an API key is a secret on a real service). */
export const cardinalApiKeys: readonly DxApiKey[] = [
  { identifier: 'crh-dx-identifier-01', apiKey: 'crh-dx-apikey-test-only-7f3a9c' },
];

export const cardinalOrgUnits: readonly { orgUnitId: string; region: string }[] = [
  { orgUnitId: 'crh-org-unit-eu-0001', region: 'EU' },
  { orgUnitId: 'crh-org-unit-apac-0002', region: 'APAC' },
];

export interface DxTestCard {
  pan: string;
  brand: DxCardBrand;
  cardType?: z.infer<typeof CardType>;
  /** What the checks use the card for, where they need one of a kind. */
  role?: DxCardRole;
  note: string;
}

/** The kinds of test card the checks ask for (each the variable a vendor sets for it). */
export type DxCardRole = 'fido' | 'second-fido' | 'no-delegated-auth' | 'fido-outside-regions';

/** The PAN of the card of `role` among `cards`. */
export const panFor = (cards: readonly Pick<DxTestCard, 'pan' | 'role'>[], role: DxCardRole): string | undefined =>
  cards.find((c) => c.role === role)?.pan;

export const cardinalCards: readonly DxTestCard[] = [
  { pan: '4000182736451772', brand: 'Visa', role: 'fido', note: 'FIDO issuer, delegated authentication (EU)' },
  { pan: '4000189021447779', brand: 'Visa', role: 'second-fido', note: 'same FIDO issuer, a second card' },
  {
    pan: '4263970000345775',
    brand: 'Visa',
    role: 'no-delegated-auth',
    note: 'issuer without delegated authentication',
  },
  {
    pan: '4571230099881777',
    brand: 'Visa',
    role: 'fido-outside-regions',
    note: 'FIDO issuer outside the FIDO regions',
  },
  { pan: '2223003122003776', brand: 'Mastercard', note: '2-series BIN' },
  { pan: '5425233430109770', brand: 'Mastercard', note: '5-series BIN' },
  { pan: '371449635398472', brand: 'Amex', note: '15 digits' },
  { pan: '6011000990139770', brand: 'Discover', note: '' },
  { pan: '3530111333300778', brand: 'JCB', note: '' },
  { pan: '5066991111111779', brand: 'ELO', note: '' },
  { pan: '6250941006528771', brand: 'UPI', cardType: 'UPI', note: 'CardType UPI' },
  { pan: '5602790000123775', brand: 'EFTPOS', note: 'test range' },
  { pan: '4970101234567778', brand: 'CB', cardType: 'CB', note: 'CardType CB' },
  { pan: '9880123456789771', brand: 'ITMX', cardType: 'ITMX', note: 'CardType ITMX, test range' },
];

/**
 * The cardholder the mock has enrolled from the start (as a sandbox keeps one): an email, the
 * FidoSetupPayload of the device enrolled (24 bytes, base64, as CardinalFido.Setup() hands back)
 * and the card enrolled, the FIDO issuer's first.
 */
export const cardinalEnrolled = {
  email: 'enrolled-cardholder@example.test',
  fidoSetupPayload: Buffer.from('crh-enrolled-device-0001').toString('base64'),
  pan: '4000182736451772',
} as const;

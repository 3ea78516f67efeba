// What the DX mock knows about card ranges: the brand of a BIN (a default table: "CardBrand
// from a BIN-range table"; ranges for EFTPOS and ITMX are test ranges, their real ones being
// co-badged or unpublished), and per issuer range the 3DS versions and capabilities (from the PRes)
// and the issuer's region. Acquirer regions come from the merchant's OrgUnitId.
import type { DxCardBrand, DxSupportedVersion } from '../../schemas/cardinal.ts';

/** Longest prefix wins; [from, to] are inclusive numeric prefixes of equal length. */
const BRAND_RANGES: readonly { from: string; to: string; brand: DxCardBrand }[] = [
  { from: '506699', to: '506778', brand: 'ELO' },
  { from: '509000', to: '509999', brand: 'ELO' },
  { from: '636368', to: '636368', brand: 'ELO' },
  { from: '438935', to: '438935', brand: 'ELO' },
  { from: '560279', to: '560279', brand: 'EFTPOS' },
  { from: '497010', to: '497010', brand: 'CB' },
  { from: '9880', to: '9880', brand: 'ITMX' },
  { from: '4', to: '4', brand: 'Visa' },
  { from: '51', to: '55', brand: 'Mastercard' },
  { from: '2221', to: '2720', brand: 'Mastercard' },
  { from: '34', to: '34', brand: 'Amex' },
  { from: '37', to: '37', brand: 'Amex' },
  { from: '3528', to: '3589', brand: 'JCB' },
  { from: '6011', to: '6011', brand: 'Discover' },
  { from: '644', to: '649', brand: 'Discover' },
  { from: '65', to: '65', brand: 'Discover' },
  { from: '62', to: '62', brand: 'UPI' },
];

export function brandOf(pan: string): DxCardBrand | undefined {
  const hits = BRAND_RANGES.filter((r) => {
    const p = pan.slice(0, r.from.length);
    return p.length === r.from.length && p >= r.from && p <= r.to;
  });
  return hits.sort((a, b) => b.from.length - a.from.length)[0]?.brand;
}

const v210: DxSupportedVersion = {
  Version: '2.1.0',
  Capabilities: ['AuthenticationAvailableAtACS'],
  MethodURLPresent: true,
};
const v220da: DxSupportedVersion = {
  Version: '2.2.0',
  Capabilities: ['AuthenticationAvailableAtACS', 'DataOnly', 'DelegatedAuthentication'],
  MethodURLPresent: true,
};
const v220: DxSupportedVersion = {
  Version: '2.2.0',
  Capabilities: ['AuthenticationAvailableAtACS', 'DataOnly'],
  MethodURLPresent: false,
};

export interface IssuerRange {
  prefix: string;
  name: string;
  region: string;
  versions: readonly DxSupportedVersion[];
}

/** Issuer ranges (longest prefix wins); the last entry is every other range. */
export const ISSUER_RANGES: readonly IssuerRange[] = [
  { prefix: '400018', name: 'FIDO issuer (EU), delegated authentication', region: 'EU', versions: [v210, v220da] },
  { prefix: '426397', name: 'issuer (EU) without delegated authentication', region: 'EU', versions: [v210, v220] },
  // A Mastercard issuer with delegated authentication: FIDO still answers only for Visa cards.
  {
    prefix: '542523',
    name: 'Mastercard issuer (EU), delegated authentication',
    region: 'EU',
    versions: [v210, v220da],
  },
  {
    prefix: '457123',
    name: 'FIDO issuer in a region Cardinal FIDO does not serve',
    region: 'LATAM',
    versions: [v220da],
  },
  { prefix: '', name: 'any other issuer', region: 'NA', versions: [v220] },
];

export function issuerOf(pan: string): IssuerRange {
  return [...ISSUER_RANGES].sort((a, b) => b.prefix.length - a.prefix.length).find((r) => pan.startsWith(r.prefix))!;
}

/** Regions where Cardinal FIDO is offered (default). */
export const FIDO_REGIONS: ReadonlySet<string> = new Set(['EU', 'NA']);

export const supportsDelegatedAuthentication = (r: IssuerRange) =>
  r.versions.some((v) => v.Capabilities?.includes('DelegatedAuthentication'));

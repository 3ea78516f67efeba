// The Solaris mock's cards. PANs are Luhn-valid and made up (the leak checks look for them). Data
// alone: the provider's catalogue reads them, without the mock.
export interface SolarisCard {
  id: string;
  personId: string;
  pan: string;
  cvc: string;
  expiresAt: string; // YYYY-MM-DD
  line1: string;
}

export const solarisCards: readonly SolarisCard[] = [
  {
    id: 'sol-card-0001',
    personId: 'sol-person-01',
    pan: '4532761849205170',
    cvc: '614',
    expiresAt: '2029-05-31',
    line1: 'ADA HARNESS',
  },
  {
    id: 'sol-card-0002',
    personId: 'sol-person-02',
    pan: '5228604193728403',
    cvc: '287',
    expiresAt: '2028-09-30',
    line1: 'BO HARNESS',
  },
];

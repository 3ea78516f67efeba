// The mock's seeded test cards. PANs are Luhn-valid and made up; the leak checks search every
// artifact of a run for them, so they must stay distinctive.
export interface EnfuceCard {
  cardId: string;
  pan: string;
  expiry: string; // MM/YY as printed on the card
  cvv2: string;
  status: 'ACTIVE' | 'FROZEN';
}

export const enfuceCards: readonly EnfuceCard[] = [
  { cardId: 'enf-card-active-1', pan: '4929170463821570', expiry: '09/29', cvv2: '417', status: 'ACTIVE' },
  { cardId: 'enf-card-active-2', pan: '5355220918476304', expiry: '03/28', cvv2: '862', status: 'ACTIVE' },
  { cardId: 'enf-card-frozen-3', pan: '4508753391206649', expiry: '12/27', cvv2: '590', status: 'FROZEN' },
];

/** The credentials the mock accepts (test values, not secrets). */
export const enfuceMockCredentials = { username: 'harness', password: 'harness-sandbox-password' } as const;

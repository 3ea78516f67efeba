// The Plumery mock's seeded cards. PANs are Luhn-valid and made up; the leak checks search every
// artifact for them and for the CVV2s and PINs next to their labels.
export interface PlumeryCard {
  token: string;
  pan: string;
  cvv2: string;
  expirationDate: string; // MM/YY
  pin: string;
  state: 'ACTIVE' | 'TERMINATED' | 'ORDERED';
}

export const plumeryCards: readonly PlumeryCard[] = [
  {
    token: 'plm-card-active-1',
    pan: '4917615582099346',
    cvv2: '508',
    expirationDate: '06/30',
    pin: '7305',
    state: 'ACTIVE',
  },
  {
    token: 'plm-card-terminated-2',
    pan: '5355221876043912',
    cvv2: '149',
    expirationDate: '02/27',
    pin: '6182',
    state: 'TERMINATED',
  },
  {
    token: 'plm-card-ordered-3',
    pan: '4485907321655872',
    cvv2: '933',
    expirationDate: '10/31',
    pin: '2950',
    state: 'ORDERED',
  },
];

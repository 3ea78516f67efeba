// Provider states of the Plumery pact; each hands back the card token to use (fromProviderState).
export const PACT_STATES = {
  activeCard: 'an active card with a PIN',
  terminatedCard: 'a terminated card',
  noCard: 'no card has the token no-such-card',
} as const;

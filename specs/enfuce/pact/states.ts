// Provider states of the Enfuce pact, shared by the consumer and the provider verification.
export const PACT_STATES = {
  cardExists: 'a card exists',
  cardMissing: 'no card has the id no-such-card',
  freshToken: 'a control token was issued for a card just now',
  expiredToken: 'a control token was issued for a card 31 seconds ago',
} as const;

/** Fixed token values the states seed through the mock's /__mock/tokens route. */
export const PACT_TOKENS = {
  fresh: 'pact-token-fresh-000000000000000000001',
  expired: 'pact-token-expired-0000000000000000001',
} as const;

// Provider states of the Exa pact, shared by the consumer and the provider verification. Each state
// hands back values through fromProviderState: the cardholder's credential and, where needed, a
// sessionid freshly encrypted to the target's own RSA key.
export const PACT_STATES = {
  cardholder: 'a cardholder with a card',
  cardholderWithSession: 'a cardholder with a card and a sessionid for the provider key',
  noCard: 'a user without a card',
} as const;

// Provider states of the Solaris pact. The state signs the pact's JWK with the target's bound device
// and hands back the card id, the device id and the signature.
export const PACT_STATES = {
  boundDevice: 'a card whose holder has a bound device',
  noCard: 'no card has the id no-such-card',
} as const;

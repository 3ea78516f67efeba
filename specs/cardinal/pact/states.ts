// Provider states of the Cardinal pact. A signature expires after minutes, so each state signs a
// request at verification time and hands back Timestamp, Signature, credentials and the PAN.
export const PACT_STATES = {
  fidoCardNewEmail: 'a FIDO card, a cardholder email never enrolled, and a fresh signature',
  wrongSignature: 'a signature made with another API key',
  luhnInvalid: 'a fresh signature and a Luhn-invalid AccountNumber',
} as const;

export const PACT_TRANSACTION_ID = 'pact-transaction-0001';

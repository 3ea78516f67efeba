// The name the harness's consumer contracts carry: the pacts it writes, and what the Pact Broker
// is asked about (can-i-deploy).
export const CONSUMER = 'card-reveal-app';

import { defineRequirements } from '../../core/requirements.ts';
import { STANDARDS } from '../../core/standards.ts';

const CARD = 'GET /card';
/** Exa's public material beside the document: its server code, where the document page shows only example values. */
const EXA_CODE = "Exa's public server code: https://github.com/exactly/exa/blob/main/server/api/card.ts";
const BIND = 'PATCH / (bind the card)';

export const exaRequirements = defineRequirements({
  'EXA-AUTH': {
    endpoint: CARD,
    text: 'The card endpoints serve an authenticated user only (Exa\'s public server code): without credentials the answer is 401 {code: "unauthorized"}.',
    source: 'provider-docs',
    severity: 'critical',
  },
  'EXA-PROFILE': {
    endpoint: CARD,
    section: `${EXA_CODE} (CardResponse); the document's 200 response shows only example values`,
    text: "Retrieve the card profile: cardId (uuid), displayName, expirationMonth, expirationYear, lastFour, mode, provider, status (ACTIVE | FROZEN), limit {amount, frequency}, productId (default: frequency one of the values of Exa's server code).",
    source: 'provider-docs',
    severity: 'critical',
    options: ['limitFrequencies'],
  },
  'EXA-NO-CARD-DATA-WITHOUT-SESSIONID': {
    endpoint: CARD,
    section: 'GET /card (introduction)',
    text: 'Provide sessionid to receive encryptedPan, encryptedCvc, and pin. Without it, only the card profile is returned.',
    source: 'document',
    quotes: [
      'Provide sessionid to receive encryptedPan, encryptedCvc, and pin. Without it, only the card profile is returned.',
    ],
    severity: 'blocker',
    contradiction:
      'Step 1 also says "The sessionid is required to make an API request." The rule reads it as required for the card data, not for the request: the introduction says the sessionid and scope "may be used together or separately" and that without it "only the card profile is returned".',
  },
  'EXA-NO-CLEAR-CARD-DATA': {
    endpoint: CARD,
    section: 'Retrieving encrypted card details',
    text: 'The PAN, CVC and PIN leave only as encryptedPan, encryptedCvc and pin ({ data, iv }): no answer (card, bind, errors; headers and body) carries them in clear.',
    source: 'document',
    quotes: [
      'Retrieve the card profile, encrypted card data, and (optionally) a signature challenge for an authenticated user.',
      'Use the original secret to decrypt encryptedPan, encryptedCvc, and pin (each returned as { data, iv }).',
    ],
    severity: 'blocker',
  },
  'EXA-SESSIONID-RSA-OAEP-SHA1': {
    endpoint: CARD,
    section: 'Retrieving encrypted card details; Step 1: Generate a sessionid and secret',
    text: "Generate a session ID: encrypt a 32-character hexadecimal secret with the provided public RSA key using RSA-OAEP (what is encrypted is UTF-8 of base64 of the 16 secret bytes; OAEP with SHA-1 and MGF1-SHA-1, Node's publicEncrypt default).",
    source: 'document',
    quotes: [
      'Generate a session ID: Encrypt a 32-character hexadecimal secret (no spaces/dashes) with the provided public RSA key using RSA-OAEP.',
      'const secretKeyBase64 = Buffer.from(secret, "hex").toString("base64");',
      '{ key: pem, padding: crypto.constants.RSA_PKCS1_OAEP_PADDING }',
    ],
    severity: 'blocker',
  },
  'EXA-SESSIONID-REFUSED': {
    endpoint: CARD,
    section: `${EXA_CODE} (the sessionid header's validator: 400 "bad session id")`,
    text: 'A sessionid that does not decrypt under the provider key (wrong key, wrong padding or hash) or does not hold 16 secret bytes is refused with 400 {code: "bad session id"}.',
    source: 'provider-docs',
    severity: 'blocker',
  },
  'EXA-FIELDS-AES-128-GCM': {
    endpoint: CARD,
    section: 'Retrieving encrypted card details; Step 3: Decrypt the response',
    text: 'Use the original secret to decrypt encryptedPan, encryptedCvc, and pin (each returned as { data, iv }): AES-128-GCM keyed with the secret bytes, data = ciphertext followed by the 16-byte tag.',
    source: 'document',
    quotes: [
      'Use the original secret to decrypt encryptedPan, encryptedCvc, and pin (each returned as { data, iv }).',
      'const decipher = crypto.createDecipheriv("aes-128-gcm", Buffer.from(secretKey, "hex"), iv);',
      'decipher.setAuthTag(secret.subarray(-16));',
    ],
    severity: 'blocker',
  },
  'EXA-FRESH-IV': {
    endpoint: CARD,
    text: 'Every encrypted field of every answer has its own IV; an IV is never used twice under one session key (GCM loses confidentiality and integrity on reuse).',
    source: 'standard',
    cites: [STANDARDS.gcmIvUniqueness],
    severity: 'blocker',
  },
  'EXA-PIN-BLOCK': {
    endpoint: CARD,
    text: 'The PIN decrypts to a format-2 PIN block: "2", the PIN length as one hex digit, the PIN, and "F" padding to 16 characters; pin is null when the card has no PIN.',
    source: 'provider-docs',
    severity: 'critical',
  },
  'EXA-CHALLENGE-SIWE': {
    endpoint: CARD,
    section: 'Requesting a signature challenge',
    text: 'Pass scope=siwe to receive a fully formed Sign-In with Ethereum message in challenge.',
    source: 'document',
    quotes: ['Pass scope=siwe to receive a fully formed Sign-In with Ethereum message in challenge'],
    severity: 'normal',
  },
  'EXA-CHALLENGE-WEBAUTHN': {
    endpoint: CARD,
    section: 'Requesting a signature challenge',
    text: 'Pass scope=webauthn to receive the plain authorization statement to be signed by a passkey.',
    source: 'document',
    quotes: ['scope=webauthn to receive the plain authorization statement to be signed by a passkey.'],
    severity: 'normal',
  },
  'EXA-SCOPE-EXCLUSIVE': {
    endpoint: CARD,
    section: `GET /card (introduction): "siwe and webauthn are mutually exclusive within a single request"; the refusal, 400 {code: "bad request"}: ${EXA_CODE}`,
    text: 'siwe and webauthn are mutually exclusive within a single request (both at once: 400 {code: "bad request"}).',
    source: 'provider-docs',
    severity: 'normal',
  },
  'EXA-PROVISIONING-SCOPE': {
    endpoint: CARD,
    section: 'GET /card (introduction)',
    text: 'Successful responses include push-provisioning credentials in the provisioning field only when the scope=provisioning query parameter is sent.',
    source: 'document',
    quotes: [
      'Successful responses include push-provisioning credentials in the provisioning field only when the scope=provisioning query parameter is sent.',
    ],
    severity: 'critical',
  },
  'EXA-NO-STORE': {
    endpoint: CARD,
    text: 'Cache-Control: no-store whenever a scope is sent.',
    source: 'provider-docs',
    severity: 'critical',
  },
  'EXA-ERRORS': {
    endpoint: CARD,
    section: `${EXA_CODE} (GET /card's 403 and 404); the document names only "Forbidden" and "Not found"`,
    text: 'Errors are { code }: 403 "no panda" for a user without an issuer account, 404 "no card" for a user without a card.',
    source: 'provider-docs',
    severity: 'normal',
  },
  'EXA-ERROR-SHAPE': {
    endpoint: CARD,
    section: `${EXA_CODE} (every error is {code, legacy}); the document names only "Bad request", "Forbidden" and "Not found"`,
    text: "Errors are { code } (the form of Exa's server code); bad input gets a 4xx with it, never a 5xx or a stack trace (RFC 9110).",
    source: 'provider-docs',
    cites: [STANDARDS.httpServerError],
    severity: 'normal',
  },
  'EXA-BIND-SIWE': {
    endpoint: BIND,
    section: 'Requesting a signature challenge',
    text: 'The signed result is submitted to PATCH / to bind the card: {method: "siwe", message, signature} signed by the wallet (EIP-191) gives {verification: "OK"}; a wrong, foreign or replayed signature gives 400 {code: "bad signature"}.',
    source: 'provider-docs',
    severity: 'critical',
    options: ['bindPath'],
  },
  'EXA-BIND-WEBAUTHN': {
    endpoint: BIND,
    section: 'Requesting a signature challenge',
    text: 'PATCH / with {method: "webauthn", assertion} by the cardholder\'s passkey over the statement gives {verification: "OK"}; an assertion over another challenge or by another key gives 400 {code: "bad signature"}.',
    source: 'provider-docs',
    severity: 'critical',
    options: ['bindPath', 'webauthnChallenge'],
  },
});

export type ExaRequirementId = keyof typeof exaRequirements;

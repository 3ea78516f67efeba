import { defineRequirements } from '../../core/requirements.ts';
import { STANDARDS } from '../../core/standards.ts';

const VCR = 'POST /v1/cards/{id}/virtual_card_requests';

export const solarisRequirements = defineRequirements({
  'SOL-JWE-DECRYPTS': {
    endpoint: VCR,
    section: 'Response 200 fields: data',
    text: 'Retrieves the card number, expiry date, and CVV; the response data is the JWE-encrypted card details, decryptable with the key the jwk names, for every jwe.alg × jwe.enc (RSA1_5, RSA_OAEP_256, RSA_OAEP_256_ANDROID × A256GCM, A256CBC_HS512).',
    source: 'document',
    quotes: [
      'Retrieves the card number, expiry date, and CVV for the card specified in the request URL. The response is encrypted; your customer must decrypt it using a bound device.',
      '`data` (string) The JWE-encrypted card details.',
      'Enum: "RSA1_5", "RSA_OAEP_256", "RSA_OAEP_256_ANDROID"',
      'Enum: "A256GCM", "A256CBC_HS512"',
    ],
    severity: 'blocker',
  },
  'SOL-JWE-HEADER': {
    endpoint: VCR,
    text: 'The JWE protected header names what was used: alg RSA1_5 or RSA-OAEP-256, enc A256GCM or A256CBC-HS512 (default: the Android flavour, which has no JOSE name, says RSA-OAEP-256; kid = jwk.kid when sent).',
    source: 'standard',
    cites: [STANDARDS.jweHeader],
    severity: 'critical',
    options: ['oaepHeaderAlg', 'kidInHeader'],
    contradiction:
      'The request\'s jwe example is {"alg":"RSA1_5","enc":"A256GCM"}, while the list calls RSA_OAEP_256 "(recommended)"; and the jwk example says "alg":"RS256" (a signature algorithm) with "use":"enc". The rules take every listed alg as documented (RSA1_5 included: the checks ask for each alg × enc) and the jwk alg and use as the document\'s enums give them (RS256, enc).',
  },
  'SOL-ANDROID-OAEP': {
    endpoint: VCR,
    section: 'Request fields: jwe.alg',
    text: 'RSA_OAEP_256_ANDROID: Android-specific version which uses SHA-256 for the hash and SHA-1 for the mask generation function (mgf1).',
    source: 'document',
    quotes: ['Android-specific version of the above, which uses SHA-256 for the and SHA-1 for the (mgf1).'],
    severity: 'blocker',
  },
  'SOL-DEVICE-SIGNATURE': {
    endpoint: VCR,
    section: 'Request fields: signature',
    text: 'The signature must be generated using the device\'s key over a single string made from the JWK: every key/value pair sorted alphabetically by the key, key and value combined, the pairs joined; a wrong signature, one by another device or over another JWK is refused (default: ":" and "," as the delimiters, which the document leaves blank; hex of the DER ECDSA signature; refused with 403).',
    source: 'document',
    quotes: [
      "The signature must be generated using the device's",
      'Sort every key/value pair alphabetically by the',
      'Combine the key and value of every key/value pair using as the delimiter, e.g., .',
      'Join every key/value pair to a single string using as the delimiter, e.g., .',
    ],
    severity: 'blocker',
    options: ['jwkStringOrder', 'signatureEncoding', 'badSignatureStatus'],
  },
  'SOL-DEVICE-BOUND': {
    endpoint: VCR,
    section: 'Prerequisites',
    text: 'The customer must have already verified their device using the device binding process: an unknown device_id is refused (default 403, source.field device_id).',
    source: 'document',
    quotes: [
      'The customer must have already verified their device using the device binding process.',
      "`device_id` (string, required) ID of the customer's bound device.",
    ],
    severity: 'critical',
    options: ['unknownDeviceStatus'],
  },
  'SOL-FIELD-VALIDATION': {
    endpoint: VCR,
    section: 'Request fields',
    text: 'Fields are validated: the required ones present (device_id, signature, jwk with kty, n and e, jwe with alg and enc), jwk.kty only RSA, jwk.use only enc and jwk.alg only RS256 where given, jwe.alg and jwe.enc from their enums; a bad field is a 400 naming it in source.field. The optional device_data is accepted.',
    source: 'document',
    quotes: [
      '`device_id` (string, required)',
      '`signature` (string, required)',
      '`jwk.kty` (string, required) The key type. The only possible value is . Enum: "RSA"',
      '`jwk.n` (string, required)',
      '`jwk.e` (string, required)',
      '`jwk.use` (string) (Optional) The public key use. The only possible value is . Enum: "enc"',
      '`jwk.alg` (string) (Optional) The algorithm to use for encryption. The only possible value is . Enum: "RS256"',
      '`jwe.alg` (string, required)',
      '`jwe.enc` (string, required)',
      '`device_data` (string) Encoded device fingerprint',
    ],
    severity: 'critical',
  },
  'SOL-KEY-SIZE': {
    endpoint: VCR,
    text: 'The JWK modulus has at least 2048 bits: a shorter key is refused, never used for card data (default: a 400 naming jwk.n).',
    source: 'standard',
    cites: [STANDARDS.rsaKeySize],
    severity: 'critical',
    options: ['shortKeyStatus'],
  },
  'SOL-UNKNOWN-CARD': {
    endpoint: VCR,
    section: 'Response 404 fields',
    text: 'An unknown card id is refused with 404.',
    source: 'document',
    quotes: ['`id` (string, required)', '## Response 404 fields (application/json)'],
    severity: 'normal',
  },
  'SOL-ERROR-ENVELOPE': {
    endpoint: VCR,
    section: 'Response 400, 403, 404 and 500 fields',
    text: 'Errors are {errors: [{id, status, code, title, detail, source: {field, message}}]} for 400/403/404/500, with no card data; bad input never gets a 5xx.',
    source: 'document',
    quotes: [
      '## Response 400 fields (application/json): - `errors` (array) - `errors.id` (string) - `errors.status` (integer) - `errors.code` (string) - `errors.title` (string) - `errors.detail` (string) - `errors.source` (object) - `errors.source.field` (string) - `errors.source.message` (string)',
    ],
    cites: [STANDARDS.httpServerError],
    severity: 'normal',
  },
  'SOL-NO-CLEAR-CARD-DATA': {
    endpoint: VCR,
    section: 'Response 200 fields: data',
    text: 'The response data is the JWE-encrypted card details: the card number, expiry date and CVV appear in no answer outside the JWE (headers, body, errors).',
    source: 'document',
    quotes: [
      'The response is encrypted; your customer must decrypt it using a bound device.',
      "You may only make clean PAN details available in the device's",
    ],
    severity: 'blocker',
  },
});

export type SolarisRequirementId = keyof typeof solarisRequirements;

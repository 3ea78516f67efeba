// Every sentence of Solaris's document a service or an app could be held to, and what checks it.
import { defineCoverage } from '../../core/document-coverage.ts';

const TOP = 'Create a secure view for card details';
const FIELDS = 'Request fields';

export const solarisCoverage = defineCoverage([
  {
    section: TOP,
    quote: 'Retrieves the card number, expiry date, and CVV for the card specified in the request URL.',
    checks: ['SOL-JWE-DECRYPTS', 'SOL-CLIENT-OPENS-ANSWER'],
  },
  {
    section: TOP,
    quote: 'The response is encrypted; your customer must decrypt it using a bound device.',
    checks: ['SOL-NO-CLEAR-CARD-DATA', 'SOL-JWE-DECRYPTS', 'SOL-CLIENT-OPENS-ANSWER', 'SOL-CLIENT-ANSWER-AUTHENTIC'],
  },
  {
    section: TOP,
    quote:
      "Your customer's device must have a supported operating system (Android: 4.3 or higher; iOS: iPhone 5 or newer, not jailbroken or rooted).",
    untestable: 'the operating system of the device is not part of the request',
  },
  {
    section: TOP,
    quote: 'The customer must have already verified their device using the device binding process.',
    checks: ['SOL-DEVICE-BOUND'],
  },
  {
    section: TOP,
    quote: "You may only make clean PAN details available in the device's",
    checks: ['SOL-NO-CLEAR-CARD-DATA'],
  },
  {
    section: 'Path parameters',
    quote: '`id` (string, required) ## Request fields (application/json):',
    checks: ['SOL-UNKNOWN-CARD'],
  },
  {
    section: FIELDS,
    quote: "`device_id` (string, required) ID of the customer's bound device.",
    checks: ['SOL-DEVICE-BOUND', 'SOL-FIELD-VALIDATION'],
  },
  {
    section: FIELDS,
    quote: '`signature` (string, required) The device signature obtained during the device binding process.',
    checks: ['SOL-DEVICE-SIGNATURE', 'SOL-FIELD-VALIDATION', 'SOL-CLIENT-REQUEST'],
  },
  {
    section: FIELDS,
    quote: 'Sort every key/value pair alphabetically by the',
    checks: ['SOL-DEVICE-SIGNATURE'],
  },
  {
    section: FIELDS,
    quote: 'Combine the key and value of every key/value pair using as the delimiter, e.g., .',
    checks: ['SOL-DEVICE-SIGNATURE'],
  },
  {
    section: FIELDS,
    quote: 'Join every key/value pair to a single string using as the delimiter, e.g., .',
    checks: ['SOL-DEVICE-SIGNATURE'],
  },
  {
    section: FIELDS,
    quote:
      '`jwk` (object, required) [JSON Web Key (JWK)](https://datatracker.ietf.org/doc/html/rfc7517) data that will be used to encrypt the card details.',
    checks: ['SOL-JWE-DECRYPTS', 'SOL-KEY-SIZE', 'SOL-CLIENT-REQUEST'],
  },
  {
    section: FIELDS,
    quote: '`jwk.kty` (string, required) The key type. The only possible value is . Enum: "RSA"',
    checks: ['SOL-FIELD-VALIDATION'],
  },
  { section: FIELDS, quote: '`jwk.n` (string, required) Modulus (for RSA keys)', checks: ['SOL-FIELD-VALIDATION'] },
  { section: FIELDS, quote: '`jwk.e` (string, required) Exponent (for RSA keys)', checks: ['SOL-FIELD-VALIDATION'] },
  {
    section: FIELDS,
    quote: '`jwk.use` (string) (Optional) The public key use. The only possible value is . Enum: "enc"',
    checks: ['SOL-FIELD-VALIDATION'],
  },
  {
    section: FIELDS,
    quote:
      '`jwk.alg` (string) (Optional) The algorithm to use for encryption. The only possible value is . Enum: "RS256"',
    checks: ['SOL-FIELD-VALIDATION'],
  },
  {
    section: FIELDS,
    quote: '`jwk.kid` (string) (Optional) The key ID. Use any unique identifier, such as a UUID.',
    checks: ['SOL-JWE-HEADER'],
  },
  {
    section: FIELDS,
    quote: '`jwe.alg` (string, required) Algorithm used for CEK encryption.',
    checks: ['SOL-FIELD-VALIDATION', 'SOL-JWE-DECRYPTS', 'SOL-JWE-HEADER', 'SOL-CLIENT-ALGORITHMS-AS-ASKED'],
  },
  {
    section: FIELDS,
    quote: 'Android-specific version of the above, which uses SHA-256 for the and SHA-1 for the (mgf1).',
    checks: ['SOL-ANDROID-OAEP'],
  },
  {
    section: FIELDS,
    quote: '`jwe.enc` (string, required) Encryption algorithm. Enum: "A256GCM", "A256CBC_HS512"',
    checks: ['SOL-FIELD-VALIDATION', 'SOL-JWE-DECRYPTS', 'SOL-CLIENT-ALGORITHMS-AS-ASKED'],
  },
  {
    section: FIELDS,
    quote: '`device_data` (string) Encoded device fingerprint generated using the [Seon SDK](https://seon.io).',
    checks: ['SOL-FIELD-VALIDATION'],
  },
  {
    section: 'Response 200 fields',
    quote: '`data` (string) The JWE-encrypted card details.',
    checks: ['SOL-JWE-DECRYPTS', 'SOL-NO-CLEAR-CARD-DATA'],
  },
  {
    section: 'Response 400, 403, 404 and 500 fields',
    quote:
      '## Response 400 fields (application/json): - `errors` (array) - `errors.id` (string) - `errors.status` (integer) - `errors.code` (string) - `errors.title` (string) - `errors.detail` (string) - `errors.source` (object) - `errors.source.field` (string) - `errors.source.message` (string)',
    checks: ['SOL-ERROR-ENVELOPE', 'SOL-FIELD-VALIDATION'],
  },
  { section: 'Response 404 fields', quote: '## Response 404 fields (application/json)', checks: ['SOL-UNKNOWN-CARD'] },
  {
    section: FIELDS,
    quote: "The signature must be generated using the device's",
    checks: ['SOL-DEVICE-SIGNATURE', 'SOL-CLIENT-REQUEST'],
  },
  {
    section: FIELDS,
    quote: '`jwe` (object, required) [JSON Web Encryption](https://tools.ietf.org/html/rfc7516) attributes.',
    checks: ['SOL-FIELD-VALIDATION', 'SOL-JWE-DECRYPTS'],
  },
  {
    section: FIELDS,
    quote: 'Possible values: (recommended): Uses SHA-256 for both the and the (mgf1).',
    checks: ['SOL-JWE-DECRYPTS'],
  },
]);

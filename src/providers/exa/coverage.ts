// Every sentence of Exa's document a service or an app could be held to, and what checks it.
import { defineCoverage } from '../../core/document-coverage.ts';

const TOP = 'GET /card';
const ENCRYPTED = 'Retrieving encrypted card details';
const CHALLENGE = 'Requesting a signature challenge';
const STEP1 = 'Step 1: Generate a sessionid and secret';
const STEP3 = 'Step 3: Decrypt the response';

export const exaCoverage = defineCoverage([
  {
    section: TOP,
    quote:
      'Retrieve the card profile, encrypted card data, and (optionally) a signature challenge for an authenticated user.',
    checks: ['EXA-PROFILE', 'EXA-AUTH', 'EXA-NO-CLEAR-CARD-DATA'],
  },
  {
    section: TOP,
    quote: 'The sessionid header and the scope query parameter are independent and may be used together or separately',
    checks: ['EXA-CHALLENGE-SIWE', 'EXA-PROVISIONING-SCOPE'],
  },
  {
    section: TOP,
    quote:
      'Provide sessionid to receive encryptedPan, encryptedCvc, and pin. Without it, only the card profile is returned.',
    checks: ['EXA-NO-CARD-DATA-WITHOUT-SESSIONID'],
  },
  {
    section: TOP,
    quote: 'siwe and webauthn are mutually exclusive within a single request.',
    checks: ['EXA-SCOPE-EXCLUSIVE'],
  },
  {
    section: TOP,
    quote:
      'Successful responses include push-provisioning credentials in the provisioning field only when the scope=provisioning query parameter is sent.',
    checks: ['EXA-PROVISIONING-SCOPE'],
  },
  {
    section: ENCRYPTED,
    quote:
      'Generate a session ID: Encrypt a 32-character hexadecimal secret (no spaces/dashes) with the provided public RSA key using RSA-OAEP.',
    checks: ['EXA-SESSIONID-RSA-OAEP-SHA1', 'EXA-SESSIONID-REFUSED', 'EXA-CLIENT-SESSIONID'],
  },
  {
    section: ENCRYPTED,
    quote: 'Include the encrypted secret in the header sessionid when calling this endpoint.',
    checks: ['EXA-SESSIONID-RSA-OAEP-SHA1', 'EXA-CLIENT-SESSIONID'],
  },
  {
    section: ENCRYPTED,
    quote: 'Use the original secret to decrypt encryptedPan, encryptedCvc, and pin (each returned as { data, iv }).',
    checks: [
      'EXA-FIELDS-AES-128-GCM',
      'EXA-FRESH-IV',
      'EXA-PIN-BLOCK',
      'EXA-CLIENT-OPENS-ANSWER',
      'EXA-CLIENT-ANSWER-AUTHENTIC',
    ],
  },
  {
    section: CHALLENGE,
    quote: 'Pass scope=siwe to receive a fully formed Sign-In with Ethereum message in challenge',
    checks: ['EXA-CHALLENGE-SIWE'],
  },
  {
    section: CHALLENGE,
    quote: 'scope=webauthn to receive the plain authorization statement to be signed by a passkey.',
    checks: ['EXA-CHALLENGE-WEBAUTHN'],
  },
  {
    section: CHALLENGE,
    quote: 'The signed result is submitted to PATCH / to bind the card to the user.',
    checks: ['EXA-BIND-SIWE', 'EXA-BIND-WEBAUTHN'],
  },
  {
    section: STEP1,
    quote: 'const secret = crypto.randomUUID().replaceAll("-", "");',
    checks: ['EXA-CLIENT-FRESH-SECRET'],
  },
  {
    section: STEP1,
    quote: '{ key: pem, padding: crypto.constants.RSA_PKCS1_OAEP_PADDING }',
    checks: ['EXA-SESSIONID-RSA-OAEP-SHA1', 'EXA-CLIENT-SESSIONID'],
  },
  {
    section: STEP1,
    quote: 'The sessionid is required to make an API request.',
    checks: ['EXA-NO-CARD-DATA-WITHOUT-SESSIONID'],
  },
  {
    section: STEP3,
    quote: 'const decipher = crypto.createDecipheriv("aes-128-gcm", Buffer.from(secretKey, "hex"), iv);',
    checks: ['EXA-FIELDS-AES-128-GCM', 'EXA-CLIENT-OPENS-ANSWER'],
  },
  {
    section: STEP3,
    quote: 'decipher.setAuthTag(secret.subarray(-16));',
    checks: ['EXA-FIELDS-AES-128-GCM', 'EXA-CLIENT-ANSWER-AUTHENTIC'],
  },
  {
    section: 'Responses',
    quote: 'Bad request Forbidden object Not found',
    checks: ['EXA-ERRORS', 'EXA-ERROR-SHAPE', 'EXA-SESSIONID-REFUSED'],
  },
  {
    section: 'Step 1: Generate a sessionid and secret',
    quote: 'The secret will be needed for decryption later.',
    checks: ['EXA-CLIENT-OPENS-ANSWER', 'EXA-FIELDS-AES-128-GCM'],
  },
]);

import { defectOf, defineDefects } from '../../core/defects.ts';
import type { SolarisRequirementId } from './requirements.ts';

const d = defectOf<SolarisRequirementId>();

export const solarisDefects = defineDefects([
  d('signature-not-checked', 'SOL-DEVICE-SIGNATURE', 'any signature is accepted'),
  d('any-device-signature', 'SOL-DEVICE-SIGNATURE', 'a signature by any bound device is accepted for device_id'),
  d(
    'signature-over-json',
    'SOL-DEVICE-SIGNATURE',
    'the signature is checked over JSON.stringify(jwk) instead of the sorted key:value string',
  ),
  d('android-mgf1-sha256', 'SOL-ANDROID-OAEP', 'RSA_OAEP_256_ANDROID uses MGF1-SHA-256'),
  d('enc-ignored', 'SOL-JWE-DECRYPTS', 'the content is always A256GCM, whatever jwe.enc asks'),
  d('rsa1_5-as-oaep', 'SOL-JWE-DECRYPTS', 'RSA1_5 is answered with an OAEP-wrapped key under an RSA1_5 header'),
  { ...d('kid-not-echoed', 'SOL-JWE-HEADER', 'the protected header has no kid'), pinned: 'kidInHeader' },
  d(
    'alg-mislabelled',
    'SOL-JWE-HEADER',
    'an RSA_OAEP_256 answer is wrapped with RSA-OAEP-256 but its header says alg "RSA-OAEP"',
  ),
  d('short-key-accepted', 'SOL-KEY-SIZE', 'a 1024-bit JWK is accepted'),
  d('error-without-source-field', 'SOL-ERROR-ENVELOPE', 'errors have no source.field'),
  d('bad-enum-500', 'SOL-FIELD-VALIDATION', 'an unknown jwe.alg gets a 500', ['SOL-ERROR-ENVELOPE']),
  d('card-data-in-error', 'SOL-ERROR-ENVELOPE', 'the 403 detail repeats the card number', ['SOL-NO-CLEAR-CARD-DATA']),
  d('pan-in-header', 'SOL-NO-CLEAR-CARD-DATA', 'the 200 answer names the card number in a header beside the JWE'),
  d('unknown-card-403', 'SOL-UNKNOWN-CARD', 'an unknown card id gets 403 instead of 404'),
  d(
    'unknown-device-accepted',
    'SOL-DEVICE-BOUND',
    "an unknown device_id is checked against the card owner's first device",
  ),
  d('kty-not-checked', 'SOL-FIELD-VALIDATION', 'jwk.kty "EC" passes validation (and fails later with a 500)', [
    'SOL-ERROR-ENVELOPE',
  ]),
  d(
    'exponent-defaulted',
    'SOL-FIELD-VALIDATION',
    'a JWK without e, or with an e that is not base64url, is used with e = AQAB (65537)',
  ),
  d('jwk-alg-not-checked', 'SOL-FIELD-VALIDATION', 'a jwk.alg other than RS256 passes validation'),
  d('device-data-refused', 'SOL-FIELD-VALIDATION', 'the optional device_data is refused as an unknown field'),
] as const);

export type SolarisDefectName = (typeof solarisDefects)[number]['name'];

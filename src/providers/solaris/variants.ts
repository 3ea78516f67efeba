import { defineVariants } from '../../core/variants.ts';

// Choices the Solaris document leaves open: the status for a device that is not bound (only
// "must have verified their device" is written), the signature's text encoding (its example reads
// as hex of base64), whether the protected header carries kid (RFC 7516 makes it optional), and
// fields the answer may carry beside data.
export const solarisVariants = defineVariants([
  { name: 'unknown-device-404', description: 'a device_id that is not bound is refused with 404 instead of 403' },
  {
    name: 'signature-hex-base64',
    description: 'the signature is hex of the base64 text of the DER signature, stated in the profile',
    profile: { signatureEncoding: 'hex-base64-der' },
  },
  { name: 'extra-response-fields', description: 'the answer also carries an id and a created_at beside data' },
  {
    name: 'no-kid-in-header',
    description: 'the JWE protected header carries no kid (RFC 7516 makes it optional), stated in the profile',
    profile: { kidInHeader: false },
  },
  {
    name: 'short-key-422',
    description: 'a JWK below 2048 bits is refused with 422 rather than 400, stated in the profile',
    profile: { shortKeyStatus: 422 },
  },
  {
    name: 'bad-signature-401',
    description: 'a signature that does not verify is refused with 401 rather than 403, stated in the profile',
    profile: { badSignatureStatus: 401 },
  },
] as const);

export type SolarisVariantName = (typeof solarisVariants)[number]['name'];

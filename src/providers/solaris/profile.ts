// The switchable options of Solaris's contract: defaults the harness pins where the document is silent.
import { z } from 'zod';

export const SolarisProfile = z.strictObject({
  signatureEncoding: z
    .enum(['hex-der', 'hex-base64-der'])
    .default('hex-der')
    .describe(
      "signature = hex of the DER ECDSA signature, or hex of its base64 text (the document's example has that form, hex of base64 text and a CRLF, though of 256 bytes: an RSA-2048-sized signature, not ECDSA)",
    ),
  jwkStringOrder: z
    .enum(['sorted', 'as-sent'])
    .default('sorted')
    .describe(
      'the signed JWK string: members sorted by name (the document), or in the order the request sends them; key:value joined with ","',
    ),
  oaepHeaderAlg: z
    .string()
    .min(1)
    .default('RSA-OAEP-256')
    .describe('protected-header alg of the Android OAEP flavour, which has no JOSE name (RFC 7518 fixes the others)'),
  kidInHeader: z
    .boolean()
    .default(true)
    .describe('the protected header carries kid = jwk.kid when the jwk has one (RFC 7516 makes kid optional)'),
  // RFC 7518 §4.2/§4.3 sets 2048 bits: a profile may ask more, never less.
  minModulusBits: z
    .number()
    .int()
    .min(2048)
    .default(2048)
    .describe('smallest RSA modulus the target accepts for the JWK (at least 2048)'),
  shortKeyStatus: z
    .number()
    .int()
    .min(400)
    .max(499)
    .default(400)
    .describe('HTTP status for a JWK below the smallest modulus (refused it must be)'),
  badSignatureStatus: z
    .number()
    .int()
    .min(400)
    .max(499)
    .default(403)
    .describe(
      'HTTP status for a signature that does not verify (the document lists a 403 answer, not which refusal it is)',
    ),
  unknownDeviceStatus: z
    .number()
    .int()
    .min(400)
    .max(499)
    .default(403)
    .describe('HTTP status for a device_id that is not bound'),
});

export type SolarisProfile = z.infer<typeof SolarisProfile>;

// The switchable options of Solaris's contract: defaults of PROVIDERS.md where the document is silent.
import { z } from 'zod';

export const SolarisProfile = z.strictObject({
  signatureEncoding: z.enum(['hex-der', 'hex-base64-der']).default('hex-der').describe('signature = hex of the DER ECDSA signature, or hex of its base64 text (as the document example looks)'),
  jwkStringOrder: z.enum(['sorted']).default('sorted').describe('the signed JWK string: members sorted by name, key:value joined with ","'),
  oaepHeaderAlg: z.enum(['RSA-OAEP-256']).default('RSA-OAEP-256').describe('protected-header alg of both OAEP flavours'),
  minModulusBits: z.number().int().default(2048).describe('smallest RSA modulus accepted for the JWK'),
  unknownDeviceStatus: z.union([z.literal(403), z.literal(404)]).default(403).describe('HTTP status for a device_id that is not bound'),
});

export type SolarisProfile = z.infer<typeof SolarisProfile>;

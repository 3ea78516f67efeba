// The switchable options of Solaris's contract: defaults of PROVIDERS.md where the document is silent.
import { z } from 'zod';

export const SolarisProfile = z.strictObject({
  signatureEncoding: z.enum(['hex-der', 'hex-base64-der']).default('hex-der').describe('signature = hex of the DER ECDSA signature, or hex of its base64 text (as the document example looks)'),
  jwkStringOrder: z.enum(['sorted', 'as-sent']).default('sorted').describe('the signed JWK string: members sorted by name (the document), or in the order the request sends them; key:value joined with ","'),
  oaepHeaderAlg: z.string().min(1).default('RSA-OAEP-256').describe('protected-header alg of both OAEP flavours (the document names only the request enums)'),
  minModulusBits: z.number().int().default(2048).describe('smallest RSA modulus accepted for the JWK'),
  unknownDeviceStatus: z.number().int().min(400).max(499).default(403).describe('HTTP status for a device_id that is not bound'),
});

export type SolarisProfile = z.infer<typeof SolarisProfile>;

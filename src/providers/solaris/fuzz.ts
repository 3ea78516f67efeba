// Solaris's fuzz seed: a virtual-card request signed by the card holder's bound device, from the
// variables a vendor sets.
import { createPrivateKey } from 'node:crypto';
import { captureSeed, need, type Seed, type VendorVars } from '../../fuzz/seed.ts';
import { newEncryptionKey } from './card-details.ts';
import { SolarisClient } from './client.ts';
import { signJwk } from './device.ts';
import { SolarisProfile } from './profile.ts';

export async function solarisFuzzSeeds(baseUrl: string, vars: VendorVars): Promise<Seed[]> {
  const { jwk } = newEncryptionKey(2048);
  const privateKey = createPrivateKey(need(vars, 'SOLARIS_DEVICE_PRIVATE_KEY'));
  const body = {
    device_id: need(vars, 'SOLARIS_DEVICE_ID'),
    signature: signJwk(privateKey, jwk, SolarisProfile.parse({}).signatureEncoding),
    jwk,
    jwe: { alg: 'RSA_OAEP_256', enc: 'A256GCM' },
  };
  return [
    await captureSeed('POST /v1/cards/{id}/virtual_card_requests', (http) =>
      new SolarisClient({ baseUrl, accessToken: vars.SOLARIS_ACCESS_TOKEN, http }).virtualCardRequest(
        need(vars, 'SOLARIS_CARD_ID'),
        body,
      ),
    ),
  ];
}

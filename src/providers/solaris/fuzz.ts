// Solaris's fuzz seed: a virtual-card request signed by the card holder's bound device.
import { createPrivateKey } from 'node:crypto';
import { captureSeed, mockState, type Seed } from '../../fuzz/seed.ts';
import { newEncryptionKey } from './card-details.ts';
import { SolarisClient } from './client.ts';
import { signJwk } from './device.ts';
import { SolarisProfile } from './profile.ts';

export async function solarisFuzzSeeds(baseUrl: string): Promise<Seed[]> {
  const s = await mockState<{ cards: { id: string; personId: string }[]; devices: { id: string; personId: string; privateKeyPkcs8: string }[] }>(baseUrl);
  const card = s.cards[0]!;
  const device = s.devices.find((d) => d.personId === card.personId)!;
  const { jwk } = newEncryptionKey(2048);
  const privateKey = createPrivateKey({ key: Buffer.from(device.privateKeyPkcs8, 'base64'), format: 'der', type: 'pkcs8' });
  const body = { device_id: device.id, signature: signJwk(privateKey, jwk, SolarisProfile.parse({}).signatureEncoding), jwk, jwe: { alg: 'RSA_OAEP_256', enc: 'A256GCM' } };
  return [await captureSeed('POST /v1/cards/{id}/virtual_card_requests', (http) => new SolarisClient({ baseUrl, http }).virtualCardRequest(card.id, body))];
}

// Plumery's fuzz seeds: the PIN and the card-details GETs of an active card, with a fresh client key.
import type { SendOptions } from '../../core/http.ts';
import { captureSeed, mockState, type Seed } from '../../fuzz/seed.ts';
import { PlumeryClient } from './client.ts';
import { clientKey } from './envelope.ts';
import { PlumeryProfile } from './profile.ts';

export async function plumeryFuzzSeeds(baseUrl: string): Promise<Seed[]> {
  const { cards } = await mockState<{ cards: { token: string; state: string }[] }>(baseUrl);
  const token = cards.find((c) => c.state === 'ACTIVE')!.token;
  const key = clientKey(PlumeryProfile.parse({}).clientKeyEncoding).header;
  const client = (http: SendOptions) => new PlumeryClient({ baseUrl, http });
  return [
    await captureSeed('GET /internal/v1/cards/{token}/pin', (http) => client(http).pin(token, key)),
    await captureSeed('GET /internal/v1/cards/{token}', (http) => client(http).details(token, key)),
  ];
}

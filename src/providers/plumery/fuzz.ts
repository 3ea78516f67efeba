// Plumery's fuzz seeds: the PIN and the card-details GETs of an active card, with a fresh client key,
// from the variables a vendor sets.
import type { SendOptions } from '../../core/http.ts';
import { captureSeed, need, type Seed, type VendorVars } from '../../fuzz/seed.ts';
import { PlumeryClient } from './client.ts';
import { clientKey } from './envelope.ts';
import { PlumeryProfile } from './profile.ts';

export async function plumeryFuzzSeeds(baseUrl: string, vars: VendorVars): Promise<Seed[]> {
  const token = need(vars, 'PLUMERY_CARD_TOKEN');
  const key = clientKey(PlumeryProfile.parse({}).clientKeyEncoding).header;
  const client = (http: SendOptions) => new PlumeryClient({ baseUrl, authorization: vars.PLUMERY_AUTHORIZATION, http });
  return [
    await captureSeed('GET /internal/v1/cards/{token}/pin', (http) => client(http).pin(token, key)),
    await captureSeed('GET /internal/v1/cards/{token}', (http) => client(http).details(token, key)),
  ];
}

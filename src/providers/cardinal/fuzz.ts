// Cardinal's fuzz seed: a GetInfo signed with the mock's test key for a FIDO card.
import { randomUUID } from 'node:crypto';
import { captureSeed, mockState, type Seed } from '../../fuzz/seed.ts';
import { CardinalClient, signedRequest } from './client.ts';
import { CardinalProfile } from './profile.ts';

interface State {
  apiKeys: { identifier: string; apiKey: string }[];
  orgUnits: { orgUnitId: string; region: string }[];
  fidoRegions: string[];
  cards: { pan: string }[];
}

export async function cardinalFuzzSeeds(baseUrl: string): Promise<Seed[]> {
  const s = await mockState<State>(baseUrl);
  const orgUnitId = s.orgUnits.find((o) => s.fidoRegions.includes(o.region))!.orgUnitId;
  const body = signedRequest(
    { ...s.apiKeys[0]!, orgUnitId },
    { AccountNumber: s.cards[0]!.pan, Email: 'fuzz@example.test', FidoSetupPayload: 'ZnV6eg==' },
    { recipe: CardinalProfile.parse({}).signatureRecipe, timestamp: new Date().toISOString(), transactionId: randomUUID().replace(/-/g, '').slice(0, 20) },
  );
  return [await captureSeed('POST /V1/AccountNumber/GetInfo', (http) => new CardinalClient({ baseUrl, http }).getInfo(body))];
}

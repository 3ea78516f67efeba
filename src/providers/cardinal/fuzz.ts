// Cardinal's fuzz seed: a GetInfo signed with the vendor's API key for its FIDO test card.
import { randomUUID } from 'node:crypto';
import { captureSeed, need, type Seed, type VendorVars } from '../../fuzz/seed.ts';
import { CardinalClient, signedRequest } from './client.ts';
import { CardinalProfile } from './profile.ts';

export async function cardinalFuzzSeeds(baseUrl: string, vars: VendorVars): Promise<Seed[]> {
  const body = signedRequest(
    {
      identifier: need(vars, 'CARDINAL_IDENTIFIER'),
      apiKey: need(vars, 'CARDINAL_API_KEY'),
      orgUnitId: need(vars, 'CARDINAL_ORG_UNIT_ID'),
    },
    { AccountNumber: need(vars, 'CARDINAL_FIDO_PAN'), Email: 'fuzz@example.test', FidoSetupPayload: 'ZnV6eg==' },
    {
      recipe: CardinalProfile.parse({}).signatureRecipe,
      timestamp: new Date().toISOString(),
      transactionId: randomUUID().replace(/-/g, '').slice(0, 20),
    },
  );
  return [
    await captureSeed('POST /V1/AccountNumber/GetInfo', (http) => new CardinalClient({ baseUrl, http }).getInfo(body)),
  ];
}

// Everything the harness knows about Cardinal Commerce DX, in one entry of the registry.
import { cardinalApiKeys, cardinalOrgUnits } from './accounts.ts';
import { cardinalEndpoints, cardinalSchemas } from '../../../schemas/cardinal.ts';
import type { ProviderDefinition } from '../types.ts';
import { cardinalCatalogue } from './catalogue.ts';

export const cardinal = {
  ...cardinalCatalogue,
  schemas: cardinalSchemas,
  endpoints: cardinalEndpoints,
  // The seeds load the client and crypto the mock does not need: loaded by the fuzzer only.
  fuzz: {
    seeds: async (url, vars) => (await import('./fuzz.ts')).cardinalFuzzSeeds(url, vars),
    errorSchemas: ['get-info.response-error'],
  },
  mockNotes: [
    ...cardinalApiKeys.map((k) => `API key (test only): Identifier ${k.identifier}, key ${k.apiKey}`),
    ...cardinalOrgUnits.map((o) => `OrgUnitId ${o.orgUnitId} (acquirer region ${o.region})`),
    'POST /__mock/enrollments {"email", "fidoSetupPayloads": [..], "accountNumbers": [..]} enrolls for the FlowType checks',
  ],
} satisfies ProviderDefinition;

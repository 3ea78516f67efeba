// Everything the harness knows about Exa, in one entry of the registry.
import { exaUsers } from './users.ts';
import { exaEndpoints, exaSchemas } from '../../../schemas/exa.ts';
import type { ProviderDefinition } from '../types.ts';
import { exaCatalogue } from './catalogue.ts';

export const exa = {
  ...exaCatalogue,
  schemas: exaSchemas,
  endpoints: exaEndpoints,
  // The seeds load the client and crypto the mock does not need: loaded by the fuzzer only.
  fuzz: { seeds: async (url, vars) => (await import('./fuzz.ts')).exaFuzzSeeds(url, vars) },
  mockNotes: [
    ...exaUsers.map((u) => `bearer token ${u.token} → ${u.id}`),
    'RSA-1024 public key for the sessionid: GET /__mock/state (publicKeyPem), new at every start',
  ],
} satisfies ProviderDefinition;

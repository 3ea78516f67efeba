// Everything the harness knows about Solaris, in one entry of the registry.
import { solarisDevices } from './people.ts';
import { solarisEndpoints, solarisSchemas } from '../../../schemas/solaris.ts';
import type { ProviderDefinition } from '../types.ts';
import { solarisCatalogue } from './catalogue.ts';

export const solaris = {
  ...solarisCatalogue,
  schemas: solarisSchemas,
  endpoints: solarisEndpoints,
  // The seeds load the client and crypto the mock does not need: loaded by the fuzzer only.
  fuzz: { seeds: async (url, vars) => (await import('./fuzz.ts')).solarisFuzzSeeds(url, vars) },
  mockNotes: [
    ...solarisDevices.map(
      (d) => `bound device ${d.id} (person ${d.personId}); its test-only key is in GET /__mock/state`,
    ),
    'no partner authentication in the mock',
  ],
} satisfies ProviderDefinition;

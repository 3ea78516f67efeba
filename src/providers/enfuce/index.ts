// Everything the harness knows about Enfuce, in one entry of the registry.
import { enfuceMockCredentials } from './cards.ts';
import { enfuceEndpoints, enfuceSchemas } from '../../../schemas/enfuce.ts';
import type { ProviderDefinition } from '../types.ts';
import { enfuceCatalogue } from './catalogue.ts';

export const enfuce = {
  ...enfuceCatalogue,
  schemas: enfuceSchemas,
  endpoints: enfuceEndpoints,
  // The seeds load the client and crypto the mock does not need: loaded by the fuzzer only.
  fuzz: {
    seeds: async (url, vars) => (await import('./fuzz.ts')).enfuceFuzzSeeds(url, vars),
  },
  returnedUrls: async (url, vars) => (await import('./returned-urls.ts')).enfuceReturnedUrls(url, vars),
  mockNotes: [
    `Basic auth (test only): ${enfuceMockCredentials.username} / ${enfuceMockCredentials.password}`,
    'frame key "demo-merchant" is agreed for the origin http://localhost:8081; POST /__mock/frame-keys adds others',
  ],
} satisfies ProviderDefinition;

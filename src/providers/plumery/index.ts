// Everything the harness knows about Plumery, in one entry of the registry.
import { plumeryEndpoints, plumerySchemas } from '../../../schemas/plumery.ts';
import type { ProviderDefinition } from '../types.ts';
import { plumeryCatalogue } from './catalogue.ts';

export const plumery = {
  ...plumeryCatalogue,
  schemas: plumerySchemas,
  endpoints: plumeryEndpoints,
  // The seeds load the client and crypto the mock does not need: loaded by the fuzzer only.
  fuzz: { seeds: async (url, vars) => (await import('./fuzz.ts')).plumeryFuzzSeeds(url, vars) },
  mockNotes: ['no authentication; X-Client-Public-Key: base64 SPKI DER (or the raw uncompressed point) of a P-256 key'],
} satisfies ProviderDefinition;

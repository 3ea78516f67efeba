// Everything the harness knows about Solaris, in one entry of the registry.
import { solarisDevices } from './people.ts';
import { solarisEndpoints, solarisSchemas } from '../../../schemas/solaris.ts';
import type { ProviderDefinition } from '../types.ts';
import { createPrivateKey } from 'node:crypto';
import type { SolarisCard, SolarisDevice } from './people.ts';
import { solarisCatalogue } from './catalogue.ts';

export const solaris = {
  ...solarisCatalogue,
  vendorEnv: (state, url) => {
    const s = state as { cards: SolarisCard[]; devices: SolarisDevice[] };
    const card = s.cards[0]!;
    const pem = (d: SolarisDevice) => createPrivateKey({ key: Buffer.from(d.privateKeyPkcs8, 'base64'), format: 'der', type: 'pkcs8' }).export({ format: 'pem', type: 'pkcs8' }).toString();
    const mine = s.devices.find((d) => d.personId === card.personId)!;
    const other = s.devices.find((d) => d.personId !== card.personId);
    return {
      SOLARIS_BASE_URL: url,
      SOLARIS_CARD_ID: card.id,
      SOLARIS_CARD_PAN: card.pan,
      SOLARIS_CARD_CVC: card.cvc,
      SOLARIS_CARD_EXPIRES_AT: card.expiresAt,
      SOLARIS_DEVICE_ID: mine.id,
      SOLARIS_DEVICE_PRIVATE_KEY: pem(mine),
      ...(other ? { SOLARIS_OTHER_DEVICE_ID: other.id, SOLARIS_OTHER_DEVICE_PRIVATE_KEY: pem(other) } : {}),
    };
  },
  schemas: solarisSchemas,
  endpoints: solarisEndpoints,
  // The seeds load the client and crypto the mock does not need: loaded by the fuzzer only.
  fuzz: { seeds: async (url, vars) => (await import('./fuzz.ts')).solarisFuzzSeeds(url, vars) },
  mockNotes: [
    ...solarisDevices.map((d) => `bound device ${d.id} (person ${d.personId}); its test-only key is in GET /__mock/state`),
    'no partner authentication in the mock',
  ],
} satisfies ProviderDefinition;

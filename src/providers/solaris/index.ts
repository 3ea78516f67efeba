// Everything the harness knows about Solaris, in one entry of the registry.
import { createSolarisMock } from '../../../mocks/solaris/index.ts';
import { solarisCards, solarisDevices } from '../../../mocks/solaris/people.ts';
import { solarisDefects } from '../../../mocks/solaris/defects.ts';
import { solarisEndpoints, solarisSchemas } from '../../../schemas/solaris.ts';
import { maskPan } from '../../core/mask.ts';
import type { ProviderDefinition } from '../types.ts';
import { createPrivateKey } from 'node:crypto';
import { solarisVariants } from '../../../mocks/solaris/variants.ts';
import type { SolarisCard, SolarisDevice } from '../../../mocks/solaris/people.ts';
import { solarisFuzzSeeds } from './fuzz.ts';
import { SolarisProfile } from './profile.ts';
import { solarisRequirements } from './requirements.ts';

export const solaris = {
  id: 'solaris',
  title: 'Solaris — virtual card requests (device binding, JWE card details)',
  seed: '004_01cb5389f35e92a9.txt',
  requirements: solarisRequirements,
  defects: solarisDefects,
  variants: solarisVariants,
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
  profile: SolarisProfile,
  env: {
    baseUrl: 'SOLARIS_BASE_URL',
    vars: {
      SOLARIS_ACCESS_TOKEN: 'OAuth access token of the partner (secret)',
      SOLARIS_CARD_ID: 'id of a test card',
      SOLARIS_DEVICE_ID: 'id of a device bound to the card holder',
      SOLARIS_DEVICE_PRIVATE_KEY: 'the bound device\'s P-256 private key, PKCS#8 PEM (secret, test device only)',
      SOLARIS_CARD_PAN: 'PAN of that card, to compare the decrypted value (optional)',
      SOLARIS_CARD_CVC: 'CVC of that card (optional)',
      SOLARIS_CARD_EXPIRES_AT: "that card's expires_at (YYYY-MM-DD), compared with the decrypted value",
      SOLARIS_OTHER_DEVICE_ID: 'a device bound to another person (optional)',
      SOLARIS_OTHER_DEVICE_PRIVATE_KEY: 'its private key, PKCS#8 PEM (optional)',
    },
    required: ['SOLARIS_CARD_ID', 'SOLARIS_DEVICE_ID', 'SOLARIS_DEVICE_PRIVATE_KEY'],
  },
  createMock: createSolarisMock,
  fuzz: { seeds: solarisFuzzSeeds },
  mockNotes: [
    ...solarisDevices.map((d) => `bound device ${d.id} (person ${d.personId}); its test-only key is in GET /__mock/state`),
    'no partner authentication in the mock',
  ],
  testCards: solarisCards.map((c) => ({ id: c.id, pan: c.pan, cvv: c.cvc, summary: `${c.id}  ${maskPan(c.pan)}  (person ${c.personId})` })),
} satisfies ProviderDefinition;

// Everything the harness knows about Exa, in one entry of the registry.
import { exaUsers, type ExaUser } from './users.ts';
import { exaEndpoints, exaSchemas } from '../../../schemas/exa.ts';
import type { ProviderDefinition } from '../types.ts';
import { exaCatalogue } from './catalogue.ts';


export const exa = {
  ...exaCatalogue,
  vendorEnv: (state, url) => {
    const s = state as { publicKeyPem: string; users: ExaUser[]; binding: { walletPrivateKey: string; passkeyPrivateKey: string; passkeyCredentialId: string; rpId: string; origin: string } };
    const holder = s.users.find((u) => u.card?.pin)!;
    const noPin = s.users.find((u) => u.card && u.card.pin === null);
    return {
      EXA_BASE_URL: url,
      EXA_TOKEN: holder.token,
      EXA_PUBLIC_KEY: s.publicKeyPem,
      EXA_CARD_PAN: holder.card!.pan,
      EXA_CARD_CVC: holder.card!.cvc,
      EXA_CARD_PIN: holder.card!.pin!,
      EXA_NO_CARD_TOKEN: s.users.find((u) => u.pandaId && !u.card)!.token,
      EXA_NO_PANDA_TOKEN: s.users.find((u) => !u.pandaId)!.token,
      EXA_WALLET_PRIVATE_KEY: s.binding.walletPrivateKey,
      EXA_PASSKEY_PRIVATE_KEY: s.binding.passkeyPrivateKey,
      EXA_PASSKEY_CREDENTIAL_ID: s.binding.passkeyCredentialId,
      EXA_PASSKEY_RP_ID: s.binding.rpId,
      EXA_PASSKEY_ORIGIN: s.binding.origin,
      ...(noPin ? { EXA_NO_PIN_TOKEN: noPin.token, EXA_NO_PIN_CARD_PAN: noPin.card!.pan } : {}),
    };
  },
  schemas: exaSchemas,
  endpoints: exaEndpoints,
  // The seeds load the client and crypto the mock does not need: loaded by the fuzzer only.
  fuzz: { seeds: async (url, vars) => (await import('./fuzz.ts')).exaFuzzSeeds(url, vars) },
  mockNotes: [
    ...exaUsers.map((u) => `bearer token ${u.token} → ${u.id}`),
    'RSA-1024 public key for the sessionid: GET /__mock/state (publicKeyPem), new at every start',
  ],
} satisfies ProviderDefinition;

// Exa's fuzz seeds: GET /card with a session, with each scope, and both binding PATCHes.
import type { SendOptions } from '../../core/http.ts';
import { captureSeed, mockState, type Seed } from '../../fuzz/seed.ts';
import type { Passkey } from './binding.ts';
import { ExaClient } from './client.ts';
import { ExaProfile } from './profile.ts';
import { makeSession } from './session.ts';

interface State {
  publicKeyPem: string;
  users: { token: string; card: unknown }[];
  binding: { walletPrivateKey: `0x${string}`; passkeyPrivateKey: `0x${string}`; passkeyCredentialId: string; rpId: string; origin: string };
}

export async function exaFuzzSeeds(baseUrl: string): Promise<Seed[]> {
  // Loaded here, not with the registry: viem is slow to load and only the fuzzer's seeds sign.
  const { signSiwe, webauthnAssertion } = await import('./binding.ts');
  const s = await mockState<State>(baseUrl);
  const token = s.users.find((u) => u.card)!.token;
  const client = (http: SendOptions) => new ExaClient({ baseUrl, token, profile: ExaProfile.parse({}), http });
  const passkey: Passkey = { privateKey: s.binding.passkeyPrivateKey, credentialId: s.binding.passkeyCredentialId, rpId: s.binding.rpId, origin: s.binding.origin };
  const challenge = async (scope: 'siwe' | 'webauthn') => (JSON.parse((await client({}).getCard({ scopes: [scope] })).response.body) as { challenge: string }).challenge;
  const siwe = await challenge('siwe');
  const webauthn = await challenge('webauthn');
  return [
    await captureSeed('GET /card (sessionid)', (http) => client(http).getCard({ sessionid: makeSession(s.publicKeyPem).sessionid })),
    await captureSeed('GET /card?scope=provisioning', (http) => client(http).getCard({ scopes: ['provisioning'] })),
    await captureSeed('PATCH /card (siwe)', async (http) => client(http).bind({ method: 'siwe', message: siwe, signature: await signSiwe(s.binding.walletPrivateKey, siwe) })),
    await captureSeed('PATCH /card (webauthn)', (http) => client(http).bind({ method: 'webauthn', assertion: webauthnAssertion(passkey, Buffer.from(webauthn, 'utf8')) })),
  ];
}

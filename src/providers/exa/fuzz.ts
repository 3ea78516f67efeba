// Exa's fuzz seeds: GET /card with a session and with a scope, and the binding PATCHes where the
// vendor gave the test wallet and passkey: all from the variables a vendor sets.
import type { SendOptions } from '../../core/http.ts';
import { captureSeed, need, type Seed, type VendorVars } from '../../fuzz/seed.ts';
import type { Passkey } from './binding.ts';
import { ExaClient } from './client.ts';
import { ExaProfile } from './profile.ts';
import { makeSession } from './session.ts';

export async function exaFuzzSeeds(baseUrl: string, vars: VendorVars): Promise<Seed[]> {
  const token = need(vars, 'EXA_TOKEN');
  const client = (http: SendOptions) => new ExaClient({ baseUrl, token, profile: ExaProfile.parse({}), http });
  const seeds = [
    await captureSeed('GET /card (sessionid)', (http) =>
      client(http).getCard({ sessionid: makeSession(need(vars, 'EXA_PUBLIC_KEY')).sessionid }),
    ),
    await captureSeed('GET /card?scope=provisioning', (http) => client(http).getCard({ scopes: ['provisioning'] })),
  ];
  const challenge = async (scope: 'siwe' | 'webauthn') =>
    (JSON.parse((await client({}).getCard({ scopes: [scope] })).response.body) as { challenge: string }).challenge;
  // Loaded here, not with the registry: viem is slow to load and only the binding seeds sign.
  const binding = () => import('./binding.ts');
  if (vars.EXA_WALLET_PRIVATE_KEY) {
    const { signSiwe } = await binding();
    const siwe = await challenge('siwe');
    seeds.push(
      await captureSeed('PATCH /card (siwe)', async (http) =>
        client(http).bind({
          method: 'siwe',
          message: siwe,
          signature: await signSiwe(vars.EXA_WALLET_PRIVATE_KEY as `0x${string}`, siwe),
        }),
      ),
    );
  }
  if (
    vars.EXA_PASSKEY_PRIVATE_KEY &&
    vars.EXA_PASSKEY_CREDENTIAL_ID &&
    vars.EXA_PASSKEY_RP_ID &&
    vars.EXA_PASSKEY_ORIGIN
  ) {
    const { webauthnAssertion } = await binding();
    const passkey: Passkey = {
      privateKey: vars.EXA_PASSKEY_PRIVATE_KEY as `0x${string}`,
      credentialId: vars.EXA_PASSKEY_CREDENTIAL_ID,
      rpId: vars.EXA_PASSKEY_RP_ID,
      origin: vars.EXA_PASSKEY_ORIGIN,
    };
    const webauthn = await challenge('webauthn');
    seeds.push(
      await captureSeed('PATCH /card (webauthn)', (http) =>
        client(http).bind({ method: 'webauthn', assertion: webauthnAssertion(passkey, Buffer.from(webauthn, 'utf8')) }),
      ),
    );
  }
  return seeds;
}

// The cardholder's side of binding: sign the SIWE challenge with the wallet (EIP-191 through viem),
// or answer the WebAuthn challenge with a passkey. The passkey is a small software authenticator:
// authenticatorData = SHA-256(rpId) ‖ flags (UP|UV) ‖ counter, signature = ECDSA P-256 SHA-256
// (DER) over authenticatorData ‖ SHA-256(clientDataJSON), as WebAuthn §6.3.3 describes.
import { createHash } from 'node:crypto';
import { p256 } from '@noble/curves/nist.js';
import { toBase64Url } from '../../crypto/base64.ts';

export async function signSiwe(walletPrivateKey: `0x${string}`, message: string): Promise<`0x${string}`> {
  // viem loaded on first use: a process that only lists the checks does without it.
  const { privateKeyToAccount } = await import('viem/accounts');
  return privateKeyToAccount(walletPrivateKey).signMessage({ message });
}

export interface Passkey {
  privateKey: `0x${string}`;
  credentialId: string;
  rpId: string;
  origin: string;
}

export function webauthnAssertion(passkey: Passkey, challenge: Uint8Array, counter = 0) {
  const clientDataJSON = Buffer.from(
    JSON.stringify({
      type: 'webauthn.get',
      challenge: toBase64Url(challenge),
      origin: passkey.origin,
      crossOrigin: false,
    }),
    'utf8',
  );
  const count = Buffer.alloc(4);
  count.writeUInt32BE(counter);
  const authenticatorData = Buffer.concat([
    createHash('sha256').update(passkey.rpId).digest(),
    Buffer.from([0x05]),
    count,
  ]);
  const signed = Buffer.concat([authenticatorData, createHash('sha256').update(clientDataJSON).digest()]);
  const signature = p256.sign(signed, Buffer.from(passkey.privateKey.slice(2), 'hex'), { format: 'der' });
  return {
    id: passkey.credentialId,
    rawId: passkey.credentialId,
    response: {
      clientDataJSON: toBase64Url(clientDataJSON),
      authenticatorData: toBase64Url(authenticatorData),
      signature: toBase64Url(signature),
    },
    clientExtensionResults: {},
    type: 'public-key' as const,
  };
}

// Server side of PATCH (bind the card): a SIWE message signed by the cardholder's wallet
// (EIP-191, checked with viem) or a WebAuthn assertion by the cardholder's passkey (checked with
// @simplewebauthn/server), each over the challenge this mock issued.
import { p256 } from '@noble/curves/nist.js';
import { verifyAuthenticationResponse } from '@simplewebauthn/server';
import { isoCBOR } from '@simplewebauthn/server/helpers';
import { verifyMessage } from 'viem/utils';
import { privateKeyToAddress } from 'viem/accounts';
import { createSiweMessage, parseSiweMessage } from 'viem/siwe';
import { toBase64Url } from '../../src/crypto/base64.ts';
import type { SiweBinding, WebauthnBinding } from '../../schemas/exa.ts';
import type { z } from 'zod';
import { bindingStatement, exaBinding, exaTestKeys, type ExaUser } from '../../src/providers/exa/users.ts';

export const walletAddress = privateKeyToAddress(exaTestKeys.walletPrivateKey);

/** COSE_Key (EC2, P-256, ES256) of the seeded passkey, as a relying party stores it. */
function passkeyCose(): Uint8Array<ArrayBufferLike> {
  const point = p256.getPublicKey(Buffer.from(exaTestKeys.passkeyPrivateKey.slice(2), 'hex'), false);
  return isoCBOR.encode(
    new Map<number, number | Uint8Array>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, point.subarray(1, 33)],
      [-3, point.subarray(33, 65)],
    ]),
  );
}
const passkeyPublicKey = new Uint8Array(passkeyCose());

export function siweChallenge(user: ExaUser, nonce: string, issuedAt: Date, otherWording = false): string {
  return createSiweMessage({
    domain: exaBinding.domain,
    address: walletAddress,
    statement: bindingStatement(user, otherWording),
    uri: exaBinding.origin,
    version: '1',
    chainId: exaBinding.chainId,
    nonce,
    issuedAt,
  });
}

/** The nonce of a SIWE message whose fields are the ones this user must sign, else undefined. */
export function siweNonce(user: ExaUser, message: string, otherWording = false): string | undefined {
  try {
    const m = parseSiweMessage(message);
    const ok =
      m.statement === bindingStatement(user, otherWording) &&
      m.domain === exaBinding.domain &&
      m.chainId === exaBinding.chainId &&
      m.address?.toLowerCase() === walletAddress.toLowerCase();
    return ok ? m.nonce : undefined;
  } catch {
    return undefined;
  }
}

export async function siweSignatureValid(body: z.infer<typeof SiweBinding>): Promise<boolean> {
  try {
    return await verifyMessage({
      address: walletAddress,
      message: body.message,
      signature: body.signature as `0x${string}`,
    });
  } catch {
    return false;
  }
}

export async function webauthnAssertionValid(
  user: ExaUser,
  body: z.infer<typeof WebauthnBinding>,
  anyChallenge: boolean,
  otherWording = false,
): Promise<boolean> {
  try {
    const { verified } = await verifyAuthenticationResponse({
      response: {
        ...body.assertion,
        clientExtensionResults: body.assertion.clientExtensionResults as object,
        type: 'public-key',
      },
      expectedChallenge: anyChallenge
        ? () => true
        : toBase64Url(Buffer.from(bindingStatement(user, otherWording), 'utf8')),
      expectedOrigin: exaBinding.origin,
      expectedRPID: exaBinding.rpId,
      credential: { id: exaTestKeys.passkeyCredentialId, publicKey: passkeyPublicKey, counter: 0 },
      requireUserVerification: true,
    });
    return verified;
  } catch {
    return false;
  }
}

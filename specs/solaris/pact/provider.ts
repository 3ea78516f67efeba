// Verifies the Solaris pact against the target: the state signs the pact's JWK with the target's
// bound device, so the request is one the target must accept.
import { readFileSync } from 'node:fs';
import { verifyPact } from '../../fixtures/pact-verify.ts';
import { writtenPact } from '../../fixtures/pact.ts';
import { signJwk } from '../../../src/providers/solaris/device.ts';
import { expect, req, test } from '../fixtures.ts';
import { PACT_STATES } from './states.ts';

interface Pact {
  interactions: { request: { body?: { content?: { jwk?: Record<string, unknown> } } } }[];
}

test(
  'the target honours the interactions of the pact',
  req('SOL-JWE-DECRYPTS', 'SOL-DEVICE-SIGNATURE', 'SOL-FIELD-VALIDATION', 'SOL-UNKNOWN-CARD', 'SOL-ERROR-ENVELOPE'),
  async ({ setup }) => {
    const file = writtenPact('solaris');
    const jwk = (JSON.parse(readFileSync(file, 'utf8')) as Pact).interactions
      .map((i) => i.request.body?.content?.jwk)
      .find(Boolean);
    expect(jwk, 'the JWK of the pact').toBeDefined();
    const signed = () => ({
      cardId: setup.cardId,
      deviceId: setup.device.id,
      signature: signJwk(setup.device.privateKey, jwk!, setup.profile.signatureEncoding, setup.profile.jwkStringOrder),
    });
    await verifyPact({
      provider: 'solaris',
      pactFile: file,
      baseUrl: setup.target.baseUrl,
      states: { [PACT_STATES.boundDevice]: signed, [PACT_STATES.noCard]: signed },
      // An error body is the envelope rule; the status, and a 200 body, the interaction's own rule.
      rules: (m) => {
        const own = m.interaction.includes('unknown card')
          ? 'SOL-UNKNOWN-CARD'
          : m.interaction.includes('jwe.alg')
            ? 'SOL-FIELD-VALIDATION'
            : m.type === 'StatusMismatch' && m.text.includes(String(setup.profile.badSignatureStatus))
              ? 'SOL-DEVICE-SIGNATURE'
              : 'SOL-JWE-DECRYPTS';
        // A body mismatch of an error (a field of the envelope, or no envelope at all: `$`) is the envelope's, never the status rule's.
        const isError = own === 'SOL-UNKNOWN-CARD' || own === 'SOL-FIELD-VALIDATION';
        if (
          m.path?.startsWith('$.errors') ||
          (isError && m.type !== 'StatusMismatch' && (m.path === '$' || m.type.startsWith('Body')))
        )
          return 'SOL-ERROR-ENVELOPE';
        return own;
      },
      ...(setup.accessToken ? { headers: { authorization: `Bearer ${setup.accessToken}` } } : {}),
    });
  },
);

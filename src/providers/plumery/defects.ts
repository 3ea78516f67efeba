import { defectOf, defineDefects } from '../../core/defects.ts';
import type { PlumeryRequirementId } from './requirements.ts';

const d = defectOf<PlumeryRequirementId>();

export const plumeryDefects = defineDefects([
  // Unvalidated, some invalid points (infinity, coordinates ≥ p) make the multiplication throw: a 500 for bad input.
  d(
    'accepts-off-curve-key',
    'PLM-INVALID-CLIENT-KEY',
    'the client point is not validated: an off-curve key is multiplied (invalid-curve attack)',
    ['PLM-ERROR-SHAPE'],
  ),
  d(
    'accepts-compressed-key',
    'PLM-INVALID-CLIENT-KEY',
    'a compressed client point is accepted although the profile says uncompressed',
  ),
  d('ephemeral-key-reused', 'PLM-FRESH-EPHEMERAL-KEY', 'one ephemeral key pair serves every response'),
  d('salt-reused', 'PLM-FRESH-SALT-IV', 'the HKDF salt is a constant'),
  d('iv-reused', 'PLM-FRESH-SALT-IV', 'the GCM IV is a constant'),
  d('full-shared-point', 'PLM-ENVELOPE', 'HKDF gets the 33-byte compressed shared point instead of its x-coordinate'),
  d('hkdf-info-nonempty', 'PLM-ENVELOPE', 'HKDF info is "plumery-pin" instead of empty', [], {
    requirements: ['PLM-GCM-IV-TAG'],
    why: 'an HKDF info the client cannot know opens no payload, so the tag inside the ciphertext cannot be told from the text',
  }),
  d('tag-truncated', 'PLM-GCM-IV-TAG', 'the ciphertext carries a 12-byte tag'),
  d(
    'terminated-wrong-code',
    'PLM-CARD-TERMINATED',
    'a terminated card gets INVALID_CARD_STATE instead of CARD_ALREADY_TERMINATED',
  ),
  d('pin-in-clear', 'PLM-NO-CLEAR-CARD-DATA', 'the PIN answer also carries "pin" in clear beside encryptedPayload'),
  d('invalid-key-500', 'PLM-ERROR-SHAPE', 'an invalid client key is refused with the right code, but as a 500', [
    'PLM-INVALID-CLIENT-KEY',
  ]),
  d('missing-header-500', 'PLM-MISSING-HEADER', 'a missing X-Client-Public-Key gets a 500', ['PLM-ERROR-SHAPE']),
  d('error-without-request-id', 'PLM-ERROR-SHAPE', 'error bodies have no requestId'),
  d('details-expiry-yyyy-mm', 'PLM-DETAILS', 'card details carry expirationDate as YYYY-MM'),
  d('pin-state-not-checked', 'PLM-CARD-STATE', 'the PIN of a card in state ORDERED is revealed'),
  {
    ...d(
      'payload-field-renamed',
      'PLM-PIN-200',
      'encryptedPayload names the server key "ephemeralKey", not "ephemeralPublicKey" (a name no document gives)',
      ['PLM-DETAILS'],
    ),
    pinned: 'payloadFields',
  },
  d(
    'raw-client-key-refused',
    'PLM-CLIENT-KEY-ENCODING',
    'a raw uncompressed client point is refused although raw keys are accepted (profile)',
  ),
  d(
    'unknown-card-wrong-code',
    'PLM-CARD-NOT-FOUND',
    'an unknown card token gets INVALID_CARD_STATE instead of CARD_NOT_FOUND',
  ),
] as const);

export type PlumeryDefectName = (typeof plumeryDefects)[number]['name'];

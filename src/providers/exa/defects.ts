import { defectOf, defineDefects } from '../../core/defects.ts';
import type { ExaRequirementId } from './requirements.ts';

const d = defectOf<ExaRequirementId>();

export const exaDefects = defineDefects([
  d('iv-reused', 'EXA-FRESH-IV', 'every field and every answer under one session key uses the same IV'),
  d(
    'key-from-hex-text',
    'EXA-FIELDS-AES-128-GCM',
    'fields are encrypted with the UTF-8 of the hex secret (AES-256) instead of the 16 secret bytes',
    [],
    {
      requirements: ['EXA-PIN-BLOCK'],
      why: 'no field opens under the session key, so the PIN block inside the pin field cannot be read (only the consumer contract, which proves nothing of the target, touched it)',
    },
  ),
  d(
    'oaep-sha256',
    'EXA-SESSIONID-RSA-OAEP-SHA1',
    'the sessionid is decrypted with OAEP SHA-256 instead of SHA-1',
    ['EXA-SESSIONID-REFUSED'],
    {
      requirements: ['EXA-PIN-BLOCK', 'EXA-ERRORS'],
      why: 'their checks send a sessionid made as documented, which this target refuses, so nothing of the PIN block or the error codes behind it can be seen (only the consumer contract, which proves nothing of the target, touched them)',
    },
  ),
  d('tag-truncated', 'EXA-FIELDS-AES-128-GCM', 'the data carries a 12-byte GCM tag instead of 16 bytes', [], {
    requirements: ['EXA-PIN-BLOCK'],
    why: 'no field opens with the documented 16-byte tag, so the PIN block inside the pin field cannot be read',
  }),
  d(
    'provisioning-without-scope',
    'EXA-PROVISIONING-SCOPE',
    'provisioning credentials come back without scope=provisioning',
  ),
  d(
    'card-data-without-sessionid',
    'EXA-NO-CARD-DATA-WITHOUT-SESSIONID',
    'without a sessionid the fields come back encrypted under a server key',
  ),
  d('cvc-in-clear', 'EXA-NO-CLEAR-CARD-DATA', 'beside encryptedCvc the answer also carries "cvc" in clear'),
  d('no-store-missing', 'EXA-NO-STORE', 'answers to a request with a scope have no Cache-Control: no-store'),
  d('siwe-and-webauthn-together', 'EXA-SCOPE-EXCLUSIVE', 'scope=siwe together with scope=webauthn is answered 200'),
  d(
    'short-secret-accepted',
    'EXA-SESSIONID-REFUSED',
    'a sessionid whose plaintext is not 16 bytes is used, zero-padded',
  ),
  d('signature-not-checked', 'EXA-BIND-SIWE', 'PATCH accepts any SIWE signature or WebAuthn assertion', [
    'EXA-BIND-WEBAUTHN',
  ]),
  d('pin-not-a-block', 'EXA-PIN-BLOCK', 'the PIN is encrypted as bare digits, not as a format-2 PIN block'),
  d('crash-on-bad-sessionid', 'EXA-ERROR-SHAPE', 'a sessionid that is not base64 gets a 500 with a stack trace', [
    'EXA-SESSIONID-REFUSED',
  ]),
  d('siwe-nonce-reusable', 'EXA-BIND-SIWE', 'a signed SIWE challenge binds again when replayed'),
  d('webauthn-any-challenge', 'EXA-BIND-WEBAUTHN', 'a WebAuthn assertion over any challenge is accepted'),
  d('auth-not-checked', 'EXA-AUTH', 'GET /card without credentials answers for the first cardholder'),
  d('month-unpadded', 'EXA-PROFILE', 'expirationMonth is sent as "8", not "08"'),
  d('siwe-challenge-plain', 'EXA-CHALLENGE-SIWE', 'scope=siwe returns the plain statement, not a SIWE message', [
    'EXA-BIND-SIWE',
  ]),
  d(
    'webauthn-challenge-siwe',
    'EXA-CHALLENGE-WEBAUTHN',
    'scope=webauthn returns a SIWE message instead of the plain statement',
    ['EXA-BIND-WEBAUTHN'],
  ),
  d('no-card-as-no-panda', 'EXA-ERRORS', 'a user without a card gets 403 "no panda" instead of 404 "no card"'),
] as const);

export type ExaDefectName = (typeof exaDefects)[number]['name'];

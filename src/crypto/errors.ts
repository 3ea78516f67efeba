// Every failure of the consumer-side cryptography is a typed value: a test (or an implementer)
// can tell a bad tag from a bad IV from bad base64 without parsing a message. Messages never carry
// key material or plaintext.

export type CryptoErrorCode =
  'bad-base64' | 'bad-iv' | 'bad-tag' | 'bad-key' | 'bad-length' | 'decrypt-failed' | 'bad-pin-block' | 'bad-point';

export class CryptoError extends Error {
  override readonly name = 'CryptoError';
  constructor(
    readonly code: CryptoErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** True when `e` is a CryptoError (with the given code, when one is named). */
export function isCryptoError(e: unknown, code?: CryptoErrorCode): e is CryptoError {
  return e instanceof CryptoError && (code === undefined || e.code === code);
}

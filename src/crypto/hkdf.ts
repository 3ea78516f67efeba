// HKDF (RFC 5869) over node:crypto; @noble/hashes checks the same vectors independently.
import { hkdfSync } from 'node:crypto';

export function hkdfSha256(ikm: Uint8Array, salt: Uint8Array, info: Uint8Array, length: number): Buffer {
  return Buffer.from(hkdfSync('sha256', ikm, salt, info, length));
}

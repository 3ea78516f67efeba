// Strict base64: Node's Buffer.from(s, 'base64') skips junk characters silently, which would let a
// malformed field decode to something. Here anything but canonical, padded base64 is refused.
import { CryptoError } from './errors.ts';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

export function fromBase64(text: string, what: string): Buffer {
  if (typeof text !== 'string' || !BASE64.test(text))
    throw new CryptoError('bad-base64', `${what} is not valid base64`);
  return Buffer.from(text, 'base64');
}

export function fromBase64Url(text: string, what: string): Buffer {
  if (typeof text !== 'string' || !BASE64URL.test(text) || text.length % 4 === 1)
    throw new CryptoError('bad-base64', `${what} is not valid base64url`);
  return Buffer.from(text, 'base64url');
}

export const toBase64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
export const toBase64Url = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url');

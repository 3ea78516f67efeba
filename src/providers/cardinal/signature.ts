// The DX request signature: Base64(digest(Timestamp + TransactionId + ApiKey)), SHA-256 or SHA-512,
// no delimiters, the Timestamp exactly as sent (a number as its JSON text). The older Centinel
// recipe hashed Timestamp + ApiKey; which one a target uses is a profile option.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { DxAlgorithm } from '../../../schemas/cardinal.ts';

export type SignatureRecipe = 'timestamp+transactionId+apiKey' | 'timestamp+apiKey';

export interface SignatureInput {
  recipe: SignatureRecipe;
  algorithm: DxAlgorithm;
  timestamp: string | number;
  transactionId: string;
  apiKey: string;
}

export function signedText(i: Omit<SignatureInput, 'algorithm'>): string {
  const ts = String(i.timestamp);
  return i.recipe === 'timestamp+apiKey' ? `${ts}${i.apiKey}` : `${ts}${i.transactionId}${i.apiKey}`;
}

export function dxSignature(i: SignatureInput): string {
  return createHash(i.algorithm === 'SHA-512' ? 'sha512' : 'sha256')
    .update(signedText(i), 'utf8')
    .digest('base64');
}

/** Constant-time comparison of a received signature with the expected one. */
export function signatureMatches(received: string, expected: string): boolean {
  const a = Buffer.from(received, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

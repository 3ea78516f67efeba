// Checks vectors/cardinal-signature.json: Base64(digest(signed text)) for each recipe and digest,
// computed by node:crypto and by @noble/hashes; a test's signature must equal the computed one.
import { createHash } from 'node:crypto';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import type { VectorFile, VectorTest } from '../core/vectors.ts';
import { checkVectors, type Implementation } from './run.ts';

export interface SignatureGroup {
  recipe: 'timestamp+transactionId+apiKey' | 'timestamp+apiKey';
  algorithm: 'SHA-256' | 'SHA-512';
}
export interface SignatureTest extends VectorTest {
  timestamp: string | number;
  transactionId: string;
  apiKey: string;
  signature: string;
}

// Each implementation builds the signed text itself, from the group's recipe.
const text = (g: SignatureGroup, t: SignatureTest) =>
  g.recipe === 'timestamp+apiKey' ? `${t.timestamp}${t.apiKey}` : `${t.timestamp}${t.transactionId}${t.apiKey}`;
const verdict = (computed: string, t: SignatureTest) => {
  if (computed !== t.signature) throw new Error('signature differs');
  return computed;
};

const nodeImpl: Implementation<SignatureGroup, SignatureTest> = {
  name: 'node:crypto createHash',
  run: (g, t) =>
    verdict(
      createHash(g.algorithm === 'SHA-512' ? 'sha512' : 'sha256')
        .update(text(g, t), 'utf8')
        .digest('base64'),
      t,
    ),
};
const nobleImpl: Implementation<SignatureGroup, SignatureTest> = {
  name: '@noble/hashes sha256/sha512',
  run: (g, t) =>
    verdict(
      Buffer.from((g.algorithm === 'SHA-512' ? sha512 : sha256)(new TextEncoder().encode(text(g, t)))).toString(
        'base64',
      ),
      t,
    ),
};

export function checkCardinalVectors(file: VectorFile) {
  return checkVectors<SignatureGroup, SignatureTest>(file, [nodeImpl, nobleImpl], (_g, t) => t.signature);
}

// Which checker reads which vector file. A new envelope adds its file and checker here.
import type { VectorFile } from '../core/vectors.ts';
import { checkCardFieldVectors } from './exa-card-fields.ts';
import { checkSessionVectors } from './exa-sessionid.ts';
import { checkPlumeryVectors } from './plumery-envelope.ts';
import { checkCardinalVectors } from './cardinal-signature.ts';
import { checkDeviceSignatureVectors, checkJweVectors, checkRsaDecryptVectors } from './solaris.ts';
import type { VectorResult } from './run.ts';

export const vectorCheckers: Record<string, (file: VectorFile) => Promise<VectorResult>> = {
  'exa-sessionid.json': checkSessionVectors,
  'exa-card-fields.json': checkCardFieldVectors,
  'plumery-envelope.json': checkPlumeryVectors,
  'cardinal-signature.json': checkCardinalVectors,
  'solaris-device-signature.json': checkDeviceSignatureVectors,
  'solaris-rsa-decrypt.json': checkRsaDecryptVectors,
  'solaris-jwe.json': checkJweVectors,
};

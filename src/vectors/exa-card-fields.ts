// Checks vectors/exa-card-fields.json: AES-128-GCM fields ({data, iv}, tag appended, IV 12 or 16
// bytes) by node:crypto and by @noble/ciphers, and the format-2 PIN blocks by the library's decoder
// and by a character-by-character reading written here from the format's definition.
import { gcm } from '@noble/ciphers/aes.js';
import { gcmOpen } from '../crypto/aes-gcm.ts';
import { fromBase64 } from '../crypto/base64.ts';
import { decodePinBlock } from '../crypto/pin-block.ts';
import { EXA_IV_LENGTHS } from '../providers/exa/card-data.ts';
import type { VectorFile, VectorTest } from '../core/vectors.ts';
import { checkByGroupType, type GroupChecker, type Implementation } from './run.ts';

export interface FieldTest extends VectorTest {
  key: string;
  /** The field as the wire carries it. */
  field: { data: string; iv: string };
  /** The UTF-8 plaintext, hex. */
  msg: string;
}
export interface PinTest extends VectorTest {
  block: string;
  pin: string;
}

// The IV-length rule is the envelope's, not GCM's (GCM takes any IV length): both apply it first.
function ivAndData(t: FieldTest) {
  const iv = fromBase64(t.field.iv, 'iv');
  if (!(EXA_IV_LENGTHS as readonly number[]).includes(iv.length)) throw new Error('IV length');
  return { iv, data: fromBase64(t.field.data, 'data'), key: Buffer.from(t.key, 'hex') };
}

const nodeGcm: Implementation<unknown, FieldTest> = {
  name: 'node:crypto aes-128-gcm',
  run(_g, t) {
    const { iv, data, key } = ivAndData(t);
    return gcmOpen(key, iv, data, { ivLengths: EXA_IV_LENGTHS }).toString('hex');
  },
};

const nobleGcm: Implementation<unknown, FieldTest> = {
  name: '@noble/ciphers gcm',
  run(_g, t) {
    const { iv, data, key } = ivAndData(t);
    if (key.length !== 16) throw new Error('AES-128 takes a 16-byte key');
    return Buffer.from(gcm(key, iv).decrypt(data)).toString('hex');
  },
};

const libraryPin: Implementation<unknown, PinTest> = {
  name: 'src/crypto/pin-block.ts',
  run: (_g, t) => decodePinBlock(t.block),
};

/** Format 2 read one character at a time: control "2", length L (hex 4..C), L digits, F to 16. */
const readingPin: Implementation<unknown, PinTest> = {
  name: 'character-by-character reading',
  run(_g, t) {
    const b = t.block;
    if (b.length !== 16 || b[0] !== '2') throw new Error('control field');
    const length = '0123456789ABCDEF'.indexOf((b[1] ?? '').toUpperCase());
    if (length < 4 || length > 12) throw new Error('length field');
    let pin = '';
    for (let i = 2; i < 16; i++) {
      const c = b[i]!;
      if (i < 2 + length) {
        if (c < '0' || c > '9') throw new Error('PIN digit');
        pin += c;
      } else if (c !== 'F') throw new Error('fill');
    }
    return pin;
  },
};

const byType: Record<string, GroupChecker> = {
  AeadTest: { impls: [nodeGcm, nobleGcm], expected: (t) => t.msg } satisfies GroupChecker<FieldTest>,
  PinBlockTest: { impls: [libraryPin, readingPin], expected: (t) => t.pin } satisfies GroupChecker<PinTest>,
};

export const checkCardFieldVectors = (file: VectorFile) => checkByGroupType(file, byType);

// The ways an AES-GCM "ciphertext ‖ 16-byte tag" can be altered so that its tag no longer verifies:
// every provider whose answer is GCM serves them, each on its own envelope. An app must refuse each
// (NIST SP 800-38D §7.2: no plaintext without a verified tag).

export interface GcmAlteration {
  name: string;
  /** What the case serves, in words. */
  served: string;
  alter(data: Buffer): Buffer;
}

const TAG = 16;
const flipped = (b: Buffer, i: number) => {
  const c = Buffer.from(b);
  c[(i + c.length) % c.length]! ^= 0x01;
  return c;
};
/** The ciphertext with only `keep` bytes of its tag. */
const cut = (keep: number) => (d: Buffer) => d.subarray(0, d.length - TAG + keep);

export const GCM_ALTERATIONS: readonly GcmAlteration[] = [
  { name: 'tag-altered', served: 'an answer whose GCM tag has one bit flipped', alter: (d) => flipped(d, -1) },
  // The last byte before the tag: a PAN's or CVC's last digit, a PIN block's padding, a JSON's "}".
  {
    name: 'ciphertext-flipped',
    served: 'an answer whose ciphertext has one bit flipped',
    alter: (d) => flipped(d, -TAG - 1),
  },
  { name: 'tag-missing', served: 'an answer that carries no tag', alter: cut(0) },
  { name: 'tag-truncated-12', served: 'an answer whose tag is cut to 12 bytes', alter: cut(12) },
  { name: 'tag-truncated-8', served: 'an answer whose tag is cut to 8 bytes', alter: cut(8) },
  { name: 'tag-truncated-4', served: 'an answer whose tag is cut to 4 bytes', alter: cut(4) },
];

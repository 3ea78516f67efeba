// The PIN block Exa encrypts: ISO 9564 format 2 written as text, "2" + the PIN length as one hex
// digit + the PIN + "F" padding to 16 characters ("241234FFFFFFFFFF"). PINs have 4 to 12 digits.
import { CryptoError } from './errors.ts';

const BLOCK = /^2([4-9A-Ca-c])(\d{4,12})(F*)$/;

export function encodePinBlock(pin: string): string {
  if (!/^\d{4,12}$/.test(pin)) throw new CryptoError('bad-pin-block', 'a PIN has 4 to 12 digits');
  return `2${pin.length.toString(16).toUpperCase()}${pin}${'F'.repeat(14 - pin.length)}`;
}

export function decodePinBlock(block: string): string {
  const m = BLOCK.exec(block);
  const fail = (why: string) => new CryptoError('bad-pin-block', `not a format-2 PIN block: ${why}`);
  if (block.length !== 16) throw fail(`${block.length} characters, not 16`);
  if (!m) throw fail('expected "2", a length digit 4-C, the PIN digits and F padding');
  const length = parseInt(m[1]!, 16);
  if (m[2]!.length !== length) throw fail('the length digit does not match the PIN');
  return m[2]!;
}

// The Solaris mock's persons and bound devices (its cards: cards.ts). PANs are Luhn-valid and made up (the leak
// checks look for them); device keys are test-only P-256 keys derived from fixed labels.
import { createHash, createPrivateKey, type KeyObject } from 'node:crypto';
import { p256KeyPair } from '../../crypto/ecdh-p256.ts';

export { solarisCards, type SolarisCard } from './cards.ts';

export interface SolarisDevice {
  id: string;
  personId: string;
  /** PKCS#8 DER, base64: test-only. */
  privateKeyPkcs8: string;
}

function deviceKey(label: string): KeyObject {
  const d = createHash('sha256').update(`card-reveal-harness solaris device ${label}`).digest();
  const pub = p256KeyPair(d).publicKey;
  const b64u = (b: Uint8Array) => Buffer.from(b).toString('base64url');
  return createPrivateKey({
    key: { kty: 'EC', crv: 'P-256', d: b64u(d), x: b64u(pub.subarray(1, 33)), y: b64u(pub.subarray(33)) },
    format: 'jwk',
  });
}
const pkcs8 = (k: KeyObject) => k.export({ format: 'der', type: 'pkcs8' }).toString('base64');

export const solarisDevices: readonly SolarisDevice[] = [
  { id: 'sol-device-0001', personId: 'sol-person-01', privateKeyPkcs8: pkcs8(deviceKey('1')) },
  { id: 'sol-device-0002', personId: 'sol-person-02', privateKeyPkcs8: pkcs8(deviceKey('2')) },
];

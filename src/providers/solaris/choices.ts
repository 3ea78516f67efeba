import { defineChoices } from '../../core/choices.ts';
import { solarisVariants } from './variants.ts';

// Where Solaris's document (and the standards) leave the implementer a choice; the first option of
// each is the reference mock's. `variants --generated` draws them (src/core/choices.ts).
export const solarisChoices = defineChoices(solarisVariants, [
  {
    name: 'unknown-device-status',
    why: 'only "must have verified their device" is written for a device that is not bound',
    profileOption: 'unknownDeviceStatus',
    options: [
      { value: '403', profile: { unknownDeviceStatus: 403 } },
      { value: '404', variants: ['unknown-device-404'], profile: { unknownDeviceStatus: 404 } },
    ],
  },
  {
    name: 'signature-encoding',
    why: 'the document says the signature is hex; its example reads as hex of base64 text',
    profileOption: 'signatureEncoding',
    options: [
      { value: 'hex of DER', profile: { signatureEncoding: 'hex-der' } },
      {
        value: 'hex of base64 of DER',
        variants: ['signature-hex-base64'],
        profile: { signatureEncoding: 'hex-base64-der' },
      },
    ],
  },
  {
    name: 'jwe-kid',
    why: 'RFC 7516 §4.1.6 makes kid optional in the protected header',
    profileOption: 'kidInHeader',
    options: [
      { value: 'kid = jwk.kid', profile: { kidInHeader: true } },
      {
        value: 'no kid',
        variants: ['no-kid-in-header'],
        profile: { kidInHeader: false },
        absorbs: ['kid-not-echoed'],
      },
    ],
  },
  {
    name: 'short-key-status',
    why: 'RFC 7518 §4.2 refuses a key under 2048 bits; no document sets the status of that refusal',
    profileOption: 'shortKeyStatus',
    options: [
      { value: '400', profile: { shortKeyStatus: 400 } },
      { value: '422', variants: ['short-key-422'], profile: { shortKeyStatus: 422 } },
    ],
  },
  {
    name: 'answer-fields',
    why: 'the answer names data; more fields beside it are not excluded',
    options: [{ value: 'data only' }, { value: 'also id, created_at', variants: ['extra-response-fields'] }],
  },
]);

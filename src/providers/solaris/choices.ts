import { defineChoices, statusChoice } from '../../core/choices.ts';
import { solarisVariants } from './variants.ts';

// Where Solaris's document (and the standards) leave the implementer a choice; the first option of
// each is the reference mock's. `variants --generated` draws them (src/core/choices.ts).
export const solarisChoices = defineChoices(solarisVariants, [
  statusChoice(
    'unknown-device-status',
    'only "must have verified their device" is written for a device that is not bound',
    'unknownDeviceStatus',
    403,
    { status: 404, variant: 'unknown-device-404' },
  ),
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
  statusChoice(
    'short-key-status',
    'RFC 7518 §4.2 refuses a key under 2048 bits; no document sets the status of that refusal',
    'shortKeyStatus',
    400,
    { status: 422, variant: 'short-key-422' },
  ),
  statusChoice(
    'bad-signature-status',
    'the document lists a 403 answer, not which refusal it is; a signature that does not verify may be refused otherwise',
    'badSignatureStatus',
    403,
    { status: 401, variant: 'bad-signature-401' },
  ),
  {
    name: 'answer-fields',
    why: 'the answer names data; more fields beside it are not excluded',
    options: [{ value: 'data only' }, { value: 'also id, created_at', variants: ['extra-response-fields'] }],
  },
]);

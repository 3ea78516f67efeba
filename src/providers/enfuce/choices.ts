import { defineChoices, statusChoice } from '../../core/choices.ts';
import { enfuceVariants } from './variants.ts';

// Where Enfuce's document (and the standards) leave the implementer a choice; the first option of
// each is the reference mock's. `variants --generated` draws them (src/core/choices.ts).
export const enfuceChoices = defineChoices(enfuceVariants, [
  {
    name: 'error-body',
    why: 'the document shows no error body ("the request will fail")',
    profileOption: 'errorBody',
    options: [
      { value: '{errorCode, message}', profile: { errorBody: 'errorCode-message' } },
      { value: '{code, message}', variants: ['error-code-message'], profile: { errorBody: 'code-message' } },
    ],
  },
  statusChoice(
    'unknown-card-status',
    'only "the request will fail" is written for an unknown cardId',
    'unknownCardStatus',
    404,
    { status: 400, variant: 'unknown-card-400' },
  ),
  {
    name: 'token-format',
    why: 'no token format is documented; ASVS 5.0.0 V7.2.3 asks 128 bits of entropy and no more',
    options: [{ value: '43 base64url characters' }, { value: '64 hex characters', variants: ['long-tokens'] }],
  },
  {
    name: 'token-answer-fields',
    why: 'the token answer names token, cardDataUrl and cardDataFrameUrl; more fields are not excluded',
    options: [
      { value: 'the three documented' },
      { value: 'also expiresIn, requestId', variants: ['extra-response-fields'] },
    ],
  },
  {
    name: 'frame-render-time',
    why: 'the document sets no time for the frame to show the card after the postMessage',
    options: [{ value: 'at once' }, { value: 'after a 1-s spinner', variants: ['frame-slow-render'] }],
  },
  {
    name: 'card-data-path',
    why: 'the device POSTs to "the cardDataUrl" and frames "the cardDataFrameUrl" the token answer returns: no path is documented',
    options: [
      { value: '/v4/card-data/view, /v4/card-data/frame' },
      { value: '/v4/card-data, /v4/card-data/frame', variants: ['card-data-path-short'] },
      { value: '/reveal/snapshot, /reveal/frame.html', variants: ['card-data-path-other'] },
    ],
  },
  {
    name: 'card-data-origin',
    why: 'the returned URLs may point anywhere: the document names no host for them',
    options: [{ value: "the API's" }, { value: 'another origin', variants: ['card-data-other-origin'] }],
  },
]);

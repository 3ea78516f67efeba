import { defineVariants } from '../../core/variants.ts';

// Choices the Enfuce document leaves open: the error body, the status of an unknown card (only
// "the request will fail" is written), how long a token is, extra fields in the token answer, how
// soon the frame renders, where the card-data pages live (path and origin of the returned URLs).
export const enfuceVariants = defineVariants([
  { name: 'error-code-message', description: 'JSON errors are {code, message} instead of {errorCode, message}' },
  {
    name: 'unknown-card-400',
    description: 'an unknown cardId is a 400, stated in the profile',
    profile: { unknownCardStatus: 400 },
  },
  { name: 'long-tokens', description: 'control tokens are 64 hex characters' },
  { name: 'extra-response-fields', description: 'the controlToken answer also carries expiresIn and a request id' },
  {
    name: 'frame-slow-render',
    description:
      'the frame shows "Loading" for 1 s after the card-data answer before the card (a minimum spinner time)',
  },
  {
    name: 'card-data-path-short',
    description: 'the card-data page is POSTed to /v4/card-data (the document names no path: "the cardDataUrl")',
  },
  {
    name: 'card-data-path-other',
    description: 'the card-data page and frame live under /reveal/ (snapshot, frame.html)',
  },
  {
    name: 'card-data-other-origin',
    description: 'the card-data page and frame are served on another origin than the API, which refuses their paths',
  },
] as const);

export type EnfuceVariantName = (typeof enfuceVariants)[number]['name'];

import { defectOf, defineDefects } from '../../core/defects.ts';
import type { EnfuceRequirementId } from './requirements.ts';

const d = defectOf<EnfuceRequirementId>();

export const enfuceDefects = defineDefects([
  d('token-ttl-60s', 'ENF-TOKEN-TTL-30S', 'control tokens live 60 s instead of 30 s'),
  d(
    'token-ttl-5s',
    'ENF-TOKEN-TTL-30S',
    'control tokens live 5 s instead of 30 s (refused well inside the documented 30 s)',
  ),
  d('token-reusable', 'ENF-TOKEN-SINGLE-USE', 'a control token shows the card data again on a second use'),
  d(
    'frame-token-reusable',
    'ENF-TOKEN-SINGLE-USE',
    "a control token already used shows the card data again when the frame posts it (only the app's POST checks use)",
  ),
  d('frame-accepts-any-origin', 'ENF-FRAME-ORIGIN-CHECK', 'the frame acts on a message from any origin'),
  d(
    'frame-accepts-any-origin-after-await',
    'ENF-FRAME-ORIGIN-CHECK',
    'the frame acts on a message from any origin, 100 ms after it (an await before its request)',
  ),
  d('frame-accepts-any-operation', 'ENF-FRAME-MESSAGE-SHAPE', 'the frame acts on a message whatever its operation'),
  d(
    'frame-renders-without-token',
    'ENF-FRAME-MESSAGE-SHAPE',
    'without a token, the frame and the card-data page show the last card viewed',
    ['ENF-INVALID-TOKEN-REFUSED'],
  ),
  d('no-store-missing', 'ENF-NO-STORE', 'card-data pages are sent without Cache-Control: no-store'),
  d('frame-ancestors-missing', 'ENF-FRAME-ANCESTORS', 'the frame page has no frame-ancestors directive'),
  d('frame-key-not-checked', 'ENF-FRAME-KEY', 'the frame page loads for a missing or unknown key'),
  d('unknown-card-201', 'ENF-UNKNOWN-CARD-404', 'a token is issued for an unknown cardId'),
  d(
    'card-data-in-token-response',
    'ENF-NO-CARD-DATA-IN-TOKEN-RESPONSE',
    'the controlToken answer also carries the PAN',
  ),
  d('audit-user-optional', 'ENF-AUDIT-USER-REQUIRED', 'controlToken is answered without auditUser'),
  d('auth-not-checked', 'ENF-AUTH-BASIC', 'controlToken is answered without valid Basic credentials'),
  d('predictable-token', 'ENF-TOKEN-UNIQUE', 'control tokens are a counter'),
  d('error-page-shows-card', 'ENF-INVALID-TOKEN-REFUSED', 'the error page for a used token repeats the card number', [
    'ENF-NO-CLEAR-CARD-DATA',
  ]),
  d('pan-in-api-error', 'ENF-NO-CLEAR-CARD-DATA', 'the 400 for a missing auditUser names the card number'),
  d('crash-on-bad-input', 'ENF-ERROR-SHAPE', 'a malformed form body gets a 500 with a stack trace'),
  d('frame-url-missing', 'ENF-TOKEN-201', 'the controlToken answer has no cardDataFrameUrl'),
  d(
    'token-field-renamed',
    'ENF-MOBILE-FORM-POST',
    'the card-data page (which the frame posts to as well) reads the form field "controlToken", not "token"',
    ['ENF-FRAME-VIEW-PAN'],
    {
      requirements: ['ENF-FRAME-ORIGIN-CHECK', 'ENF-FRAME-MESSAGE-SHAPE'],
      why: 'the frame shows no card for the right message either, so that it shows none for a wrong one proves nothing (the positive control fails), and the page without a token cannot be told from one that reads no token at all',
    },
  ),
  d(
    'snapshot-without-cvv',
    'ENF-SNAPSHOT-CONTENT',
    'the card page (mobile snapshot and frame alike) leaves out the CVV2',
    ['ENF-FRAME-VIEW-PAN'],
    {
      requirements: ['ENF-FRAME-ORIGIN-CHECK'],
      why: 'the frame never shows the whole card, so that it ignores a message from another origin proves nothing (the positive control fails)',
    },
  ),
  d(
    'frame-ignores-view-pan',
    'ENF-FRAME-VIEW-PAN',
    'the frame acts only on operation "viewPan", not the documented "view-pan"',
    undefined,
    {
      requirements: ['ENF-FRAME-ORIGIN-CHECK'],
      why: 'the frame acts on no documented message, so that it ignores one from another origin proves nothing (the positive control fails)',
    },
  ),
  d('card-status-checked', 'ENF-NO-STATUS-CHECK', 'no token is issued for a frozen card'),
] as const);

export type EnfuceDefectName = (typeof enfuceDefects)[number]['name'];

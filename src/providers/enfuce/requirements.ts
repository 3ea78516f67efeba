import { defineRequirements } from '../../core/requirements.ts';
import { STANDARDS } from '../../core/standards.ts';

const TOKEN = 'POST /v4/card/{cardId}/controlToken';
const MOBILE = 'POST cardDataUrl (mobile)';
const FRAME = 'GET cardDataFrameUrl?key= (iframe)';

export const enfuceRequirements = defineRequirements({
  'ENF-AUTH-BASIC': {
    endpoint: TOKEN,
    text: 'Basic authentication is used to authenticate towards Enfuce API (RFC 7617).',
    source: 'provider-docs',
    severity: 'critical',
  },
  'ENF-TOKEN-201': {
    endpoint: TOKEN,
    section: 'Process description, step 3; Response (201)',
    text: 'The successful response from this endpoint returns a token and two URLs (201 application/json: token required; cardDataUrl, cardDataFrameUrl).',
    source: 'document',
    quotes: [
      'The successful response from this endpoint returns a token and two URLs',
      "201 - application/json token string required The control token. cardDataUrl string The URL to call on mobile devices for accessing the card's data. cardDataFrameUrl string The URL to open in iframe to access the card's data.",
    ],
    severity: 'blocker',
  },
  'ENF-AUDIT-USER-REQUIRED': {
    endpoint: TOKEN,
    section: 'Query Parameters: auditUser',
    text: 'Query parameter auditUser, string, required: the audit user to log the request.',
    source: 'document',
    quotes: ['auditUser string required The audit user to log the request'],
    severity: 'normal',
  },
  'ENF-UNKNOWN-CARD-404': {
    endpoint: TOKEN,
    section: 'Process description, step 2',
    text: 'The request will fail if cardId is not valid (default: 404 with the error body).',
    source: 'document',
    quotes: ['The request will fail if cardId is not valid.'],
    severity: 'critical',
    options: ['unknownCardStatus'],
  },
  'ENF-NO-STATUS-CHECK': {
    endpoint: TOKEN,
    section: 'Process description, step 2',
    text: 'Besides cardId, no additional validation is done: Enfuce will not validate open-to-buy, card status or usage limiters.',
    source: 'document',
    quotes: [
      'Besides cardId, no additional validation is done. This means that Enfuce will not validate open-to-buy, card status or usage limiters of the card when responding to request.',
    ],
    severity: 'minor',
  },
  'ENF-NO-CARD-DATA-IN-TOKEN-RESPONSE': {
    endpoint: TOKEN,
    section: 'PCI and security considerations',
    text: 'The service is designed to avoid exposure of sensitive, PCI categorised data to the web/app back-end: the controlToken answer carries no card data.',
    source: 'document',
    quotes: ['The service is designed to avoid exposure of sensitive, PCI categorised data to the web/app back-end'],
    severity: 'blocker',
  },
  'ENF-NO-CLEAR-CARD-DATA': {
    endpoint: TOKEN,
    section: 'PCI and security considerations',
    text: "The card data is sent directly from the service endpoint to the end user's device: only the card-data page shows it; no other answer (errors, refusal pages; headers and body) carries it.",
    source: 'document',
    quotes: ['therefore the card data is sent directly from the service endpoint to the end users device.'],
    severity: 'blocker',
  },
  'ENF-ENCRYPTED-TRANSPORT': {
    endpoint: TOKEN,
    section: 'PCI and security considerations',
    text: 'Card data remains encrypted in transport: the cardDataUrl and cardDataFrameUrl a token answer returns are https (plain http only to a loopback host, a bench no device reaches).',
    source: 'document',
    quotes: ['Card data remains encrypted in transport.'],
    severity: 'blocker',
  },
  'ENF-TOKEN-UNIQUE': {
    endpoint: TOKEN,
    text: 'Every control token is new and unguessable: never repeated, no counter or timestamp, no long prefix shared with another token (default: at least 16 characters).',
    source: 'standard',
    cites: [STANDARDS.asvsUnguessable],
    severity: 'critical',
    options: ['tokenMinLength'],
  },
  'ENF-ERROR-SHAPE': {
    endpoint: TOKEN,
    text: 'Bad input gets a 4xx, never a 5xx (RFC 9110: a 5xx is the server failing) (default: errors of the JSON API are application/json {errorCode, message}).',
    source: 'standard',
    cites: [STANDARDS.httpServerError],
    severity: 'normal',
    options: ['errorBody'],
  },
  'ENF-TOKEN-TTL-30S': {
    endpoint: MOBILE,
    section: 'Process description, step 3',
    text: 'Note the token is valid for 30 seconds which is the deadline for the end user device to make the POST call to retrieve the HTML snapshot.',
    source: 'document',
    quotes: [
      'Note the token is valid for 30 seconds which is the deadline for the end user device to make the POST call to retrieve the HTML snapshot',
    ],
    severity: 'blocker',
  },
  'ENF-TOKEN-SINGLE-USE': {
    endpoint: MOBILE,
    text: 'A control token shows the card data once; a second use is refused (the token is a one-time code handed from the back end to the device).',
    source: 'standard',
    cites: [STANDARDS.asvsSingleUse],
    severity: 'blocker',
  },
  'ENF-MOBILE-FORM-POST': {
    endpoint: MOBILE,
    section: 'Process description, step 4 (mobile app)',
    text: 'Mobile app retrieves the HTML snapshot with card data by executing a POST call to the cardDataUrl with the content of the token in a form field named token.',
    source: 'document',
    quotes: [
      'Mobile app retrieves the HTML snapshot with card data by executing a POST call to the cardDataUrl with the content of the token in a form field named token.',
    ],
    severity: 'blocker',
  },
  'ENF-SNAPSHOT-CONTENT': {
    endpoint: MOBILE,
    section: 'Process description, step 6',
    text: 'Enfuce responds with a HTML snapshot containing the card data: card number (PAN), expiry date and CVC2/CVV2.',
    source: 'document',
    quotes: [
      'Enfuce responds with a HTML snapshot containing the card data.',
      'This means that the end user will get access to card number (PAN), expiry date and CVC2/CVV2.',
    ],
    severity: 'blocker',
  },
  'ENF-INVALID-TOKEN-REFUSED': {
    endpoint: MOBILE,
    section: 'Process description, step 6',
    text: 'The request will fail if the token is not valid (default: a 4xx HTML page with no card data for a missing, unknown, expired or used token).',
    source: 'document',
    quotes: ['The request will fail if the token is not valid.'],
    severity: 'blocker',
    options: ['refusalPage'],
  },
  'ENF-NO-STORE': {
    endpoint: MOBILE,
    section: 'PCI and security considerations',
    text: 'Pages with card data, and the frame page, send Cache-Control: no-store (the document: "No card data is stored in the process").',
    source: 'standard',
    cites: [STANDARDS.asvsNoStore],
    severity: 'critical',
  },
  'ENF-FRAME-KEY': {
    endpoint: FRAME,
    section: 'Process description, step 4 (desktop browser)',
    text: 'Desktop browser opens iframe to cardDataFrameUrl with query parameter key. Key needs to agreed with Enfuce beforehand (default: a missing or unknown key is refused with a 4xx).',
    source: 'document',
    quotes: [
      'Desktop browser opens iframe to cardDataFrameUrl with query parameter _key_. Key needs to agreed with Enfuce beforehand.',
    ],
    severity: 'critical',
  },
  'ENF-FRAME-VIEW-PAN': {
    endpoint: FRAME,
    section: 'Process description, step 4 (desktop browser)',
    text: 'After that is loaded, parent page makes window.postMessage() call to the iframe. Posted message object contains field operation with value view-pan and field token. The card data is rendered inside the iframe only.',
    source: 'document',
    quotes: [
      'After that is loaded, parent page makes window.postMessage() call to the iframe. Posted message object contains field _operation_ with value _view-pan_ and field _token_.',
      'the content is rendered inside browser widget (Webview or Iframe).',
    ],
    severity: 'blocker',
  },
  'ENF-FRAME-ORIGIN-CHECK': {
    endpoint: FRAME,
    text: 'The frame acts only on messages from the origin agreed for its key and ignores all others.',
    source: 'standard',
    cites: [STANDARDS.asvsPostMessage],
    severity: 'blocker',
  },
  'ENF-FRAME-MESSAGE-SHAPE': {
    endpoint: FRAME,
    text: 'A message with another operation, or without a token, shows no card data.',
    source: 'standard',
    cites: [STANDARDS.asvsPostMessage],
    severity: 'critical',
  },
  'ENF-FRAME-ANCESTORS': {
    endpoint: FRAME,
    text: 'The frame page sends a Content-Security-Policy whose frame-ancestors names only the origin agreed for the key, so it does not load under any other parent.',
    source: 'standard',
    cites: [STANDARDS.asvsFrameAncestors],
    severity: 'critical',
  },
});

export type EnfuceRequirementId = keyof typeof enfuceRequirements;

// Every sentence of Enfuce's document a service or an app could be held to, and what checks it.
import { defineCoverage } from '../../core/document-coverage.ts';

const INTRO = 'Initiate card data retrieval';
const STEPS = 'Process description';
const PCI = 'PCI and security considerations';
const APP = 'Enfuce recommendations for end user app development';

export const enfuceCoverage = defineCoverage([
  {
    section: INTRO,
    quote: 'This means that the end user will get access to card number (PAN), expiry date and CVC2/CVV2.',
    checks: ['ENF-SNAPSHOT-CONTENT', 'ENF-FRAME-VIEW-PAN'],
  },
  {
    section: INTRO,
    quote: 'This operation will generate an access token used to view the card data',
    checks: ['ENF-TOKEN-201', 'ENF-TOKEN-UNIQUE'],
  },
  {
    section: INTRO,
    quote: 'Supporting the possibility to copy the card data to the devices clipboard should be examined with caution.',
    untestable: 'advice to the app team on a feature of its own making; no answer of the service shows it',
  },
  {
    section: `${STEPS}, step 2`,
    quote: 'The request will fail if cardId is not valid.',
    checks: ['ENF-UNKNOWN-CARD-404'],
  },
  {
    section: `${STEPS}, step 2`,
    quote:
      'Besides cardId, no additional validation is done. This means that Enfuce will not validate open-to-buy, card status or usage limiters of the card when responding to request.',
    checks: ['ENF-NO-STATUS-CHECK'],
  },
  {
    section: `${STEPS}, step 3`,
    quote: 'The successful response from this endpoint returns a token and two URLs',
    checks: ['ENF-TOKEN-201'],
  },
  {
    section: `${STEPS}, step 3`,
    quote:
      'Note the token is valid for 30 seconds which is the deadline for the end user device to make the POST call to retrieve the HTML snapshot',
    checks: ['ENF-TOKEN-TTL-30S', 'ENF-CLIENT-TOKEN-ON-REVEAL'],
  },
  {
    section: `${STEPS}, step 4`,
    quote: 'The end users device is instructed to access the returned URL to view the card data',
    checks: ['ENF-CLIENT-RETURNED-URL', 'ENF-TOKEN-201'],
  },
  {
    section: `${STEPS}, step 4 (mobile app)`,
    quote:
      'Mobile app retrieves the HTML snapshot with card data by executing a POST call to the cardDataUrl with the content of the token in a form field named token.',
    checks: ['ENF-MOBILE-FORM-POST', 'ENF-CLIENT-MOBILE-POST'],
  },
  {
    section: `${STEPS}, step 4 (desktop browser)`,
    quote:
      'Desktop browser opens iframe to cardDataFrameUrl with query parameter _key_. Key needs to agreed with Enfuce beforehand.',
    checks: ['ENF-FRAME-KEY', 'ENF-CLIENT-FRAME'],
  },
  {
    section: `${STEPS}, step 4 (desktop browser)`,
    quote:
      'After that is loaded, parent page makes window.postMessage() call to the iframe. Posted message object contains field _operation_ with value _view-pan_ and field _token_.',
    checks: ['ENF-FRAME-VIEW-PAN', 'ENF-FRAME-MESSAGE-SHAPE', 'ENF-FRAME-ORIGIN-CHECK', 'ENF-CLIENT-FRAME'],
  },
  {
    section: `${STEPS}, step 4 (desktop browser)`,
    quote: "iframe.contentWindow.postMessage({operation: 'view-pan', token}, cardDataFrameUrl);",
    checks: ['ENF-CLIENT-TARGET-ORIGIN', 'ENF-FRAME-VIEW-PAN'],
  },
  {
    section: `${STEPS}, step 6`,
    quote: 'Enfuce responds with a HTML snapshot containing the card data.',
    checks: ['ENF-SNAPSHOT-CONTENT', 'ENF-FRAME-VIEW-PAN'],
  },
  {
    section: `${STEPS}, step 6`,
    quote: 'The request will fail if the token is not valid.',
    checks: ['ENF-INVALID-TOKEN-REFUSED', 'ENF-TOKEN-SINGLE-USE', 'ENF-TOKEN-TTL-30S'],
  },
  {
    section: `${STEPS}, step 7`,
    quote: 'End user sees card data on device and can utilise it to make a purchase.',
    untestable: 'a purchase happens outside this API',
  },
  {
    section: PCI,
    quote: 'The service is designed to avoid exposure of sensitive, PCI categorised data to the web/app back-end',
    checks: ['ENF-NO-CARD-DATA-IN-TOKEN-RESPONSE'],
  },
  {
    section: PCI,
    quote: 'therefore the card data is sent directly from the service endpoint to the end users device.',
    checks: ['ENF-NO-CLEAR-CARD-DATA', 'ENF-FRAME-VIEW-PAN'],
  },
  {
    section: PCI,
    quote: 'The functionality is developed, assessed, and certified for PCI DSS.',
    untestable: 'a certification, shown by an assessor, not by an answer',
  },
  { section: PCI, quote: 'Card data remains encrypted in transport.', checks: ['ENF-ENCRYPTED-TRANSPORT'] },
  {
    section: PCI,
    quote: 'No card data is stored in the process.',
    checks: ['ENF-CLIENT-NO-TRACE', 'ENF-NO-STORE'],
  },
  { section: PCI, quote: 'The software is code reviewed.', untestable: 'a practice of the provider, not an answer' },
  {
    section: PCI,
    quote: 'The publicly exposed endpoint is protected by a web application firewall.',
    untestable: 'a firewall is invisible to a correct request, and a test that attacks it would attack the target',
  },
  {
    section: PCI,
    quote: 'the content is rendered inside browser widget (Webview or Iframe).',
    checks: ['ENF-FRAME-VIEW-PAN', 'ENF-FRAME-ANCESTORS'],
  },
  {
    section: APP,
    quote:
      'The app and the related back-end should ensure that the user is strongly authenticated (SCA) before being able to view the card data.',
    untestable: 'the SCA is between the app and its own back-end, before any call this API sees',
  },
  {
    section: APP,
    quote:
      'it is recommended that there is a timeout of 1 minute until the card holder data view is automatically closed for the user.',
    checks: ['ENF-CLIENT-CLOSES-VIEW'],
  },
  {
    section: APP,
    quote:
      'The app developers need to take necessary precautions to stop other apps or processes to access or interact with the card data view.',
    untestable:
      "the operating system's protection of a view (a secure flag, an overlay check) shows in no HTTP exchange",
  },
  {
    section: APP,
    quote:
      'The app developers need to ensure that the communication between the app and the related back-end is done in an authenticated and encrypted session.',
    untestable: 'the app talks to its own back-end there, not to this API',
  },
  {
    section: 'Query Parameters',
    quote: 'auditUser string required The audit user to log the request',
    checks: ['ENF-AUDIT-USER-REQUIRED'],
  },
  {
    section: 'Response',
    quote: '201 - application/json token string required The control token.',
    checks: ['ENF-TOKEN-201'],
  },
  {
    section: INTRO,
    quote: 'This will enable the end user make e-commerce transactions without needing access to a plastic card.',
    untestable: 'the purpose of the endpoint, not a behaviour',
  },
  {
    section: INTRO,
    quote: 'the potential increased risk of such a feature should be considered.',
    untestable: 'advice to the app team on a feature of its own making; no answer of the service shows it',
  },
  {
    section: `${STEPS}, step 2`,
    quote:
      'In order to validate if a purchase can be done with card data in question, separate API calls should be done to retrieve real time status of card and it´s balance.',
    checks: ['ENF-NO-STATUS-CHECK'],
  },
  {
    section: APP,
    quote:
      'It is recommended, that each view is preceded by an SCA event, and this should be done for every view event.',
    untestable: 'the SCA is between the app and its own back-end, before any call this API sees',
  },
  {
    section: 'Path Parameters',
    quote: "cardId string required The id of the card's data requested",
    checks: ['ENF-UNKNOWN-CARD-404'],
  },
]);

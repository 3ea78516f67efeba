// Every sentence of Cardinal's document a service or an app could be held to, and what checks it.
import { defineCoverage } from '../../core/document-coverage.ts';

const REQ = 'GetInfo Request Fields for FIDO';
const PAYLOAD = 'Payload Details (request)';
const RES = 'GetInfo Response Fields for FIDO';
const ACCOUNT = 'Account Object';
const FLOW = 'FlowType Responses';

export const cardinalCoverage = defineCoverage([
  {
    section: 'Checking for FIDO Enrollment',
    quote:
      'the DX API’s GetInfo endpoint is leveraged to determine the FIDO enrollment status of a Device/PAN combination, as well as what authentication programs are supported by the PAN’s ACS.',
    checks: ['CDX-FLOWTYPE', 'CDX-ISSUER-VERSIONS'],
  },
  {
    section: REQ,
    quote: 'Signature A mathematical scheme for verifying the authenticity of digital messages or documents.',
    checks: ['CDX-SIGNATURE', 'CDX-CLIENT-SIGNED'],
  },
  {
    section: REQ,
    quote:
      'Timestamp This value can be a standard date/time format or, Java Epoch time in milliseconds Example:"2017-07-21T17:32:28Z" or, 1626113191 Y',
    checks: ['CDX-TIMESTAMP'],
  },
  { section: REQ, quote: 'Identifier API Key Identifier or Name value Y', checks: ['CDX-IDENTIFIER'] },
  {
    section: REQ,
    quote:
      'Algorithm The hashing algorithm used to generate the Signature value. Valid options include: • SHA-256 • SHA-512 Y',
    checks: ['CDX-ALGORITHMS', 'CDX-SIGNATURE'],
  },
  {
    section: REQ,
    quote: 'TransactionId A unique alphanumeric identifier.',
    // That a service refuses a reused one, the document does not say: "unique" is the caller's duty.
    checks: ['CDX-CLIENT-TRANSACTION-ID', 'CDX-TRANSACTION-ID'],
  },
  {
    section: REQ,
    quote: 'Will be echoed back in the response in Payload.RequestId 5-55 characters in length Y',
    checks: ['CDX-TRANSACTION-ID'],
  },
  { section: REQ, quote: 'OrgUnitId Merchant level OrgUnitId Y', checks: ['CDX-ORG-UNIT'] },
  {
    section: REQ,
    quote: 'FIDO calls will have two extra pieces of information as well: an email address, and a fidoSetupPayload.',
    checks: ['CDX-REQUIRED-FIELDS'],
  },
  {
    section: PAYLOAD,
    quote: 'AccountNumber This will either be the full PAN or full network token of the card for the transaction',
    checks: ['CDX-ACCOUNT-NUMBER'],
  },
  {
    section: PAYLOAD,
    quote:
      'CardType Type of card used in the transaction Possible Values: CB - Cartes Bancaires UPI - UnionPay International ITMX - National ITMX For all other brands, CardType should not be sent',
    checks: ['CDX-CARD-TYPE', 'CDX-CARD-BRAND'],
  },
  {
    section: PAYLOAD,
    quote: 'The DX API is a general purpose API and has uses outside FIDO.',
    checks: ['CDX-REQUIRED-FIELDS'],
  },
  {
    section: PAYLOAD,
    quote: 'Email Email address of the cardholder Y',
    checks: ['CDX-REQUIRED-FIELDS', 'CDX-FLOWTYPE'],
  },
  {
    section: PAYLOAD,
    quote: 'This field will only be passed back if the device is detected as FIDO compatible',
    untestable: 'the device detection happens in CardinalFido.Setup() on the device, before this API',
  },
  {
    section: RES,
    quote: 'RequestId A request identifier returned back from Cardinal String Y',
    checks: ['CDX-RESPONSE'],
  },
  {
    section: RES,
    quote:
      'ErrorNumber Application error number; a non-zero value represents the error encountered while attempting the process the message request.',
    checks: ['CDX-ERROR-SHAPE', 'CDX-CLIENT-ERROR-NUMBER'],
  },
  { section: RES, quote: '0 : Success', checks: ['CDX-RESPONSE'] },
  { section: RES, quote: '2000 : AccountNumber is not valid', checks: ['CDX-ACCOUNT-NUMBER'] },
  { section: RES, quote: '1000 : An error has occurred in the Service', checks: ['CDX-ERROR-SHAPE'] },
  {
    section: RES,
    quote: 'The card issuer must support Delegated Authentication',
    checks: ['CDX-FIDO-CONDITIONS'],
  },
  {
    section: RES,
    quote: 'Both the acquirer and the issuer must be in a region supported by Cardinal FIDO',
    checks: ['CDX-FIDO-CONDITIONS'],
  },
  {
    section: 'Payload Details (response)',
    quote: 'ReferenceId This identifier represents the Device Data Collection session that has been started',
    checks: ['CDX-RESPONSE'],
  },
  {
    section: 'Payload Details (response)',
    quote: 'When fidoSetupPayload is sent in the request, this will contain an additional sub-object, “Fido”',
    checks: ['CDX-FIDO-CONDITIONS', 'CDX-REQUIRED-FIELDS'],
  },
  {
    section: 'Payload Details (response)',
    quote: 'RequestId Echoes the TransactionId on the DX GetInfo request',
    checks: ['CDX-TRANSACTION-ID'],
  },
  {
    section: 'Issuer Object',
    quote: 'SupportedVersions.Version Specifies all active 3DS protocol versions supported by the Issuer ACS',
    checks: ['CDX-ISSUER-VERSIONS'],
  },
  {
    section: 'Issuer Object',
    quote:
      'SupportedVersions.MethodURLPresent Indicates whether there is a 3DS Method associated with the Issuer Range',
    checks: ['CDX-ISSUER-VERSIONS'],
  },
  {
    section: ACCOUNT,
    quote:
      'LastFour Echoes the last four numbers of the AccountNumber field passed on the Data Exchange API request payload',
    checks: ['CDX-LAST-FOUR', 'CDX-CLIENT-READS-ANSWER'],
  },
  {
    section: ACCOUNT,
    quote: 'CardBrand Type of card used for the purchase.',
    checks: ['CDX-CARD-BRAND', 'CDX-CLIENT-READS-ANSWER'],
  },
  {
    section: ACCOUNT,
    quote: 'Cardinal FIDO authentication is currently only supported on Visa cards.',
    checks: ['CDX-FIDO-CONDITIONS'],
  },
  {
    section: ACCOUNT,
    quote: 'Fido.FlowType Indicates what type of flow the cardholder should be moved through.',
    checks: ['CDX-FLOWTYPE', 'CDX-CLIENT-READS-ANSWER'],
  },
  {
    section: FLOW,
    quote: 'In checking for FIDO enrollment, the cardholder email is used as the base identifier in a transaction.',
    checks: ['CDX-FLOWTYPE'],
  },
  {
    section: FLOW,
    quote:
      'If a cardholder’s email has not previously been registered, the ENROLLMENT response will be given and a new enrollment will be required.',
    checks: ['CDX-FLOWTYPE'],
  },
  {
    section: FLOW,
    quote: 'However, if the cardholder’s email has been previously enrolled, both the device and PAN can change.',
    checks: ['CDX-FLOWTYPE'],
  },
  {
    section: FLOW,
    quote: 'TRANSACTION Transact EMAIL: Enrolled DEVICE: Enrolled PAN: Enrolled',
    checks: ['CDX-FLOWTYPE'],
  },
  { section: FLOW, quote: 'ADD_NEW_DEVICE Enroll EMAIL: Enrolled DEVICE: New PAN: Enrolled', checks: ['CDX-FLOWTYPE'] },
  { section: FLOW, quote: 'ADD_PAN Enroll EMAIL: Enrolled DEVICE: Enrolled PAN: New', checks: ['CDX-FLOWTYPE'] },
  {
    section: FLOW,
    quote: 'ADD_NEW_DEVICE_AND_PAN Enroll EMAIL: Enrolled DEVICE: New PAN: New',
    checks: ['CDX-FLOWTYPE'],
  },
  {
    section: FLOW,
    quote:
      'Cardholder will need to be taken through an SCA transaction, then should be given a prompt to enroll in FIDO.',
    untestable: "the SCA and the prompt belong to the merchant's flow after this API answered",
  },
  {
    section: 'DX API GetInfo Endpoint',
    quote:
      'A POST to this endpoint will consist of identifying information and a payload containing both account information as well as a special FidoSetupPayload specifying additional information needed to determine FIDO status.',
    checks: ['CDX-REQUIRED-FIELDS'],
  },
  {
    section: PAYLOAD,
    quote: 'Visa is currently the only network to have adopted FIDO.',
    checks: ['CDX-FIDO-CONDITIONS'],
  },
  {
    section: PAYLOAD,
    quote: 'When these networks begin using FIDO, these CardType values will need to be sent.',
    untestable: 'a change the document announces for later',
  },
  {
    section: RES,
    quote: 'Note that the FIDO object is only returned if several conditions are met.',
    checks: ['CDX-FIDO-CONDITIONS'],
  },
  {
    section: 'Issuer Object',
    quote:
      'If the MethodUrlPresent flag returns ‘false’, you can elect to skip Device Data Collection and proceed with the Lookup Request call',
    untestable: "the merchant's choice on other APIs (Device Data Collection, Lookup), after this one answered",
  },
  {
    section: ACCOUNT,
    quote: 'In order for FIDO to move forward, the following must be true:',
    checks: ['CDX-FIDO-CONDITIONS'],
  },
  {
    section: FLOW,
    quote: 'The response returned will determine whether the you will need to invoke the Enroll or Transact endpoints.',
    checks: ['CDX-FLOWTYPE', 'CDX-CLIENT-READS-ANSWER'],
  },
  {
    section: FLOW,
    quote:
      'While only one response will result in the Transaction flow, several will result in being moved through the Enrollment flow',
    checks: ['CDX-FLOWTYPE'],
  },
  {
    section: FLOW,
    quote:
      'No further enrollment action is required, and they can be moved to a FIDO transaction using the Transact endpoint.',
    checks: ['CDX-FLOWTYPE'],
  },
  {
    section: FLOW,
    quote: 'If they accept, the Enroll endpoint should be invoked and they will be moved into the',
    untestable: 'the Enroll endpoint is another API, invoked after this one answered',
  },
  {
    section: FLOW,
    quote: 'Cardholder has previously been through the enrollment flow and their email has been registered',
    checks: ['CDX-FLOWTYPE'],
  },
  { section: FLOW, quote: 'Both the PAN and the device will need to be registered.', checks: ['CDX-FLOWTYPE'] },
]);

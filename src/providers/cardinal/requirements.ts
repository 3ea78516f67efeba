import { defineRequirements } from '../../core/requirements.ts';
import { STANDARDS } from '../../core/standards.ts';

const GET_INFO = 'POST /V1/AccountNumber/GetInfo';

export const cardinalRequirements = defineRequirements({
  'CDX-SIGNATURE': {
    endpoint: GET_INFO,
    section: 'GetInfo Request Fields for FIDO: Signature',
    text: 'Signature = Base64(digest(Timestamp + TransactionId + ApiKey)) with the digest named in Algorithm; a wrong signature is refused with ErrorNumber 1010. Required: a request without it is refused.',
    source: 'provider-docs',
    severity: 'blocker',
    options: ['signatureRecipe'],
  },
  'CDX-ALGORITHMS': {
    endpoint: GET_INFO,
    section: 'GetInfo Request Fields for FIDO: Algorithm',
    text: 'Algorithm: the hashing algorithm used to generate the Signature value. Valid options include SHA-256 and SHA-512. Required: a request without it is refused; the Signature is checked with the algorithm named (one the service does not know, "SHA-1" over a SHA-256 digest, is refused).',
    source: 'document',
    quotes: [
      'Algorithm The hashing algorithm used to generate the Signature value. Valid options include: • SHA-256 • SHA-512 Y',
    ],
    severity: 'critical',
  },
  'CDX-IDENTIFIER': {
    endpoint: GET_INFO,
    section: 'GetInfo Request Fields for FIDO: Identifier',
    text: 'Identifier: API Key Identifier or Name value; required: a request without it is refused (default: an unknown Identifier is refused with ErrorNumber 1010).',
    source: 'document',
    quotes: ['Identifier API Key Identifier or Name value Y'],
    severity: 'critical',
    options: ['unknownIdentifierErrorNumber'],
  },
  'CDX-TIMESTAMP': {
    endpoint: GET_INFO,
    section: 'GetInfo Request Fields for FIDO: Timestamp',
    text: 'Timestamp: a standard date/time format or Java Epoch time, hashed exactly as sent; required: a request without it is refused (default: an epoch Timestamp in seconds, as the example 1626113191; outside ±5 minutes the signature has expired, ErrorNumber 1011).',
    source: 'document',
    quotes: [
      'Timestamp This value can be a standard date/time format or, Java Epoch time in milliseconds Example:"2017-07-21T17:32:28Z" or, 1626113191 Y',
    ],
    severity: 'critical',
    options: ['freshnessWindowMs', 'epochTimestampUnit'],
    contradiction:
      'The field table says "Java Epoch time in milliseconds", its example "1626113191" is in seconds. The harness sends the example\'s seconds by default; a target that takes only milliseconds states epochTimestampUnit "milliseconds" (the variant epoch-milliseconds-only), and one that refuses seconds but takes milliseconds warns without it.',
  },
  'CDX-ORG-UNIT': {
    endpoint: GET_INFO,
    section: 'GetInfo Request Fields for FIDO: OrgUnitId',
    text: 'OrgUnitId: Merchant level OrgUnitId; required: a request without it is refused (default: one the service does not know is refused too; the document fixes no ErrorNumber for either, any non-zero one refuses).',
    source: 'document',
    quotes: ['OrgUnitId Merchant level OrgUnitId Y'],
    severity: 'critical',
    options: ['unknownOrgUnitIdRefused'],
  },
  'CDX-TRANSACTION-ID': {
    endpoint: GET_INFO,
    section: 'GetInfo Request Fields for FIDO: TransactionId',
    text: 'TransactionId: a unique alphanumeric identifier, 5-55 characters in length, echoed back in the response as RequestId.',
    source: 'document',
    quotes: [
      'TransactionId A unique alphanumeric identifier. Will be echoed back in the response in Payload.RequestId 5-55 characters in length Y',
      'RequestId Echoes the TransactionId on the DX GetInfo request',
    ],
    severity: 'critical',
  },
  'CDX-ACCOUNT-NUMBER': {
    endpoint: GET_INFO,
    section: 'Payload Details: AccountNumber; GetInfo Response Fields for FIDO: ErrorDescription',
    text: 'AccountNumber: the full PAN or network token; ErrorNumber 2000 "AccountNumber is not valid" (default: a Luhn failure or a length outside 13-19).',
    source: 'document',
    quotes: [
      'AccountNumber This will either be the full PAN or full network token of the card for the transaction',
      '2000 : AccountNumber is not valid',
    ],
    severity: 'critical',
  },
  'CDX-CARD-TYPE': {
    endpoint: GET_INFO,
    section: 'Payload Details: CardType',
    text: 'CardType possible values: CB, UPI, ITMX. For all other brands, CardType should not be sent (default: another value is refused).',
    source: 'document',
    quotes: [
      'CardType Type of card used in the transaction Possible Values: CB - Cartes Bancaires UPI - UnionPay International ITMX - National ITMX For all other brands, CardType should not be sent',
    ],
    severity: 'normal',
  },
  'CDX-REQUIRED-FIELDS': {
    endpoint: GET_INFO,
    section: 'Payload Details: Email, FidoSetupPayload; Account Object',
    text: 'A FIDO call carries Email and FidoSetupPayload (both required in the FIDO Payload); a GetInfo without FidoSetupPayload is a call outside FIDO ("The DX API is a general purpose API and has uses outside FIDO") and is answered, without the Fido sub-object ("When fidoSetupPayload is sent in the request, this will contain an additional sub-object, Fido") (default: a FIDO call without a valid Email is refused with ErrorNumber 1000; the document lists only 0, 1000 and 2000).',
    source: 'document',
    quotes: [
      'Email Email address of the cardholder Y',
      'FidoSetupPayload This portion of the payload is a Base64 encoded string received as a response back to CardinalFido.Setup().',
      'The DX API is a general purpose API and has uses outside FIDO.',
      'When fidoSetupPayload is sent in the request, this will contain an additional sub-object, "Fido"',
    ],
    severity: 'normal',
    options: ['invalidRequestErrorNumber'],
  },
  'CDX-LAST-FOUR': {
    endpoint: GET_INFO,
    section: 'Account Object: LastFour',
    text: 'Account.LastFour echoes the last four numbers of the AccountNumber passed on the request.',
    source: 'document',
    quotes: [
      'LastFour Echoes the last four numbers of the AccountNumber field passed on the Data Exchange API request payload',
    ],
    severity: 'critical',
  },
  'CDX-CARD-BRAND': {
    endpoint: GET_INFO,
    section: 'Account Object: CardBrand',
    text: 'Account.CardBrand: Visa, Mastercard, Amex, CB, JCB, Discover, ELO, UPI, ITMX, EFTPOS; the document\'s sample sends CardType "CB" with the Visa PAN 4000090000000094 and answers CardBrand "Visa": CardType does not name the brand of a PAN of a known range (default: the brand from a BIN-range table; CardType names it only for a PAN of no known range).',
    source: 'document',
    quotes: [
      'CardBrand Type of card used for the purchase. Possible Values: • Visa • Mastercard • Amex • CB • JCB • Discover • ELO • UPI • ITMX • EFTPOS',
      '"AccountNumber": "4000090000000094", "CardType": "CB"',
      '"CardBrand": "Visa"',
    ],
    severity: 'normal',
  },
  'CDX-ISSUER-VERSIONS': {
    endpoint: GET_INFO,
    section: 'Issuer Object: SupportedVersions',
    text: 'Issuer.SupportedVersions: every active 3DS version of the issuer ACS, with Capabilities and MethodURLPresent.',
    source: 'document',
    quotes: [
      'SupportedVersions Encompasses Issuer information based on the PRes received from each card network',
      'SupportedVersions.Version Specifies all active 3DS protocol versions supported by the Issuer ACS',
      'SupportedVersions.MethodURLPresent Indicates whether there is a 3DS Method associated with the Issuer Range',
    ],
    severity: 'normal',
  },
  'CDX-FIDO-CONDITIONS': {
    endpoint: GET_INFO,
    section: 'Account Object: Fido',
    text: 'The Fido object is only returned when fidoSetupPayload is sent in the request, the card issuer supports Delegated Authentication, and both the acquirer and the issuer are in a region supported by Cardinal FIDO; "Cardinal FIDO authentication is currently only supported on Visa cards": a FIDO call for a card of another brand answers without it.',
    source: 'document',
    quotes: [
      'When fidoSetupPayload is sent in the request, this will contain an additional sub-object, "Fido"',
      'The card issuer must support Delegated Authentication',
      'Both the acquirer and the issuer must be in a region supported by Cardinal FIDO',
      'Cardinal FIDO authentication is currently only supported on Visa cards.',
    ],
    severity: 'blocker',
  },
  'CDX-FLOWTYPE': {
    endpoint: GET_INFO,
    section: 'Fido Object: FlowType',
    text: 'FlowType from the enrollment of (email, device, PAN): TRANSACTION (all enrolled), ENROLLMENT (email new), ADD_NEW_DEVICE, ADD_PAN, ADD_NEW_DEVICE_AND_PAN; "the cardholder email is used as the base identifier": a new email is ENROLLMENT even on a device and PAN enrolled under another.',
    source: 'document',
    quotes: [
      "In checking for FIDO enrollment, the cardholder email is used as the base identifier in a transaction. If a cardholder's email has not previously been registered, the ENROLLMENT response will be given and a new enrollment will be required.",
      'TRANSACTION Transact EMAIL: Enrolled DEVICE: Enrolled PAN: Enrolled',
      'ADD_NEW_DEVICE Enroll EMAIL: Enrolled DEVICE: New PAN: Enrolled',
      'ADD_PAN Enroll EMAIL: Enrolled DEVICE: Enrolled PAN: New',
      'ADD_NEW_DEVICE_AND_PAN Enroll EMAIL: Enrolled DEVICE: New PAN: New',
    ],
    severity: 'blocker',
  },
  'CDX-RESPONSE': {
    endpoint: GET_INFO,
    section: 'GetInfo Response Fields for FIDO; Payload Details',
    text: 'A successful response has ErrorNumber 0, ErrorDescription, RequestId and a Payload with ReferenceId, Issuer and Account; the ReferenceId "represents the Device Data Collection session that has been started": each call starts one, so two calls never share it.',
    source: 'document',
    quotes: [
      '0 : Success',
      'RequestId A request identifier returned back from Cardinal String Y',
      'ReferenceId This identifier represents the Device Data Collection session that has been started',
      'Issuer Contains information related to the Issuer Object Y',
    ],
    severity: 'critical',
  },
  'CDX-ERROR-SHAPE': {
    endpoint: GET_INFO,
    section: 'GetInfo Response Fields for FIDO: ErrorNumber, ErrorDescription',
    text: 'Errors travel in HTTP 200 with a non-zero ErrorNumber and its ErrorDescription, and RequestId ("Required: Y" in the response fields); ErrorNumber is typed String in the document and a number in its sample (either accepted, the one seen is reported). Bad input never gets a 5xx.',
    source: 'provider-docs',
    cites: [STANDARDS.httpServerError],
    severity: 'normal',
    options: ['errorNumberType'],
  },
  'CDX-NO-CLEAR-CARD-DATA': {
    endpoint: GET_INFO,
    text: 'Account.LastFour is all of the AccountNumber an answer carries; the full PAN stands in no answer (success or error; headers and body).',
    source: 'standard',
    cites: [STANDARDS.pciMaskedPan, STANDARDS.asvsMinimumData],
    severity: 'critical',
  },
});

export type CardinalRequirementId = keyof typeof cardinalRequirements;

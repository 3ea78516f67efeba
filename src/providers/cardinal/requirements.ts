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
    severity: 'critical',
  },
  'CDX-IDENTIFIER': {
    endpoint: GET_INFO,
    section: 'GetInfo Request Fields for FIDO: Identifier',
    text: 'Identifier: API Key Identifier or Name value; required: a request without it is refused (default: an unknown Identifier is refused with ErrorNumber 1010).',
    source: 'document',
    severity: 'critical',
    options: ['unknownIdentifierErrorNumber'],
  },
  'CDX-TIMESTAMP': {
    endpoint: GET_INFO,
    section: 'GetInfo Request Fields for FIDO: Timestamp',
    text: 'Timestamp: a standard date/time format or Java Epoch time, hashed exactly as sent; required: a request without it is refused (default: an epoch Timestamp in seconds, as the example 1626113191; outside ±5 minutes the signature has expired, ErrorNumber 1011).',
    source: 'document',
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
    severity: 'critical',
    options: ['unknownOrgUnitIdRefused'],
  },
  'CDX-TRANSACTION-ID': {
    endpoint: GET_INFO,
    section: 'GetInfo Request Fields for FIDO: TransactionId',
    text: 'TransactionId: a unique alphanumeric identifier, 5-55 characters in length, echoed back in the response as RequestId.',
    source: 'document',
    severity: 'critical',
  },
  'CDX-ACCOUNT-NUMBER': {
    endpoint: GET_INFO,
    section: 'Payload Details: AccountNumber; GetInfo Response Fields for FIDO: ErrorDescription',
    text: 'AccountNumber: the full PAN or network token; ErrorNumber 2000 "AccountNumber is not valid" (default: a Luhn failure or a length outside 13-19).',
    source: 'document',
    severity: 'critical',
  },
  'CDX-CARD-TYPE': {
    endpoint: GET_INFO,
    section: 'Payload Details: CardType',
    text: 'CardType possible values: CB, UPI, ITMX. For all other brands, CardType should not be sent (default: another value is refused).',
    source: 'document',
    severity: 'normal',
  },
  'CDX-REQUIRED-FIELDS': {
    endpoint: GET_INFO,
    section: 'Payload Details: Email, FidoSetupPayload; Account Object',
    text: 'A FIDO call carries Email and FidoSetupPayload (both required in the FIDO Payload); a GetInfo without FidoSetupPayload is a call outside FIDO ("The DX API is a general purpose API and has uses outside FIDO") and is answered, without the Fido sub-object ("When fidoSetupPayload is sent in the request, this will contain an additional sub-object, Fido") (default: a FIDO call without a valid Email is refused with ErrorNumber 1000; the document lists only 0, 1000 and 2000).',
    source: 'document',
    severity: 'normal',
    options: ['invalidRequestErrorNumber'],
  },
  'CDX-LAST-FOUR': {
    endpoint: GET_INFO,
    section: 'Account Object: LastFour',
    text: 'Account.LastFour echoes the last four numbers of the AccountNumber passed on the request.',
    source: 'document',
    severity: 'critical',
  },
  'CDX-CARD-BRAND': {
    endpoint: GET_INFO,
    section: 'Account Object: CardBrand',
    text: 'Account.CardBrand: Visa, Mastercard, Amex, CB, JCB, Discover, ELO, UPI, ITMX, EFTPOS; the document\'s sample sends CardType "CB" with the Visa PAN 4000090000000094 and answers CardBrand "Visa": CardType does not name the brand of a PAN of a known range (default: the brand from a BIN-range table; CardType names it only for a PAN of no known range).',
    source: 'document',
    severity: 'normal',
  },
  'CDX-ISSUER-VERSIONS': {
    endpoint: GET_INFO,
    section: 'Issuer Object: SupportedVersions',
    text: 'Issuer.SupportedVersions: every active 3DS version of the issuer ACS, with Capabilities and MethodURLPresent.',
    source: 'document',
    severity: 'normal',
  },
  'CDX-FIDO-CONDITIONS': {
    endpoint: GET_INFO,
    section: 'Account Object: Fido',
    text: 'The Fido object is only returned when fidoSetupPayload is sent in the request, the card issuer supports Delegated Authentication, and both the acquirer and the issuer are in a region supported by Cardinal FIDO; "Cardinal FIDO authentication is currently only supported on Visa cards": a FIDO call for a card of another brand answers without it.',
    source: 'document',
    severity: 'blocker',
  },
  'CDX-FLOWTYPE': {
    endpoint: GET_INFO,
    section: 'Fido Object: FlowType',
    text: 'FlowType from the enrollment of (email, device, PAN): TRANSACTION (all enrolled), ENROLLMENT (email new), ADD_NEW_DEVICE, ADD_PAN, ADD_NEW_DEVICE_AND_PAN; "the cardholder email is used as the base identifier": a new email is ENROLLMENT even on a device and PAN enrolled under another.',
    source: 'document',
    severity: 'blocker',
  },
  'CDX-RESPONSE': {
    endpoint: GET_INFO,
    section: 'GetInfo Response Fields for FIDO; Payload Details',
    text: 'A successful response has ErrorNumber 0, ErrorDescription, RequestId and a Payload with ReferenceId, Issuer and Account; the ReferenceId "represents the Device Data Collection session that has been started": each call starts one, so two calls never share it.',
    source: 'document',
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

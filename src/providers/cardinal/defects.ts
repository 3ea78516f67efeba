import { defectOf, defineDefects } from '../../core/defects.ts';
import type { CardinalRequirementId } from './requirements.ts';

const d = defectOf<CardinalRequirementId>();

export const cardinalDefects = defineDefects([
  d('signature-not-checked', 'CDX-SIGNATURE', 'any Signature is accepted', ['CDX-ALGORITHMS']),
  d('unsigned-request-accepted', 'CDX-SIGNATURE', 'a request without Signature is answered'),
  d('algorithm-defaulted', 'CDX-ALGORITHMS', 'a request without Algorithm is checked as SHA-256'),
  d('unknown-algorithm-as-sha256', 'CDX-ALGORITHMS', 'an Algorithm it does not know ("SHA-1") is checked as SHA-256'),
  d('org-unit-id-not-required', 'CDX-ORG-UNIT', 'a request without OrgUnitId is answered'),
  {
    ...d('unknown-org-unit-accepted', 'CDX-ORG-UNIT', 'an OrgUnitId the service does not know is answered'),
    pinned: 'unknownOrgUnitIdRefused',
  },
  d('error-without-request-id', 'CDX-ERROR-SHAPE', 'an error answer has no RequestId'),
  d('reference-id-fixed', 'CDX-RESPONSE', 'every answer carries the same ReferenceId'),
  d(
    'enrollment-by-device',
    'CDX-FLOWTYPE',
    'a new email on a device enrolled under another email is no ENROLLMENT: the device, not the email, identifies the cardholder',
  ),
  d(
    'fido-any-brand',
    'CDX-FIDO-CONDITIONS',
    'a FIDO call for a Mastercard of a FIDO issuer answers with the Fido object',
  ),
  d('sha512-checked-as-sha256', 'CDX-ALGORITHMS', 'a SHA-512 signature is checked as SHA-256'),
  d('request-id-not-echoed', 'CDX-TRANSACTION-ID', 'RequestId is a new id instead of the TransactionId'),
  d(
    'add-pan-for-new-device',
    'CDX-FLOWTYPE',
    'a new device with an enrolled PAN gets ADD_PAN instead of ADD_NEW_DEVICE',
  ),
  d(
    'fido-without-delegated-auth',
    'CDX-FIDO-CONDITIONS',
    'the Fido object comes back for an issuer without Delegated Authentication',
  ),
  d('fido-outside-region', 'CDX-FIDO-CONDITIONS', 'the Fido object comes back when the acquirer region is not served'),
  d('luhn-not-checked', 'CDX-ACCOUNT-NUMBER', 'a Luhn-invalid AccountNumber is answered'),
  d('last-four-wrong', 'CDX-LAST-FOUR', 'LastFour is the first four digits'),
  d('account-number-echoed', 'CDX-NO-CLEAR-CARD-DATA', 'Account carries the full AccountNumber beside LastFour'),
  d('stale-timestamp-accepted', 'CDX-TIMESTAMP', 'a Timestamp of an hour ago is accepted'),
  d('card-type-any', 'CDX-CARD-TYPE', 'CardType "VISA" is accepted'),
  d('transaction-id-length-unchecked', 'CDX-TRANSACTION-ID', 'a 4- or 56-character TransactionId is accepted'),
  d('mastercard-2-series-unknown', 'CDX-CARD-BRAND', 'a 2-series Mastercard BIN is reported as Visa'),
  d('email-not-required', 'CDX-REQUIRED-FIELDS', 'a FIDO call (FidoSetupPayload sent) without Email is answered'),
  d(
    'setup-payload-required',
    'CDX-REQUIRED-FIELDS',
    'a GetInfo without FidoSetupPayload (a call outside FIDO) is refused with 1000',
  ),
  d(
    'fido-without-setup-payload',
    'CDX-FIDO-CONDITIONS',
    'the Fido object comes back to a GetInfo that sent no FidoSetupPayload',
  ),
  d(
    'card-type-decides-brand',
    'CDX-CARD-BRAND',
    "CardType names the brand: CardType CB with a Visa PAN answers CB (the document's sample answers Visa)",
  ),
  d('errors-as-http-400', 'CDX-ERROR-SHAPE', 'errors are sent with HTTP 400 instead of 200'),
  d('unknown-identifier-accepted', 'CDX-IDENTIFIER', 'an unknown Identifier is checked with the first API key'),
  d('epoch-timestamp-refused', 'CDX-TIMESTAMP', 'a Timestamp in epoch milliseconds is refused'),
  d('issuer-versions-empty', 'CDX-ISSUER-VERSIONS', 'Issuer.SupportedVersions is empty for every issuer'),
  d('reference-id-missing', 'CDX-RESPONSE', 'the Payload has no ReferenceId'),
] as const);

export type CardinalDefectName = (typeof cardinalDefects)[number]['name'];

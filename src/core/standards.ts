// The clauses of named standards the requirements rest on, each quoted once. A rule a standard
// decides has source `standard` and fails like a document rule; only a risk the profile accepts by
// name, with a reason, passes it (src/core/accepted-risks.ts).
import type { Citation } from './requirements.ts';

const ASVS = 'https://github.com/OWASP/ASVS/blob/v5.0.0_release/5.0/en';

export const STANDARDS = {
  asvsFrameAncestors: {
    clause: 'OWASP ASVS 5.0.0 V3.4.6',
    quote:
      'Verify that the web application uses the frame-ancestors directive of the Content-Security-Policy header field for every HTTP response to ensure that it cannot be embedded by default and that embedding of specific resources is allowed only when necessary.',
    url: `${ASVS}/0x12-V3-Web-Frontend-Security.md`,
  },
  asvsPostMessage: {
    clause: 'OWASP ASVS 5.0.0 V3.5.5',
    quote:
      'Verify that messages received by the postMessage interface are discarded if the origin of the message is not trusted, or if the syntax of the message is invalid.',
    url: `${ASVS}/0x12-V3-Web-Frontend-Security.md`,
  },
  asvsNoStore: {
    clause: 'OWASP ASVS 5.0.0 V14.3.2',
    quote:
      'Verify that the application sets sufficient anti-caching HTTP response header fields (i.e., Cache-Control: no-store) so that sensitive data is not cached in browsers.',
    url: `${ASVS}/0x23-V14-Data-Protection.md`,
  },
  asvsMinimumData: {
    clause: 'OWASP ASVS 5.0.0 V14.2.6',
    quote:
      "Verify that the application only returns the minimum required sensitive data for the application's functionality. For example, only returning some of the digits of a credit card number and not the full number.",
    url: `${ASVS}/0x23-V14-Data-Protection.md`,
  },
  asvsUnguessable: {
    clause: 'OWASP ASVS 5.0.0 V11.5.1',
    quote:
      'Verify that all random numbers and strings which are intended to be non-guessable must be generated using a cryptographically secure pseudo-random number generator (CSPRNG) and have at least 128 bits of entropy.',
    url: `${ASVS}/0x20-V11-Cryptography.md`,
  },
  asvsSingleUse: {
    clause: 'OWASP ASVS 5.0.0 V6.5.1',
    quote:
      'Verify that lookup secrets, out-of-band authentication requests or codes, and time-based one-time passwords (TOTPs) are only successfully usable once.',
    url: `${ASVS}/0x15-V6-Authentication.md`,
  },
  htmlPostMessageTarget: {
    clause: 'HTML Living Standard §9.3.2 (posting messages), authors',
    quote:
      'Authors should not use the wildcard keyword (*) in the targetOrigin argument in messages that contain any confidential information, as otherwise there is no way to guarantee that the message is only delivered to the recipient to which it was intended.',
    url: 'https://html.spec.whatwg.org/multipage/web-messaging.html#posting-messages',
  },
  pciMaskedPan: {
    clause: 'PCI DSS 4.0.1 Requirement 3.4.1',
    quote:
      'PAN is masked when displayed (the BIN and last four digits are the maximum number of digits to be displayed), such that only personnel with a legitimate business need can see more than the BIN and last four digits of the PAN.',
    url: 'https://www.pcisecuritystandards.org/document_library/',
  },
  gcmIvUniqueness: {
    clause: 'NIST SP 800-38D §8 (uniqueness requirement on IVs and keys)',
    quote:
      'The probability that the authenticated encryption function ever will be invoked with the same IV and the same key on two (or more) distinct sets of input data shall be no greater than 2^-32.',
    url: 'https://nvlpubs.nist.gov/nistpubs/Legacy/SP/nistspecialpublication800-38d.pdf',
  },
  gcmAuthenticatedDecryption: {
    clause: 'NIST SP 800-38D §7.2 (authenticated decryption function), step 7',
    quote: 'If T = T′, then return P; else return FAIL.',
    url: 'https://nvlpubs.nist.gov/nistpubs/Legacy/SP/nistspecialpublication800-38d.pdf',
  },
  ecPublicKeyValidation: {
    clause: 'SEC 1 v2.0 §3.2.2.1 (Elliptic Curve Public Key Validation Primitive), step 1',
    quote: 'Check that Q ≠ O.',
    url: 'https://www.secg.org/sec1-v2.pdf',
  },
  ecdhSharedSecret: {
    // SP 800-56A Rev. 3 §5.7.1.2 (ECC CDH) takes the same x-coordinate; its words are not quoted here.
    clause: 'SEC 1 v2.0 §3.3.1 (Elliptic Curve Diffie-Hellman Primitive)',
    quote: 'Output z = x_P as the shared secret field element.',
    url: 'https://www.secg.org/sec1-v2.pdf',
  },
  rsaKeySize: {
    clause: 'RFC 7518 §4.2 and §4.3',
    quote:
      'A key of size 2048 bits or larger MUST be used with these algorithms. (This requirement is based on Table 4 (Security-strength time frames) of NIST SP 800-57 [NIST.800-57], which requires 112 bits of security for new uses, and Table 2 (Comparable strengths) of the same, which states that 2048-bit RSA keys provide 112 bits of security.)',
    url: 'https://www.rfc-editor.org/rfc/rfc7518#section-4.3',
  },
  jwtAlgorithmAllowList: {
    clause: 'RFC 8725 §3.1 (Perform Algorithm Verification)',
    quote:
      'Libraries MUST enable the caller to specify a supported set of algorithms and MUST NOT use any other algorithms when performing cryptographic operations.',
    url: 'https://www.rfc-editor.org/rfc/rfc8725#section-3.1',
  },
  joseCrit: {
    clause: 'RFC 7515 §4.1.11 (crit), as RFC 7516 §4.1.13 applies it to JWE',
    quote:
      'If any of the listed extension Header Parameters are not understood and supported by the recipient, then the JWS is invalid.',
    url: 'https://www.rfc-editor.org/rfc/rfc7515#section-4.1.11',
  },
  jweHeader: {
    clause: 'RFC 7516 §4.1.1 and §4.1.2',
    quote:
      'The "alg" (algorithm) Header Parameter identifies the cryptographic algorithm used to encrypt or determine the value of the CEK. The "enc" (encryption algorithm) Header Parameter identifies the content encryption algorithm used to perform authenticated encryption on the plaintext to produce the ciphertext and the Authentication Tag.',
    url: 'https://www.rfc-editor.org/rfc/rfc7516#section-4.1.1',
  },
  httpServerError: {
    clause: 'RFC 9110 §15.5 and §15.6',
    quote:
      'The 4xx (Client Error) class of status code indicates that the client seems to have erred. The 5xx (Server Error) class of status code indicates that the server is aware that it has erred or is incapable of performing the requested method.',
    url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.6',
  },
} as const satisfies Record<string, Citation>;

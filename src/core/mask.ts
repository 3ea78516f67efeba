// Card data must never reach a log, a report or an error message of the harness.
// Everything that may carry text from a target goes through a Redactor first.

/** Request headers that carry a credential: their values are never shown (attachments, curl commands). */
export const SECRET_HEADERS = ['authorization', 'cookie', 'sessionid', 'x-api-key'] as const;

export const isSecretHeader = (name: string): boolean =>
  (SECRET_HEADERS as readonly string[]).includes(name.toLowerCase());

/** Last four digits only, the form PCI DSS allows to be shown. */
export function maskPan(pan: string): string {
  const digits = pan.replace(/\D/g, '');
  return digits.length <= 4 ? '****' : `****${digits.slice(-4)}`;
}

export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * 13 to 19 digits, possibly grouped by single spaces or dashes, as PANs are written; or a UUID.
 * UUIDs are matched first so that their dash-separated digit groups
 * (a random UUID holds a Luhn-valid 13-digit run now and then) are never taken for a card number.
 */
const UUID_OR_PAN_LIKE =
  /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|(?<![\d])\d(?:[ -]?\d){12,18}(?![\d])/g;
const isUuid = (s: string) => s.length === 36 && /^[0-9a-fA-F-]+$/.test(s) && s[8] === '-';

/**
 * A run glued to letters is part of a word (a hex or base64 id, a token), not a number as a card
 * number is written: a 32-hex request id holds a Luhn-valid run of 13+ digits about once in 250.
 * Known PANs are looked for anywhere by the checks that know them; the redactor masks every run.
 */
const PART_OF_WORD = /^[0-9A-Za-z]$/;

/** The Luhn-valid PAN-like numbers in a text, digits only, that stand as numbers (not inside a word). */
export function panLikeNumbers(text: string): string[] {
  return [...text.matchAll(UUID_OR_PAN_LIKE)]
    .filter((m) => !PART_OF_WORD.test(text[m.index - 1] ?? '') && !PART_OF_WORD.test(text[m.index + m[0].length] ?? ''))
    .map((m) => m[0])
    .filter((r) => !isUuid(r))
    .map((r) => r.replace(/\D/g, ''))
    .filter(luhnValid);
}

export interface CardSecrets {
  pan?: string | undefined;
  cvv?: string | undefined;
  pin?: string | undefined;
}

/**
 * Replaces known card secrets and anything that looks like a PAN (Luhn-valid run of 13-19 digits)
 * with a masked form. Short secrets (CVV, PIN) are replaced only as whole digit runs, so that a
 * port number or a timestamp that happens to contain them stays readable.
 */
export class Redactor {
  private readonly shortSecrets = new Set<string>();
  private readonly pans = new Set<string>();

  constructor(cards: Iterable<CardSecrets> = []) {
    for (const card of cards) this.add(card);
  }

  add(card: CardSecrets): this {
    if (card.pan) this.pans.add(card.pan.replace(/\D/g, ''));
    for (const s of [card.cvv, card.pin]) if (s && /^\d{3,12}$/.test(s)) this.shortSecrets.add(s);
    return this;
  }

  redact(text: string): string {
    let out = text.replace(UUID_OR_PAN_LIKE, (run) => {
      if (isUuid(run)) return run;
      const digits = run.replace(/\D/g, '');
      return luhnValid(digits) || this.pans.has(digits) ? maskPan(digits) : run;
    });
    for (const pan of this.pans) out = out.split(pan).join(maskPan(pan));
    for (const s of this.shortSecrets) {
      out = out.replace(new RegExp(`(?<![\\d])${s}(?![\\d])`, 'g'), '*'.repeat(s.length));
    }
    return out;
  }
}

/** A redactor that knows no card yet: masks PAN-like numbers only. */
export const genericRedactor = new Redactor();

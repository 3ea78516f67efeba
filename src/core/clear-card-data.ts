// Card data in clear outside the envelope it must travel in. Every provider's document puts the
// card's secrets in one place (an encrypted member, a JWE, the card-data page); anywhere else in an
// answer (status line, headers, body, error bodies) they must not stand in clear.
//
// What counts, so that a correct answer is never flagged:
// - a known PAN (13-19 digits, unique enough to look for anywhere), grouped or not;
// - a member named like card data (pan, pin, cvv, cardNumber, …) holding a value shaped like it;
// - a known short secret (PIN, CVV, expiry) only as the value of such a member: alone, four digits
//   match too much (a lastFour, an amount, a year) to be a finding.
// Findings name where and what, never the value (a PAN is masked to its last four).

import type { HttpResponse } from './http.ts';
import { maskPan } from './mask.ts';

export interface KnownCard {
  pan?: string | undefined;
  cvv?: string | undefined;
  /** null: the card has no PIN. */
  pin?: string | null | undefined;
  /** MM/YY, or any form the target was told (compared as written). */
  expiry?: string | undefined;
}

/** The PANs among known cards, as the no-card-data checks of a page or frame take them. */
export const pansOf = (cards: readonly KnownCard[]): { pan: string }[] =>
  cards.flatMap((c) => (c.pan ? [{ pan: c.pan }] : []));

/** Where a provider's card data may travel in clear or sealed: top-level JSON members. */
export interface Envelope {
  members: readonly string[];
}

const norm = (name: string) => name.toLowerCase().replace(/[_-]/g, '');
// The shape a value must have under a card-data name to be a finding without a known value.
const NAMED: Record<string, RegExp> = {
  pan: /^\d{13,19}$/,
  cardnumber: /^\d{13,19}$/,
  accountnumber: /^\d{13,19}$/,
  primaryaccountnumber: /^\d{13,19}$/,
  pin: /^\d{4,12}$/,
  cardpin: /^\d{4,12}$/,
  cvv: /^\d{3,4}$/,
  cvv2: /^\d{3,4}$/,
  cvc: /^\d{3,4}$/,
  cvc2: /^\d{3,4}$/,
  securitycode: /^\d{3,4}$/,
};
const EXPIRY_NAMES = new Set(['expiry', 'expirydate', 'expirationdate', 'cardexpiry', 'exp', 'expiresat']);

function digitsOf(text: string): string {
  return text.replace(/(?<=\d)[ -](?=\d)/g, '');
}

function pansIn(text: string, cards: readonly KnownCard[]): string[] {
  const digits = digitsOf(text);
  return cards.flatMap((c) => (c.pan && new RegExp(`(?<!\\d)${c.pan}(?!\\d)`).test(digits) ? [c.pan] : []));
}

/** Findings in a JSON value, skipping the envelope's top-level members. */
export function clearCardData(body: unknown, envelope: Envelope, cards: readonly KnownCard[] = []): string[] {
  const found: string[] = [];
  const short = (what: 'pin' | 'cvv' | 'expiry') =>
    new Set(cards.map((c) => c[what]).filter((s): s is string => typeof s === 'string' && s.length > 0));
  const pins = short('pin');
  const cvvs = short('cvv');
  const expiries = short('expiry');
  const walk = (v: unknown, path: string) => {
    if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${path}[${i}]`));
    if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (path === '$' && envelope.members.includes(k)) continue;
        const at = `${path}.${k}`;
        if (typeof x === 'string' || typeof x === 'number') {
          const s = String(x).trim();
          const n = norm(k);
          if (NAMED[n]?.test(s.replace(/[ -]/g, '')))
            found.push(
              `a member ${at} holding ${n.includes('pin') ? 'a PIN' : n.startsWith('cv') || n === 'securitycode' ? 'a CVV' : `a PAN ${maskPan(s)}`} in clear`,
            );
          else if (pins.has(s) && /pin/.test(n)) found.push(`the PIN as the value of ${at}`);
          else if (cvvs.has(s) && /cv|security/.test(n)) found.push(`the CVV as the value of ${at}`);
          else if (expiries.has(s) && EXPIRY_NAMES.has(n)) found.push(`the card's expiry as the value of ${at}`);
        }
        walk(x, at);
      }
      return;
    }
    if (typeof v === 'string' || typeof v === 'number')
      for (const pan of pansIn(String(v), cards)) found.push(`the PAN ${maskPan(pan)} in ${path}`);
  };
  walk(body, '$');
  return [...new Set(found)];
}

/** Findings in a whole answer: headers, then the body (as JSON when it parses, else as text). */
export function clearCardDataInAnswer(res: HttpResponse, envelope: Envelope, cards: readonly KnownCard[]): string[] {
  const found: string[] = [];
  for (const [name, value] of Object.entries(res.headers))
    for (const pan of pansIn(value, cards)) found.push(`the PAN ${maskPan(pan)} in header ${name}`);
  let json: unknown;
  let parsed = false;
  if (res.body.trimStart().startsWith('{') || res.body.trimStart().startsWith('[')) {
    try {
      json = JSON.parse(res.body);
      parsed = true;
    } catch {
      parsed = false;
    }
  }
  if (parsed) found.push(...clearCardData(json, envelope, cards));
  else for (const pan of pansIn(res.body, cards)) found.push(`the PAN ${maskPan(pan)} in the body`);
  return found;
}

// Card data in clear beside the envelope it must travel in: a member named like card data, or a
// value equal to a known secret, anywhere in an answer outside the envelope's own members.

export interface KnownSecrets {
  pan?: string | undefined;
  pin?: string | null | undefined;
  cvv?: string | undefined;
}

const CARD_DATA_NAMES = /^(pan|pin|cvv2?|cvc2?|card_?number|account_?number|expiry|expiration_?date|expires_?at)$/i;

/** Where card data stands in clear in `body`, skipping the members named in `envelopes` (e.g. encryptedPayload). */
export function clearCardData(body: unknown, envelopes: readonly string[], secrets: KnownSecrets = {}): string[] {
  const found: string[] = [];
  const known = Object.entries(secrets).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].length >= 3);
  const walk = (v: unknown, path: string) => {
    if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${path}[${i}]`));
    if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (path === '$' && envelopes.includes(k)) continue;
        if (CARD_DATA_NAMES.test(k) && x !== null && x !== undefined && typeof x !== 'object') found.push(`a member ${path}.${k} in clear`);
        walk(x, `${path}.${k}`);
      }
      return;
    }
    if (typeof v === 'string' || typeof v === 'number') {
      for (const [what] of known.filter(([, s]) => String(v) === s)) found.push(`the ${what.toUpperCase()} as the value of ${path}`);
    }
  };
  walk(body, '$');
  return found;
}

// Free choices: every point where the documents and the standards leave the implementer a choice,
// listed per provider (src/providers/<id>/choices.ts). Each option is made by zero or more mock
// variants (src/core/variants.ts), and states what a vendor's profile would state for it. A draw
// picks one option of every choice from a seed: the reference mock is one draw among many, and a
// check that quietly relies on one of the mock's habits fails some draw (`variants --generated`).

export interface ChoiceOption<V extends string = string> {
  /** What the implementer chose, in a few words (printed with a draw). */
  value: string;
  /** The mock variants that make this option; none for the reference mock's own. */
  variants?: readonly V[];
  /** What the profile states for this option (only choices a profile option covers). */
  profile?: Readonly<Record<string, unknown>>;
  /**
   * Defects that are this option itself: planted in a draw that took it, they change nothing the
   * stated profile forbids (a header without kid, where the profile says no kid), so they are not planted.
   */
  absorbs?: readonly string[];
}

export interface FreeChoice<V extends string = string> {
  name: string;
  /** Where the documents and the standards leave it open. */
  why: string;
  /** The profile option that states the choice, where one exists; otherwise the choice is free and warns nothing. */
  profileOption?: string;
  /** The first option is the reference mock's. */
  options: readonly [ChoiceOption<V>, ChoiceOption<V>, ...ChoiceOption<V>[]];
}

/**
 * A status the documents leave open and a profile option states: the reference mock's, and one
 * other that a variant makes.
 */
export function statusChoice<V extends string>(
  name: string,
  why: string,
  profileOption: string,
  reference: number,
  other: { status: number; variant: V },
): FreeChoice<V> {
  return {
    name,
    why,
    profileOption,
    options: [
      { value: String(reference), profile: { [profileOption]: reference } },
      { value: String(other.status), variants: [other.variant], profile: { [profileOption]: other.status } },
    ],
  };
}

/** Choices of the HTTP layer every mock shares (mocks/core/server.ts). RFC 9110/9112 allow each option. */
export const httpChoices = [
  {
    name: 'framing',
    why: 'RFC 9112 §6: a body is framed by Content-Length or by chunked transfer coding',
    options: [{ value: 'Content-Length' }, { value: 'chunked', variants: ['chunked'] }],
  },
  {
    name: 'connection',
    why: 'RFC 9112 §9.3: a server may close the connection after any answer',
    options: [{ value: 'keep-alive' }, { value: 'Connection: close', variants: ['no-keep-alive'] }],
  },
  {
    name: 'header-case',
    why: 'RFC 9110 §5.1: field names are case-insensitive',
    options: [{ value: 'lower-case' }, { value: 'Title-Case', variants: ['header-case'] }],
  },
  {
    name: 'json-key-order',
    why: 'RFC 8259 §4: the names of a JSON object are unordered',
    options: [{ value: 'as written' }, { value: 'reversed', variants: ['json-keys-reversed'] }],
  },
  {
    name: 'json-charset',
    why: 'RFC 8259 §11: application/json has no charset parameter; one is tolerated',
    options: [
      { value: 'application/json; charset=utf-8' },
      { value: 'application/json', variants: ['json-no-charset'] },
    ],
  },
  {
    name: 'answer-time',
    why: 'no document sets an answer time; a sandbox across a network answers later than a loopback mock',
    options: [{ value: 'at once' }, { value: '40 ms later', variants: ['slow-answers'] }],
  },
] as const satisfies readonly FreeChoice[];

/**
 * A provider's list: the HTTP layer's and its own. Every variant of the mock is one option's (so
 * each hand-written variant is a named draw), and no option names a variant the mock lacks.
 */
export function defineChoices<V extends string, const T extends readonly FreeChoice<V>[]>(
  variants: readonly { name: V }[],
  list: T,
): readonly FreeChoice<V>[] {
  const all = [...httpChoices, ...list] as unknown as readonly FreeChoice<V>[];
  const names = new Set<string>();
  const owner = new Map<string, string>();
  for (const c of all) {
    if (names.has(c.name)) throw new Error(`free choice listed twice: ${c.name}`);
    names.add(c.name);
    if (c.options[0].variants?.length)
      throw new Error(`free choice ${c.name}: the first option is the reference mock's`);
    for (const o of c.options)
      for (const v of o.variants ?? []) {
        if (owner.has(v)) throw new Error(`variant ${v} is an option of both ${owner.get(v)} and ${c.name}`);
        owner.set(v, c.name);
      }
  }
  const known = new Set(variants.map((v) => v.name as string));
  for (const v of owner.keys()) if (!known.has(v)) throw new Error(`free choices name an unknown variant: ${v}`);
  for (const v of known) if (!owner.has(v)) throw new Error(`variant ${v} is no option of any free choice`);
  return all;
}

/** One implementation: an option of every free choice. */
export interface Draw {
  /** The seed it was drawn from, or its name: `reference`, or a hand-written variant's. */
  seed: string;
  /** The option taken, by choice name. */
  picks: Record<string, string>;
  /** The mock variants that make it. */
  variants: string[];
  /** The profile that states it: every choice a profile option covers. */
  profile: Record<string, unknown>;
  /** Defects the draw's options are (ChoiceOption.absorbs): not planted in it. */
  absorbs: string[];
}

/** FNV-1a of the text, then mulberry32: the same seed draws the same options in any Node. */
function random(seed: string): () => number {
  let h = 0x811c9dc5;
  for (const b of Buffer.from(seed, 'utf8')) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  let a = h;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function drawFrom(seed: string, choices: readonly FreeChoice[], pick: (c: FreeChoice) => ChoiceOption): Draw {
  const draw: Draw = { seed, picks: {}, variants: [], profile: {}, absorbs: [] };
  for (const c of choices) {
    const o = pick(c);
    draw.picks[c.name] = o.value;
    draw.variants.push(...(o.variants ?? []));
    draw.absorbs.push(...(o.absorbs ?? []));
    Object.assign(draw.profile, o.profile ?? {});
  }
  return draw;
}

export const REFERENCE_DRAW = 'reference';

/** What a seed may be: it names report folders and is typed on command lines. */
export const isSeed = (s: string): boolean => /^[\w.-]{1,64}$/.test(s);

/**
 * The draw a seed names: `reference` (the first option everywhere), a variant's name (the
 * reference with that variant's option), or any other text, a seed every choice is drawn from.
 */
export function drawOf(provider: { id: string; choices: readonly FreeChoice[] }, seed: string): Draw {
  const choices = provider.choices;
  if (seed === REFERENCE_DRAW) return drawFrom(seed, choices, (c) => c.options[0]);
  const named = choices.find((c) => c.options.some((o) => o.variants?.includes(seed)));
  if (named)
    return drawFrom(seed, choices, (c) =>
      c === named ? c.options.find((o) => o.variants?.includes(seed))! : c.options[0],
    );
  const next = random(`${provider.id}:${seed}`);
  return drawFrom(seed, choices, (c) => c.options[Math.floor(next() * c.options.length)]!);
}

/** `n` of `items`, drawn by `seed` (the same seed, the same share), in their own order. */
export function seededShare<T>(items: readonly T[], n: number, seed: string): T[] {
  if (n >= items.length) return [...items];
  const next = random(`share:${seed}`);
  const index = items.map((_, i) => i);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(next() * (index.length - i));
    [index[i], index[j]] = [index[j]!, index[i]!];
  }
  const kept = new Set(index.slice(0, n));
  return items.filter((_, i) => kept.has(i));
}

/** The seeds of `count` generated draws from one run seed: `<seed>.1`, `<seed>.2`, … */
export function generatedSeeds(seed: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${seed}.${i + 1}`);
}

/** A fresh run seed, printed so that the run can be replayed. */
export function freshSeed(): string {
  return Math.floor(Math.random() * 2 ** 32)
    .toString(36)
    .padStart(7, '0');
}

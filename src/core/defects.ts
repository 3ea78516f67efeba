// A defect makes a reference mock break one documented rule on purpose. The suite must fail
// against every defect: that is how the harness proves its checks can fail.

export interface Defect {
  name: string;
  /** The requirement id the defect breaks. */
  breaks: string;
  /** Further requirements the same fault breaks by its nature (one wrong field that two rules govern). */
  alsoBreaks?: readonly string[];
  /**
   * Requirements the fault leaves with nothing to observe, and why: their checks cannot run (no
   * second way to the thing they check exists), so the defect's matrix shows them "not run".
   */
  hides?: Hidden<string>;
  /**
   * The profile option of the default part of its rule the defect breaks, where it breaks only that
   * part (kid echoed in a JWE header, say): it is then caught as a warning naming the option.
   */
  pinned?: string;
  description: string;
}

/** A defect caught as a warning by design: every rule it breaks is a default, or it breaks a default part only. */
export const caughtAsWarning = (d: Defect, sourceOf: (id: string) => string | undefined): boolean =>
  d.pinned !== undefined || defectBreaks(d).every((id) => sourceOf(id) === 'default');

export interface Hidden<RequirementId extends string> {
  requirements: readonly RequirementId[];
  why: string;
}

/** Every requirement a defect breaks: in the defect's matrix exactly these fail that pass in the clean one. */
export function defectBreaks(d: Defect): string[] {
  return [d.breaks, ...(d.alsoBreaks ?? [])];
}

/** A typed entry maker for one provider's defect list: `breaks` must be one of its requirement ids. */
export const defectOf =
  <RequirementId extends string>() =>
  <N extends string>(
    name: N,
    breaks: RequirementId,
    description: string,
    alsoBreaks?: readonly RequirementId[],
    hides?: Hidden<RequirementId>,
  ) => ({
    name,
    breaks,
    description,
    ...(alsoBreaks?.length ? { alsoBreaks } : {}),
    ...(hides ? { hides } : {}),
  });

/** The requirements a defect leaves unverifiable (declared, with why). */
export function defectHides(d: Defect): string[] {
  return [...(d.hides?.requirements ?? [])];
}

export function defineDefects<const T extends readonly Defect[]>(list: T): T {
  const seen = new Set<string>();
  for (const d of list) {
    if (seen.has(d.name)) throw new Error(`defect listed twice: ${d.name}`);
    seen.add(d.name);
  }
  return list;
}

/** The switches a mock was started with, out of a named list (the provider's defects here, its variants too). */
export class DefectSet<N extends string = string> {
  private readonly active: ReadonlySet<string>;
  constructor(list: readonly { name: string }[], names: readonly string[], kind = 'defect') {
    const known = new Set(list.map((d) => d.name));
    for (const n of names) {
      if (!known.has(n)) throw new Error(`unknown ${kind} "${n}"; known: ${[...known].join(', ')}`);
    }
    this.active = new Set(names);
  }
  has(name: N): boolean {
    return this.active.has(name);
  }
  list(): string[] {
    return [...this.active];
  }
}

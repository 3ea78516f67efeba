// A variant makes a reference mock take one choice the documents leave open or allow (another
// error body, another status where only a refusal is documented, chunked bodies, no keep-alive).
// It is the mirror of a defect: a defect proves a check can fail; a variant proves the harness
// does not fail a correct server that chose differently. `card-reveal-harness variants` runs the
// suite against each, started as a process without /__mock/ control, as a sandbox is.

import { DefectSet } from './defects.ts';

export interface Variant {
  name: string;
  description: string;
  /**
   * The profile a vendor with this choice would write. With one, the run must be `conformant`
   * (the choice is stated, so nothing departs from it); without one, `conformant` or
   * `conformant with warnings` (a departure from a default warns).
   */
  profile?: Record<string, unknown>;
}

/** Variants of the shared HTTP layer, which every mock takes (mocks/core/server.ts). */
export const httpVariants = [
  { name: 'chunked', description: 'every body is sent with Transfer-Encoding: chunked, no Content-Length' },
  { name: 'no-keep-alive', description: 'every answer says Connection: close' },
  { name: 'header-case', description: 'response header names in Title-Case (Content-Type, Cache-Control)' },
  { name: 'json-keys-reversed', description: 'the names of every JSON object answered come in reverse order' },
  { name: 'json-no-charset', description: 'JSON answers say Content-Type: application/json, without a charset' },
  { name: 'slow-answers', description: 'every answer leaves 40 ms after its request arrived' },
] as const satisfies readonly Variant[];

export type HttpVariantName = (typeof httpVariants)[number]['name'];

export function defineVariants<const T extends readonly Variant[]>(list: T): readonly [...typeof httpVariants, ...T] {
  const all = [...httpVariants, ...list] as const;
  const seen = new Set<string>();
  for (const v of all) {
    if (seen.has(v.name)) throw new Error(`variant listed twice: ${v.name}`);
    seen.add(v.name);
  }
  return all;
}

/** The variants a mock was started with: the same switch set as its defects'. */
export class VariantSet<N extends string = string> extends DefectSet<N> {
  constructor(list: readonly Variant[], names: readonly string[]) {
    super(list, names, 'variant');
  }
}

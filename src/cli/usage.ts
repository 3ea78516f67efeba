import { parseArgs, type ParseArgsConfig } from 'node:util';
import { findCatalogue, providerIds } from '../catalogue.ts';
import type { ProviderCatalogue } from '../providers/types.ts';
import { isSeed } from '../core/choices.ts';

/** Bad usage or setup: reported in one line, exit code 2, before any test starts. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A draw's seed as a flag gave it (src/core/choices.ts), or a UsageError saying what a seed is. */
export function seedOrUsageError(flag: string, seed: string): string {
  if (!isSeed(seed))
    throw new UsageError(
      `${flag} takes a seed of 1-64 letters, digits, ".", "-" or "_" ("reference" or a variant's name: that one draw), not "${seed}"`,
    );
  return seed;
}

/** The registry entry for an id, or a UsageError naming the known ones. */
export function providerOrUsageError(id: string): ProviderCatalogue {
  const p = findCatalogue(id);
  if (!p) throw new UsageError(`unknown provider "${id}"; known: ${providerIds().join(', ')}`);
  return p;
}

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
  allowPositionals = false,
) {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals, strict: true });
    return { values, positionals: positionals as string[] };
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { findCatalogue, providerIds } from '../catalogue.ts';
import type { ProviderCatalogue } from '../providers/types.ts';

/** Bad usage or setup: reported in one line, exit code 2, before any test starts. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
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

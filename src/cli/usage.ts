import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Bad usage or setup: reported in one line, exit code 2, before any test starts. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, allowPositionals = false) {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals, strict: true });
    return { values, positionals: positionals as string[] };
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

// The registry's light half: every provider's requirements, defects, variants, profile options and
// variables, without its mock, schemas or crypto. The CLI's text commands (--help, requirements,
// defects --list) and the result levels start from this, so they answer without loading the rest.
// src/providers.ts lists the full definitions in the same order (test/unit/catalogue.test.ts).
import { enfuceCatalogue } from './providers/enfuce/catalogue.ts';
import { exaCatalogue } from './providers/exa/catalogue.ts';
import { plumeryCatalogue } from './providers/plumery/catalogue.ts';
import { cardinalCatalogue } from './providers/cardinal/catalogue.ts';
import { solarisCatalogue } from './providers/solaris/catalogue.ts';
import type { ProviderCatalogue, ProviderDefinition } from './providers/types.ts';

export const catalogue = [enfuceCatalogue, exaCatalogue, plumeryCatalogue, cardinalCatalogue, solarisCatalogue] as const satisfies readonly ProviderCatalogue[];

export function findCatalogue(id: string): ProviderCatalogue | undefined {
  return catalogue.find((p) => p.id === id);
}

/**
 * Each provider's full definition (mock, schemas, crypto), loaded alone: `mock <id>` starts without
 * the other four. One plain specifier each, so that the CLI's bundle (scripts/build.mjs) splits
 * them; a provider in the catalogue without a loader here is a type error.
 */
const definitions = {
  enfuce: async () => (await import('./providers/enfuce/index.ts')).enfuce,
  exa: async () => (await import('./providers/exa/index.ts')).exa,
  plumery: async () => (await import('./providers/plumery/index.ts')).plumery,
  cardinal: async () => (await import('./providers/cardinal/index.ts')).cardinal,
  solaris: async () => (await import('./providers/solaris/index.ts')).solaris,
} satisfies Record<(typeof catalogue)[number]['id'], () => Promise<ProviderDefinition>>;

export async function loadProvider(id: string): Promise<ProviderDefinition> {
  if (!Object.hasOwn(definitions, id)) throw new Error(`unknown provider "${id}"`);
  return definitions[id as keyof typeof definitions]();
}

export function providerIds(): string[] {
  return catalogue.map((p) => p.id);
}

/** The Playwright projects of a provider (playwright.config.ts builds them from these names). */
export function providerProjects(id: string) {
  return { checks: id, pact: `${id}-pact` } as const;
}

/** `--project` arguments selecting every project of the given providers. */
export function projectArgs(ids: readonly string[]): string[] {
  return ids.flatMap((id) => Object.values(providerProjects(id)).flatMap((name) => ['--project', name]));
}

// The registry's light half: every provider's requirements, defects, variants, profile options,
// variables and seeded test cards, without its mock, schemas or crypto. The CLI's text commands
// (--help, requirements, defects --list), the result levels and the process that lists the checks
// start from this, so they answer without loading the rest.
// src/providers.ts lists the full definitions in the same order (test/unit/catalogue.test.ts).
import { enfuceCatalogue } from './providers/enfuce/catalogue.ts';
import { exaCatalogue } from './providers/exa/catalogue.ts';
import { plumeryCatalogue } from './providers/plumery/catalogue.ts';
import { cardinalCatalogue } from './providers/cardinal/catalogue.ts';
import { solarisCatalogue } from './providers/solaris/catalogue.ts';
import type { z, ZodObject } from 'zod';
import type { ProviderCatalogue, ProviderDefinition } from './providers/types.ts';
import { runSettings, type RunSettings } from './core/settings.ts';

export const catalogue = [
  enfuceCatalogue,
  exaCatalogue,
  plumeryCatalogue,
  cardinalCatalogue,
  solarisCatalogue,
] as const satisfies readonly ProviderCatalogue[];

type IdsOf<P> = P extends { requirements: infer R } ? keyof R & string : never;

/** Every requirement id any provider's catalogue has: what a rule check may name. */
export type RequirementId = IdsOf<(typeof catalogue)[number]>;

type OptionsOf<P> = P extends { profile: infer S extends ZodObject } ? keyof z.output<S> & string : never;

/** Every option any provider's profile has: what a rule check may name as the default it holds (a typo does not compile). */
export type ProfileOption = OptionsOf<(typeof catalogue)[number]>;

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

/**
 * The suite's Playwright project (playwright.config.ts), and with `-browser` the one of the
 * providers with browser checks: Playwright gives each project workers of its own, so with two
 * projects for every provider a run starts two workers, not a worker or two per provider.
 */
export const SUITE_PROJECT = 'conformance';

/** The providers a run selects (RunSettings.providers), in the catalogue's order. */
export function selectedProviders(settings: RunSettings = runSettings()): ProviderCatalogue[] {
  return catalogue.filter((p) => !settings.providers || settings.providers.includes(p.id));
}

/**
 * The group a spec file's checks are reported in, from where specs/ keeps it: `<id>` (API and
 * browser checks, specs/<id>/) or `<id>-pact` (the consumer contract and its verification,
 * specs/<id>/pact/).
 */
export function checkGroup(file: string): string | undefined {
  const m = /[\\/]specs[\\/]([^\\/]+)[\\/](pact[\\/])?[^\\/]+$/.exec(file);
  return m ? `${m[1]}${m[2] ? '-pact' : ''}` : undefined;
}

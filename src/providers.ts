// The provider registry: adding a provider means one import and one entry here, plus its own
// files (schemas/<id>.ts, mocks/<id>/, specs/<id>/, src/providers/<id>/).
import { enfuce } from './providers/enfuce/index.ts';
import { exa } from './providers/exa/index.ts';
import { plumery } from './providers/plumery/index.ts';
import { cardinal } from './providers/cardinal/index.ts';
import { solaris } from './providers/solaris/index.ts';
import type { ProviderDefinition } from './providers/types.ts';

export const providers = [enfuce, exa, plumery, cardinal, solaris] as const satisfies readonly ProviderDefinition[];

export type ProviderId = (typeof providers)[number]['id'];

export function findProvider(id: string): ProviderDefinition | undefined {
  return providers.find((p) => p.id === id);
}

export { providerIds } from './catalogue.ts';

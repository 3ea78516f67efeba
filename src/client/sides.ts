// The providers whose apps `client` can judge, each loaded when asked for.
import type { ClientSide } from './side.ts';

export const clientSides: Record<string, () => Promise<ClientSide>> = {
  exa: async () => (await import('../providers/exa/client-side.ts')).exaClientSide,
  plumery: async () => (await import('../providers/plumery/client-side.ts')).plumeryClientSide,
  solaris: async () => (await import('../providers/solaris/client-side.ts')).solarisClientSide,
};

// The providers whose apps `client` can judge, each loaded when asked for.
import type { ClientSide, PageSide } from './side.ts';

export const clientSides: Record<string, () => Promise<ClientSide>> = {
  exa: async () => (await import('../providers/exa/client-side.ts')).exaClientSide,
  plumery: async () => (await import('../providers/plumery/client-side.ts')).plumeryClientSide,
  solaris: async () => (await import('../providers/solaris/client-side.ts')).solarisClientSide,
  cardinal: async () => (await import('../providers/cardinal/client-side.ts')).cardinalClientSide,
  enfuce: async () => (await import('../providers/enfuce/client-side.ts')).enfuceMobileSide,
};

/** The providers whose client is a web page that frames the provider's page (`client <id> --page <url>`). */
export const pageSides: Record<string, () => Promise<PageSide>> = {
  enfuce: async () => (await import('../providers/enfuce/client-page.ts')).enfuceClientPage,
};

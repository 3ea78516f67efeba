// Every provider's reference mock, by provider id, loaded when one is started (src/core/mock-host.ts,
// the one place outside mocks/ that reaches in here). A new provider adds its line.
import type { MockFactory } from './core/factory.ts';

export const mockFactories: Readonly<Record<string, () => Promise<MockFactory>>> = {
  enfuce: async () => (await import('./enfuce/index.ts')).createEnfuceMock,
  exa: async () => (await import('./exa/index.ts')).createExaMock,
  plumery: async () => (await import('./plumery/index.ts')).createPlumeryMock,
  cardinal: async () => (await import('./cardinal/index.ts')).createCardinalMock,
  solaris: async () => (await import('./solaris/index.ts')).createSolarisMock,
};

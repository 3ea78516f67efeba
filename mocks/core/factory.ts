// What a provider's mock is made from: the clock, the defects and variants it carries, and the
// URL its answers name. Each mocks/<id>/index.ts exports one such factory; mocks/registry.ts lists them.
import type { MockClock } from './clock.ts';
import type { MockApp } from './server.ts';

export interface MockFactoryOptions {
  clock: MockClock;
  defects?: readonly string[];
  /** Choices the documents leave open that the mock takes (src/core/variants.ts). */
  variants?: readonly string[];
  baseUrl: () => string;
  /** The mock's second origin, where a variant serves some paths (MockApp.secondOrigin); known once it listens. */
  secondUrl?: () => string;
}

export type MockFactory = (options: MockFactoryOptions) => MockApp;

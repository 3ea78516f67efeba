// Starts a provider's reference mock: in-process for the specs, or from the CLI for a person.
import { MockClock } from '../../mocks/core/clock.ts';
import { dispatcher, serve, type MockReply, type MockRequest, type RunningMock } from '../../mocks/core/server.ts';
import { mockFactories } from '../../mocks/registry.ts';
import type { ProviderDefinition } from '../providers/types.ts';

export interface StartMockOptions {
  defects?: readonly string[];
  variants?: readonly string[];
  port?: number;
  host?: string;
  control?: boolean;
  /** Where clients reach the mock (behind a TLS terminator, say): the URLs its answers carry start here. */
  publicUrl?: string;
  /** The same for the mock's second origin (MockApp.secondOrigin), behind a terminator of its own. */
  secondPublicUrl?: string;
}

export interface StartedMock extends RunningMock {
  state(): object;
  /** The variables a vendor would set for this mock as a sandbox at `url` (`mock --write-env`). */
  vendorEnv(url: string): Record<string, string>;
  /** The provider routes' answer without HTTP (what `npm run bench` times as the mock's bound). */
  answer(req: MockRequest): Promise<MockReply>;
}

export async function startMock(provider: ProviderDefinition, options: StartMockOptions = {}): Promise<StartedMock> {
  const clock = new MockClock();
  let url = '';
  let secondUrl: string | undefined = undefined;
  const create = await mockFactories[provider.id]?.();
  if (!create) throw new Error(`no reference mock for ${provider.id} in mocks/registry.ts`);
  const app = create({
    clock,
    defects: options.defects ?? [],
    variants: options.variants ?? [],
    baseUrl: () => options.publicUrl?.replace(/\/+$/, '') ?? url,
    secondUrl: () => options.secondPublicUrl?.replace(/\/+$/, '') ?? secondUrl ?? url,
  });
  const running = await serve(app, clock, options.defects ?? [], {
    variants: options.variants ?? [],
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.host !== undefined ? { host: options.host } : {}),
    ...(options.control !== undefined ? { control: options.control } : {}),
  });
  url = running.url;
  secondUrl = running.secondUrl;
  // Compiled on first use: only the bench asks, and every check starts a mock.
  let answer: StartedMock['answer'] | undefined;
  return {
    ...running,
    state: () => app.state(),
    vendorEnv: (at) => app.vendorEnv(at),
    answer: (req) => (answer ??= dispatcher(app))(req),
  };
}

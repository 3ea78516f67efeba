// What the checks run against: the embedded reference mock (default), or a base URL from the
// environment. Control of server time and state exists only where the target answers /__mock/.
import { mockDefectsOf, mockVariantsOf, runSettings } from './settings.ts';
import type { Unreachable } from './check-record.ts';
import { keepAliveTo, send, TargetError, type SendOptions } from './http.ts';
import { beforeChecks } from './transport.ts';
import { startMock } from './mock-host.ts';
import type { ProviderDefinition } from '../providers/types.ts';

export class MockControl {
  constructor(
    readonly baseUrl: string,
    private readonly options: SendOptions = {},
  ) {}

  async call<T = unknown>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const ex = await send(
      {
        method,
        url: `${this.baseUrl}/__mock/${path}`,
        headers: { 'content-type': 'application/json' },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      },
      this.options,
    );
    if (ex.response.status >= 300)
      throw new Error(`control route ${method} /__mock/${path} answered ${ex.response.status}`);
    return JSON.parse(ex.response.body) as T;
  }
  state<T>(): Promise<T> {
    return this.call<T>('GET', 'state');
  }
  /** Stops the server clock following real time, so that only advanceClock moves it. */
  freezeClock(): Promise<unknown> {
    return this.call('POST', 'clock', { freeze: true });
  }
  advanceClock(ms: number): Promise<unknown> {
    return this.call('POST', 'clock', { advanceMs: ms });
  }
  reset(): Promise<unknown> {
    return this.call('POST', 'reset');
  }
}

export interface Target {
  provider: string;
  kind: 'embedded-mock' | 'url';
  baseUrl: string;
  /** Present when the target offers /__mock/ (the mocks; never a real sandbox). */
  control: MockControl | undefined;
  env: Readonly<Record<string, string | undefined>>;
  /** Set when nothing answers at the base URL at all (or not over TLS): every check is then not run. */
  unreachable?: Unreachable;
  close(): Promise<void>;
}

/** `defects`: the embedded mock's (a defect batch's project names them); else the run's settings' (CRH_MOCK_DEFECTS, say). */
export async function resolveTarget(
  provider: ProviderDefinition,
  env: NodeJS.ProcessEnv = process.env,
  defects?: readonly string[],
): Promise<Target> {
  const vars = Object.fromEntries(Object.keys(provider.env.vars).map((k) => [k, env[k]]));
  const baseUrl = env[provider.env.baseUrl]?.replace(/\/+$/, '');
  if (!baseUrl) {
    const settings = runSettings(env);
    const mock = await startMock(provider, {
      defects: defects ?? mockDefectsOf(settings, provider.id),
      variants: mockVariantsOf(settings, provider.id),
    });
    return {
      provider: provider.id,
      kind: 'embedded-mock',
      baseUrl: mock.url,
      control: new MockControl(mock.url),
      env: vars,
      close: mock.close,
    };
  }
  keepAliveTo(new URL(baseUrl).origin);
  const unreachable = await unreachableAt(baseUrl);
  const control = !unreachable && (await offersControl(baseUrl)) ? new MockControl(baseUrl) : undefined;
  return {
    provider: provider.id,
    kind: 'url',
    baseUrl,
    control,
    env: vars,
    ...(unreachable ? { unreachable } : {}),
    close: async () => {},
  };
}

/**
 * A variant's mock as a vendor's sandbox is (variants, src/core/defect-batch.ts): without /__mock/
 * control, and reached only through the variables a vendor would set for it, so that a check can
 * know nothing of it but what the documents say and what it answers.
 */
export async function sandboxMockTarget(provider: ProviderDefinition, variants: readonly string[]): Promise<Target> {
  const mock = await startMock(provider, { variants, control: false, defects: [] });
  const target = await resolveTarget(provider, { ...process.env, ...mock.vendorEnv(mock.url) });
  return {
    ...target,
    close: async () => {
      await target.close();
      await mock.close();
    },
  };
}

/** Why no connection to the base URL can be made (refused, no such host, a certificate not trusted, rate limited without end); else undefined. */
async function unreachableAt(baseUrl: string): Promise<Unreachable | undefined> {
  try {
    // Only a refusal or a certificate counts here, and neither is a transport fault: sent once.
    await send({ method: 'GET', url: `${baseUrl}/` }, { timeoutMs: 5_000, maxBytes: 64 * 1024, resend: false });
    return undefined;
  } catch (e) {
    return e instanceof TargetError && (e.kind === 'unreachable' || e.kind === 'tls')
      ? { message: e.message, tls: e.kind === 'tls' }
      : undefined;
  }
}

/** Whether the target at `baseUrl` answers /__mock/ control (a reference mock started with it). */
export async function offersControl(baseUrl: string): Promise<boolean> {
  try {
    const ex = await beforeChecks(() =>
      send({ method: 'GET', url: `${baseUrl}/__mock/state` }, { timeoutMs: 3_000, maxBytes: 256 * 1024 }),
    );
    return (
      ex.response.status === 200 && (JSON.parse(ex.response.body) as { provider?: unknown }).provider !== undefined
    );
  } catch {
    return false;
  }
}

// Seeds are the valid requests a provider's own client sends: captured from a real exchange with
// the mock, so the fuzzer starts from bytes the mock accepts and the client code is not written twice.
import type { HttpExchange, SendOptions } from '../core/http.ts';
import type { Seed } from './mutations.ts';

export type { Seed };

/** Runs `call` with send options that record its one request, and returns it as a seed. */
export async function captureSeed(name: string, call: (http: SendOptions) => Promise<HttpExchange>): Promise<Seed> {
  let seen: HttpExchange | undefined;
  await call({ onExchange: (ex) => (seen = ex) });
  if (!seen) throw new Error(`seed "${name}": the client sent nothing`);
  const url = new URL(seen.request.url);
  return {
    name,
    request: {
      method: seen.request.method,
      path: `${url.pathname}${url.search}`,
      headers: { ...seen.request.headers },
      ...(seen.request.body !== undefined ? { body: Buffer.from(seen.request.body, 'utf8') } : {}),
    },
  };
}

/** GET /__mock/state of a mock. */
export async function mockState<T>(baseUrl: string): Promise<T> {
  const res = await fetch(`${baseUrl}/__mock/state`);
  if (!res.ok) throw new Error(`GET /__mock/state answered ${res.status}`);
  return (await res.json()) as T;
}

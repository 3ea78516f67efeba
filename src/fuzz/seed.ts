// Seeds are the valid requests a provider's own client sends: captured from a real exchange with
// the mock, so the fuzzer starts from bytes the mock accepts and the client code is not written twice.
import type { HttpExchange, SendOptions } from '../core/http.ts';
import type { Seed } from './mutations.ts';

export type { Seed };

/**
 * Runs `call` with send options that record its one request, and returns it as a seed, sent where
 * the client sent it (a URL the target returned may be on another origin). `page`: a browser opens it.
 */
export async function captureSeed(
  name: string,
  call: (http: SendOptions) => Promise<HttpExchange>,
  options: { page?: boolean } = {},
): Promise<Seed> {
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
      origin: url.origin,
      ...(options.page ? { page: true } : {}),
    },
  };
}

/** The provider's variables (credentials, test cards) a vendor sets: seeds are made from these alone, for a mock (its `--write-env`) as for a sandbox. */
export type VendorVars = Readonly<Record<string, string | undefined>>;

/** A variable a seed cannot be made without. */
export function need(vars: VendorVars, name: string): string {
  const v = vars[name];
  if (!v) throw new Error(`fuzz seeds need ${name}`);
  return v;
}

// What a mock may answer to a malformed request: never a 5xx, never silence, and an error body in
// the provider's documented shape. A documented status is held to that status's documented schema;
// any other status ≥ 400 (404, 405, 413 from the server core) to one of the provider's error schemas.
import type { ZodType } from 'zod';
import type { EndpointDoc } from '../core/openapi.ts';
import type { ProviderDefinition } from '../providers/types.ts';
import type { RawRequest, RawResponse } from './request.ts';

export type Problem = {
  kind: '5xx' | 'undocumented-shape' | 'hang' | 'connection' | 'crash' | 'fuzzer';
  message: string;
};

interface CompiledEndpoint {
  doc: EndpointDoc;
  regex: RegExp;
}

export class Judge {
  private readonly endpoints: CompiledEndpoint[];
  private readonly errorSchemas: string[];

  constructor(
    private readonly provider: Pick<ProviderDefinition, 'id' | 'endpoints' | 'schemas' | 'fuzz' | 'testCards'>,
  ) {
    this.endpoints = provider.endpoints.map((doc) => ({
      doc,
      regex: new RegExp(`^${doc.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+')}$`),
    }));
    const documented = provider.endpoints.flatMap((e) =>
      Object.entries(e.responses)
        .filter(([status, r]) => Number(status) >= 400 && r.schema)
        .flatMap(([, r]) => [r.schema!].flat()),
    );
    this.errorSchemas = [...new Set([...documented, ...(provider.fuzz.errorSchemas ?? [])])];
    for (const name of this.errorSchemas)
      if (!provider.schemas[name]) throw new Error(`${provider.id}: no schema named "${name}"`);
  }

  /** A page's endpoint is the returned URL's of its method (any path); any other by its path. */
  private endpointOf(req: RawRequest): EndpointDoc | undefined {
    const path = pathOf(req);
    return this.endpoints.find(
      (e) =>
        e.doc.method.toUpperCase() === req.method &&
        (req.page ? e.doc.returnedAs !== undefined : e.doc.returnedAs === undefined && e.regex.test(path)),
    )?.doc;
  }

  private fits(names: readonly string[], body: Buffer): boolean {
    let value: unknown;
    try {
      value = JSON.parse(body.toString('utf8'));
    } catch {
      return false;
    }
    return names.some((n) => (this.provider.schemas[n] as ZodType).safeParse(value).success);
  }

  judge(req: RawRequest, res: RawResponse): Problem | undefined {
    if (res.status >= 500) return { kind: '5xx', message: `answered HTTP ${res.status}` };
    const documented = this.endpointOf(req)?.responses[String(res.status)];
    const type = res.headers['content-type'] ?? '';
    if (documented) {
      const schema = documented.schema;
      if (schema === undefined) {
        const want = documented.contentType ?? 'application/json';
        return type.startsWith(want)
          ? undefined
          : {
              kind: 'undocumented-shape',
              message: `HTTP ${res.status} with content type "${type}", documented: ${want}`,
            };
      }
      const names = [schema].flat();
      return this.fits(names, res.body)
        ? undefined
        : { kind: 'undocumented-shape', message: `HTTP ${res.status} body does not fit ${names.join(' | ')}` };
    }
    if (res.status < 400) return undefined;
    if (req.method === 'HEAD') return undefined;
    // A page refuses with an HTML page; a request mutated off the page's path (the target chose the
    // path, so it may now name nothing, or an API path) may be refused as the API refuses.
    if (req.page && !this.fits(this.errorSchemas, res.body)) {
      if (!type.startsWith('text/html'))
        return {
          kind: 'undocumented-shape',
          message: `HTTP ${res.status} on a browser page with content type "${type}", neither an HTML error page nor the API's error body`,
        };
      const text = res.body.toString('utf8');
      return this.provider.testCards.some((c) => text.includes(c.pan))
        ? { kind: 'undocumented-shape', message: `HTTP ${res.status} error page shows a card number` }
        : undefined;
    }
    return this.fits(this.errorSchemas, res.body)
      ? undefined
      : {
          kind: 'undocumented-shape',
          message: `HTTP ${res.status} body does not fit the error schema(s) ${this.errorSchemas.join(' | ')}`,
        };
  }
}

/** The path as the server sees it: dot segments resolved, as WHATWG URL parsing does. */
function pathOf(req: RawRequest): string {
  try {
    return new URL(req.path, 'http://mock.invalid').pathname;
  } catch {
    return req.path.split('?')[0]!;
  }
}

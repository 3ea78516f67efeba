// Malformed requests, generated as small lists of mutations of a valid seed request, so that
// fast-check can shrink a failure to the fewest, smallest changes that still break the target.
import fc from 'fast-check';
import type { RawRequest } from './request.ts';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonPath = (string | number)[];

export type Mutation =
  | { kind: 'method'; method: string }
  | { kind: 'content-type'; value: string | null }
  | { kind: 'drop-header'; name: string }
  | { kind: 'header'; name: string; value: string }
  | { kind: 'path-segment'; index: number; value: string }
  | { kind: 'query'; value: string }
  | { kind: 'body'; bytes: Uint8Array }
  | { kind: 'json-delete'; path: JsonPath }
  | { kind: 'json-set'; path: JsonPath; value: unknown }
  | { kind: 'json-extra'; path: JsonPath; key: string; value: unknown }
  | { kind: 'form-field'; name: string; value: string | null };

export interface Seed {
  /** What the seed is: `POST /v4/card/{cardId}/controlToken`. */
  name: string;
  request: RawRequest;
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'PROPFIND'];
const CONTENT_TYPES = [
  'text/plain',
  'application/xml',
  'application/json; charset=utf-16',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  '',
  'application/json;;;',
  'ａｐｐｌｉｃａｔｉｏｎ/json',
];
// Below the mock's 64 KiB body cap, at it and above it: each takes another path.
const HUGE = [4_096, 65_535, 70_000].map((n) => 'A'.repeat(n));
const BAD_PERCENT = ['%', '%zz', '%E0%A4%A', '%00', '..', '%2e%2e', '%C0%AF', ''];
const BAD_BASE64 = ['!!!!', '====', 'AAA', 'A'.repeat(4097), 'AAAA\n', '-_-_', 'AA==AA=='];

/** Values of the wrong type, empty, huge, or badly encoded. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    false,
    0,
    -1,
    1e308,
    -0,
    '',
    [],
    {},
    '0',
    'null',
    '\u0000',
    '\uD800',
    '🂡',
    '9'.repeat(400),
  ),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(...HUGE),
  fc.constantFrom(...BAD_BASE64),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  // Deep nesting: a parser with recursion limits must answer, not fall over.
  fc.integer({ min: 50, max: 600 }).map((n) => JSON.parse(`${'['.repeat(n)}${']'.repeat(n)}`) as unknown),
);

const badBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 64 }),
  fc.constantFrom(
    Uint8Array.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]), // UTF-16 with a BOM
    Uint8Array.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d]), // {"\xc3(":1} invalid UTF-8
    Buffer.from('{"a":'), // truncated JSON
    Buffer.from('[]'),
    Buffer.from('null'),
    Buffer.from('"just a string"'),
    Buffer.from('{"__proto__":{"polluted":true}}'),
    Buffer.from('{"a":1,"a":2}'),
    Buffer.from(''),
    Buffer.from(`${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`),
    Buffer.from('A'.repeat(70_000)),
  ),
  fc.string({ maxLength: 80 }).map((s) => Buffer.from(s, 'utf8')),
);

function jsonPaths(v: Json, at: JsonPath = []): { objects: JsonPath[]; leaves: JsonPath[] } {
  const out = { objects: [] as JsonPath[], leaves: [] as JsonPath[] };
  if (v !== null && typeof v === 'object') {
    out.objects.push(at);
    for (const [k, child] of Array.isArray(v) ? v.map((c, i) => [i, c] as const) : Object.entries(v)) {
      const sub = jsonPaths(child, [...at, k]);
      out.leaves.push([...at, k]);
      out.objects.push(...sub.objects);
      out.leaves.push(...sub.leaves);
    }
  }
  return out;
}

function parseJson(body: Uint8Array | undefined): Json | undefined {
  if (!body) return undefined;
  try {
    return JSON.parse(Buffer.from(body).toString('utf8')) as Json;
  } catch {
    return undefined;
  }
}

/** Every mutation that makes sense for one seed request. */
export function mutationOf(seed: Seed): fc.Arbitrary<Mutation> {
  const r = seed.request;
  const headerNames = Object.keys(r.headers);
  const segments = r.path.split('?')[0]!.split('/').length;
  const json = parseJson(r.body);
  const form = r.headers['content-type']?.startsWith('application/x-www-form-urlencoded')
    ? new URLSearchParams(Buffer.from(r.body ?? []).toString('utf8'))
    : undefined;
  const arbs: fc.Arbitrary<Mutation>[] = [
    fc.constantFrom(...METHODS).map((method) => ({ kind: 'method' as const, method })),
    fc
      .option(fc.constantFrom(...CONTENT_TYPES), { nil: null })
      .map((value) => ({ kind: 'content-type' as const, value })),
    fc
      .record({
        index: fc.integer({ min: 1, max: segments - 1 }),
        value: fc.oneof(
          fc.constantFrom(...BAD_PERCENT),
          fc.string({ maxLength: 30 }).map(encodeURIComponent),
          fc.constant('9'.repeat(2_000)),
        ),
      })
      .map((m) => ({ kind: 'path-segment' as const, ...m })),
    fc
      .oneof(
        fc.string({ maxLength: 40 }).map((s) => `?${encodeURIComponent(s)}=${encodeURIComponent(s)}`),
        fc.constantFrom('?%', '?a=%zz', '?&&&=', `?x=${'A'.repeat(4_000)}`, '?auditUser=&auditUser=x'),
      )
      .map((value) => ({ kind: 'query' as const, value })),
    badBytes.map((bytes) => ({ kind: 'body' as const, bytes })),
    // Headers stay under 4 KiB: past Node's 16 KiB the server itself answers 431 before any route.
    fc
      .record({
        name: fc.constantFrom(...headerNames, 'x-extra', 'authorization', 'accept'),
        value: fc.oneof(
          fc.string({ maxLength: 60 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')),
          fc.constantFrom(
            'Bearer ',
            'Basic !!!',
            'Basic ' + Buffer.from('no-colon').toString('base64'),
            'A'.repeat(4_000),
          ),
          fc.constantFrom(...BAD_BASE64).map((s) => s.replace(/\n/g, '')),
        ),
      })
      .map((m) => ({ kind: 'header' as const, ...m })),
  ];
  if (headerNames.length)
    arbs.push(fc.constantFrom(...headerNames).map((name) => ({ kind: 'drop-header' as const, name })));
  if (json !== undefined) {
    const { objects, leaves } = jsonPaths(json);
    if (leaves.length) arbs.push(fc.constantFrom(...leaves).map((path) => ({ kind: 'json-delete' as const, path })));
    if (leaves.length)
      arbs.push(
        fc
          .record({ path: fc.constantFrom(...leaves), value: hostileValue })
          .map((m) => ({ kind: 'json-set' as const, ...m })),
        fc
          .record({ path: fc.constantFrom(...leaves), value: hostileValue })
          .map((m) => ({ kind: 'json-set' as const, ...m })),
      );
    if (objects.length)
      arbs.push(
        fc
          .record({
            path: fc.constantFrom(...objects),
            key: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', '')),
            value: hostileValue,
          })
          .map((m) => ({ kind: 'json-extra' as const, ...m })),
      );
  }
  if (form) {
    const names = [...form.keys()];
    arbs.push(
      fc
        .record({
          name: fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 10 })),
          value: fc.option(fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom(...HUGE, ...BAD_BASE64)), {
            nil: null,
          }),
        })
        .map((m) => ({ kind: 'form-field' as const, ...m })),
    );
  }
  return fc.oneof(...arbs);
}

/** A seed and 1–4 mutations of it. */
export function malformedRequest(seeds: readonly Seed[]): fc.Arbitrary<{ seed: Seed; mutations: Mutation[] }> {
  return fc.oneof(
    ...seeds.map((seed) =>
      fc.record({ seed: fc.constant(seed), mutations: fc.array(mutationOf(seed), { minLength: 1, maxLength: 4 }) }),
    ),
  );
}

function setAt(
  root: Json,
  path: JsonPath,
  f: (parent: Record<string | number, unknown>, key: string | number) => void,
): void {
  let node: unknown = root;
  for (const k of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return;
    node = (node as Record<string | number, unknown>)[k];
  }
  if (node !== null && typeof node === 'object') f(node as Record<string | number, unknown>, path.at(-1)!);
}

function navigate(root: Json, path: JsonPath): unknown {
  let node: unknown = root;
  for (const k of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[k];
  }
  return node;
}

/** The seed with its mutations applied, in order. */
export function applyMutations(seed: Seed, mutations: readonly Mutation[]): RawRequest {
  const r: RawRequest = { ...seed.request, headers: { ...seed.request.headers }, body: seed.request.body };
  let json = parseJson(r.body);
  let jsonTouched = false;
  for (const m of mutations) {
    switch (m.kind) {
      case 'method':
        r.method = m.method;
        break;
      case 'content-type':
        if (m.value === null) delete r.headers['content-type'];
        else r.headers['content-type'] = m.value;
        break;
      case 'drop-header':
        delete r.headers[m.name];
        break;
      case 'header':
        r.headers[m.name] = m.value;
        break;
      case 'path-segment': {
        const [path, query] = r.path.split('?', 2);
        const parts = path!.split('/');
        if (m.index < parts.length) parts[m.index] = m.value;
        r.path = parts.join('/') + (query !== undefined ? `?${query}` : '');
        break;
      }
      case 'query':
        r.path = r.path.split('?')[0]! + m.value;
        break;
      case 'body':
        r.body = m.bytes;
        json = undefined;
        jsonTouched = false;
        break;
      case 'json-delete':
        if (json === undefined) break;
        jsonTouched = true;
        setAt(json, m.path, (parent, key) =>
          Array.isArray(parent) ? parent.splice(Number(key), 1) : delete parent[key],
        );
        break;
      case 'json-set':
        if (json === undefined) break;
        jsonTouched = true;
        if (m.path.length === 0) json = m.value as Json;
        else setAt(json, m.path, (parent, key) => (parent[key] = m.value));
        break;
      case 'json-extra': {
        if (json === undefined) break;
        const target = navigate(json, m.path);
        if (target !== null && typeof target === 'object' && !Array.isArray(target)) {
          jsonTouched = true;
          Object.defineProperty(target, m.key, {
            value: m.value,
            enumerable: true,
            configurable: true,
            writable: true,
          });
        }
        break;
      }
      case 'form-field': {
        const form = new URLSearchParams(Buffer.from(r.body ?? []).toString('utf8'));
        if (m.value === null) form.delete(m.name);
        else form.set(m.name, m.value);
        r.body = Buffer.from(form.toString());
        break;
      }
    }
    // Each JSON mutation works on a deep copy, so that the seed itself never changes.
    if (jsonTouched && json !== undefined) {
      r.body = Buffer.from(JSON.stringify(json) ?? 'null');
      json = parseJson(r.body);
      jsonTouched = false;
    }
  }
  return r;
}

// Mocks are routes over a state object, each naming the defects it honours (mocks/core/route.ts):
// every provider's mock names every defect of its catalogue, a defect no route names stops the mock
// from being made, and a route sees exactly the switches it named, set as the mock was started.
import { expect, test } from '@playwright/test';
import { catalogue } from '../../src/catalogue.ts';
import { DefectSet, defineDefects } from '../../src/core/defects.ts';
import { MockClock } from '../../mocks/core/clock.ts';
import { mockFactories } from '../../mocks/registry.ts';
import { refusalOf, routeOf, stateMock } from '../../mocks/core/route.ts';
import { json, type MockRequest } from '../../mocks/core/server.ts';

for (const p of catalogue) {
  test(`${p.id}: its mock is made, with none and with every defect (each named by a route)`, async () => {
    const create = await mockFactories[p.id]!();
    const options = { clock: new MockClock(), baseUrl: () => 'http://127.0.0.1:1' };
    expect(create(options).provider).toBe(p.id);
    expect(create({ ...options, defects: p.defects.map((d) => d.name) }).routes.length).toBeGreaterThan(0);
  });
}

const defects = defineDefects([
  { name: 'a', breaks: 'X-A', description: 'route one breaks it' },
  { name: 'b', breaks: 'X-B', description: 'route two breaks it' },
]);
type Name = (typeof defects)[number]['name'];
const route = routeOf<{ seen: string[] }, Name>();
const request = {
  method: 'GET',
  url: new URL('http://x/'),
  headers: {},
  params: {},
  body: Buffer.alloc(0),
} as MockRequest;

function app(active: Name[], routes = [one, two]) {
  return stateMock({
    provider: 'x',
    state: { seen: [] as string[] },
    defects: new DefectSet<Name>(defects, active),
    allDefects: defects,
    routes,
    refusal: refusalOf<{ seen: string[] }, Name>()({ defects: [], handle: () => json(400, {}) }),
    snapshot: (s) => ({ seen: s.seen }),
    vendorEnv: () => ({}),
    reset: (s) => void (s.seen = []),
  });
}
const one = route({ method: 'GET', path: '/one', defects: ['a'], handle: (_s, _r, flaw) => json(200, flaw) });
const two = route({ method: 'GET', path: '/two', defects: ['b'], handle: (_s, _r, flaw) => json(200, flaw) });

test('a route gets the switches it names, and only those', async () => {
  const m = app(['b']);
  expect((await m.routes[0]!.handle(request)).body).toEqual({ a: false });
  expect((await m.routes[1]!.handle(request)).body).toEqual({ b: true });
});

test('a defect no route names is refused when the mock is made', () => {
  expect(() => app([], [one])).toThrow('x mock: no route names the defects b');
});

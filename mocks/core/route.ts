// A mock as routes over a state object. Each route is a function of the mock's state and the
// request, and names the defects it honours: it gets them as switches, read once when the mock
// starts, so what a defect changes is found at the route that names it. A defect of the
// provider's list that no route names is an error when the mock is made.
import type { DefectSet } from '../../src/core/defects.ts';
import type { FrameworkRefusal, MockApp, MockReply, MockRequest, Route } from './server.ts';

/** The switches of the defects a route honours: true where the mock runs with that defect. */
export type Flaws<D extends string> = { readonly [K in D]: boolean };

export interface StateRoute<S, D extends string> {
  method: string;
  /** A path template, `:name` marks a parameter; or the one the mock's state chose (a variant's path). */
  path: string | ((state: S) => string);
  /** The defects this route honours; `handle` gets them as switches. */
  defects: readonly D[];
  handle(state: S, request: MockRequest, flaw: Flaws<D>): MockReply | Promise<MockReply>;
}

/** The provider's documented error for a refusal the server makes before any route (an unknown path, a body too large). */
export interface StateRefusal<S, D extends string> {
  defects: readonly D[];
  handle(state: S, request: MockRequest, status: number, reason: FrameworkRefusal, flaw: Flaws<D>): MockReply;
}

/** A provider's route maker: the defects a route names are checked against the provider's, and typed in `handle`. */
export const routeOf =
  <S, All extends string>() =>
  <const D extends All>(route: StateRoute<S, D>): StateRoute<S, D> =>
    route;

/** The same for the framework refusal. */
export const refusalOf =
  <S, All extends string>() =>
  <const D extends All>(refusal: StateRefusal<S, D>): StateRefusal<S, D> =>
    refusal;

function flawsOf<D extends string>(active: DefectSet<D>, names: readonly D[]): Flaws<D> {
  return Object.fromEntries(names.map((d) => [d, active.has(d)])) as Flaws<D>;
}

export interface StateMock<S, P extends object, All extends string> {
  provider: string;
  /** The mock's state: its data, keys, clock and variants; what the routes read and change. */
  state: S;
  defects: DefectSet<All>;
  /** Every defect name of the provider: each must be named by a route or the refusal. */
  allDefects: readonly { name: All }[];
  routes: readonly StateRoute<S, All>[];
  /** Test-only routes under /__mock/: they set state up, and honour no defect. */
  controlRoutes?: readonly StateRoute<S, never>[];
  refusal: StateRefusal<S, All>;
  /** What GET /__mock/state answers. */
  snapshot(state: S): P;
  vendorEnv(snapshot: P, url: string): Record<string, string>;
  /** Back to the state the mock started with (tokens, nonces, enrollments dropped). */
  reset(state: S): void;
  /** Paths the state serves on the mock's second origin (MockApp.secondOrigin). */
  secondOrigin?: (state: S, pathname: string) => boolean;
}

/** A MockApp from routes over a state. */
export function stateMock<S, P extends object, All extends string>(m: StateMock<S, P, All>): MockApp<P> {
  const named = new Set<string>([...m.routes.flatMap((r) => r.defects), ...m.refusal.defects]);
  const unnamed = m.allDefects.map((d) => d.name).filter((d) => !named.has(d));
  if (unnamed.length) throw new Error(`${m.provider} mock: no route names the defects ${unnamed.join(', ')}`);
  const bind = (r: StateRoute<S, All>): Route => {
    const flaw = flawsOf(m.defects, r.defects);
    const path = typeof r.path === 'function' ? r.path(m.state) : r.path;
    return { method: r.method, path, handle: (request) => r.handle(m.state, request, flaw) };
  };
  const refusalFlaws = flawsOf(m.defects, m.refusal.defects);
  return {
    provider: m.provider,
    routes: m.routes.map(bind),
    controlRoutes: (m.controlRoutes ?? []).map(bind),
    state: () => m.snapshot(m.state),
    vendorEnv: (url) => m.vendorEnv(m.snapshot(m.state), url),
    reset: () => m.reset(m.state),
    ...(m.secondOrigin ? { secondOrigin: (pathname: string) => m.secondOrigin!(m.state, pathname) } : {}),
    refuse: (request, status, reason) => m.refusal.handle(m.state, request, status, reason, refusalFlaws),
  };
}

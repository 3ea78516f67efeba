// A module loaded by the first request that needs it, not when the mock starts (so it listens at
// once); `loaded` is there once it is.
export interface Lazy<T> {
  (): Promise<T>;
  readonly loaded: T | undefined;
}

export function lazy<T>(load: () => Promise<T>): Lazy<T> {
  let loading: Promise<T> | undefined;
  let loaded: T | undefined;
  const get = () => (loading ??= load().then((m) => (loaded = m)));
  return Object.defineProperty(get, 'loaded', { get: () => loaded }) as Lazy<T>;
}

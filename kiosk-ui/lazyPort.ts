/**
 * A port (a store or a client behind a domain interface) whose implementation lives in a chunk of
 * its own, loaded on the first call: the entry then holds only the shell. Every method of `T` must
 * return a promise, as the domain's store ports do. A failed load is tried again on the next call.
 */
export function lazyPort<T extends object>(load: () => Promise<T>): T {
  let port: Promise<T> | null = null;
  const loaded = () =>
    (port ??= load().catch((error: unknown) => {
      port = null;
      throw error;
    }));
  const handler: ProxyHandler<object> = {
    get: (_target, method) =>
      // Not a thenable: `await lazyPort(…)` must not call a method named then.
      method === 'then'
        ? undefined
        : (...args: unknown[]) =>
            loaded().then((real) => {
              const fn: unknown = Reflect.get(real, method, real);
              if (typeof fn !== 'function')
                throw new TypeError(`${String(method)} is not a method of the loaded port`);
              return (fn as (...a: unknown[]) => unknown).apply(real, args);
            }),
  };
  return new Proxy({}, handler) as T;
}

// How the kiosk's own storage is doing, told to the page: a database waiting for an older page
// to let go of it, one taken away by a newer page, a write refused for want of space. A small
// module without idb, so that the entry (main.tsx) can listen without loading the stores.
import { StorageFullError, isQuotaError } from '../../domain/storageFailure';

export { StorageFullError, isQuotaError };

/**
 * What became of a database connection:
 * - `blocked`: this page asked for a newer version while another page holds an older one open;
 *   the open goes through as soon as that page closes it (the kiosk is out of service meanwhile),
 * - `retrying`: the open failed and is tried again shortly (out of service meanwhile),
 * - `open`: the database is open (again),
 * - `failed`: the open failed for good,
 * - `superseded`: a newer version of the kiosk in another page needs the database: this page
 *   closed its connection and must reload (between visits),
 * - `terminated`: the browser closed the connection (storage cleared, disk gone); reload too.
 */
export type StoreState = 'blocked' | 'retrying' | 'open' | 'failed' | 'superseded' | 'terminated';

export interface StoreNotice {
  database: string;
  state: StoreState;
  error?: unknown;
}

type Listener = (notice: StoreNotice) => void;
const storeListeners = new Set<Listener>();

/** Listens to every database's notices; returns the function that stops listening. */
export function watchStores(listener: Listener): () => void {
  storeListeners.add(listener);
  return () => storeListeners.delete(listener);
}

/** Called by openStore (stores/shared/openStore.ts) as a connection changes. */
export function reportStore(notice: StoreNotice): void {
  for (const listener of [...storeListeners]) {
    try {
      listener(notice);
    } catch (error) {
      console.error('A store listener failed', error);
    }
  }
}

/** How long flows that write stay paused after a quota error, before they try again. */
export const STORAGE_PAUSE_MS = 10 * 60_000;

/**
 * The pause of the flows that write: set when a write is refused for want of space, it lasts
 * `STORAGE_PAUSE_MS` (a purge or staff may free space meanwhile); each flow that writes asks
 * `storagePaused()` when it starts and says "暂停服务" instead of going on.
 */
let pausedUntil = 0;
const pauseListeners = new Set<(paused: boolean) => void>();

export function storagePaused(now: number = Date.now()): boolean {
  return now < pausedUntil;
}

export function pauseStorage(error?: unknown, now: number = Date.now()): void {
  const was = storagePaused(now);
  pausedUntil = now + STORAGE_PAUSE_MS;
  if (!was) {
    console.error('The kiosk storage is full: flows that write are paused', error);
    for (const listener of [...pauseListeners]) listener(true);
  }
}

/** Ends the pause at once (staff freed space; tests). */
export function resumeStorage(): void {
  const was = pausedUntil !== 0;
  pausedUntil = 0;
  if (was) for (const listener of [...pauseListeners]) listener(false);
}

/** Told when the pause begins (true) or is lifted by resumeStorage (false). */
export function watchStoragePause(listener: (paused: boolean) => void): () => void {
  pauseListeners.add(listener);
  return () => pauseListeners.delete(listener);
}

/** Throws StorageFullError while the flows that write are paused: the first step of such a flow. */
export function refuseWhileStorageFull(): void {
  if (storagePaused()) throw new StorageFullError('Paused: the kiosk storage was full');
}

/**
 * A store whose every failing call that ran out of space pauses the flows that write and fails
 * with StorageFullError (code 'storage-full'): the flow says "暂停服务", not "try again".
 * With `refuseWhilePaused`, every call fails so while the pause lasts (a flow's first store
 * call, so that it stops before the citizen goes further). Every method of `T` is expected to
 * return a promise, as the domain's store ports do.
 */
export function guardStore<T extends object>(
  store: T,
  options: { refuseWhilePaused?: boolean } = {},
): T {
  const guard = (error: unknown): never => {
    if (!isQuotaError(error)) throw error;
    pauseStorage(error);
    throw error instanceof StorageFullError
      ? error
      : new StorageFullError('A write was refused: the kiosk storage is full', { cause: error });
  };
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || property === 'then') return value;
      return (...args: unknown[]) => {
        let result: unknown;
        try {
          if (options.refuseWhilePaused) refuseWhileStorageFull();
          result = (value as (...a: unknown[]) => unknown).apply(target, args);
        } catch (error) {
          // Thrown before any promise: rejected all the same, as a port's call would be.
          return Promise.reject(error).catch(guard);
        }
        return result instanceof Promise ? result.catch(guard) : result;
      };
    },
  });
}

/**
 * Asks once for persistent storage, so the browser does not evict the kiosk's journals and
 * queues under storage pressure. A refusal (or no such API) changes nothing.
 */
export async function requestPersistentStorage(
  storage: Pick<StorageManager, 'persist' | 'persisted'> | undefined = globalThis.navigator
    ?.storage,
): Promise<boolean> {
  try {
    if (!storage?.persist) return false;
    if (storage.persisted && (await storage.persisted())) return true;
    return await storage.persist();
  } catch (error) {
    console.warn('Persistent storage was not granted', error);
    return false;
  }
}

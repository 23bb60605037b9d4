import { openDB, type DBSchema, type IDBPDatabase, type OpenDBCallbacks } from 'idb';
import { reportStore } from './storageHealth';

export interface OpenStoreOptions<DB extends DBSchema | unknown> {
  upgrade?: OpenDBCallbacks<DB>['upgrade'];
  /** How many times a failed open is tried again before it fails for good. */
  retries?: number;
  /** The pause before the first retry; it doubles with each one (at most 30 s). */
  retryMs?: number;
}

/**
 * Opens one of the kiosk's databases, the one way every store does (stores/shared):
 * - another page holding an older version open blocks this open (`blocked`): the page is told
 *   (the kiosk is out of service meanwhile) and the open goes through the moment that page lets go,
 * - a newer version asked for by another page (`blocking`): this connection is closed at once,
 *   so the upgrade is not held up, and the page is told to reload (between visits),
 * - a failed open (a busy disk, an aborted upgrade) is tried again, a few times, before it fails.
 * A version on disk newer than this page's (VersionError) is not retried: it fails at once (the
 * page shows out of service and reloads a little later, by when its new version is served).
 */
export async function openStore<DB extends DBSchema | unknown>(
  name: string,
  version: number,
  options: OpenStoreOptions<DB> = {},
): Promise<IDBPDatabase<DB>> {
  const retries = options.retries ?? 4;
  let pause = options.retryMs ?? 1000;
  for (let attempt = 0; ; attempt += 1) {
    let wasBlocked = false;
    try {
      const db = await openDB<DB>(name, version, {
        ...(options.upgrade && { upgrade: options.upgrade }),
        blocked() {
          wasBlocked = true;
          reportStore({ database: name, state: 'blocked' });
        },
        blocking(_current, _wanted, event) {
          // The raw connection behind the wrapped one: closed, the other page's upgrade goes on.
          (event.target as IDBDatabase).close();
          reportStore({ database: name, state: 'superseded' });
        },
        terminated() {
          reportStore({ database: name, state: 'terminated' });
        },
      });
      if (wasBlocked || attempt > 0) reportStore({ database: name, state: 'open' });
      return db;
    } catch (error) {
      // A version on disk newer than this page's: trying again cannot help, and reloading at
      // once could loop (the page may be served from an old cache); the page reloads later.
      const stale = error instanceof Error && error.name === 'VersionError';
      if (stale || attempt >= retries) {
        reportStore({ database: name, state: 'failed', error });
        throw error;
      }
      reportStore({ database: name, state: 'retrying', error });
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, 30_000);
    }
  }
}

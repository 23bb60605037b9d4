import type { DBSchema, IDBPDatabase } from 'idb';
import { openStore } from '../shared/openStore';
import type {
  AuditLineBody,
  Catalog,
  DeviceEvent,
  Rating,
  RatingOffer,
  StaffSettings,
  WorkOrder,
} from '../../domain';

import { HALL_ADMIN_OUTBOX_DATABASE } from './database';

export { HALL_ADMIN_OUTBOX_DATABASE };

/** One write the hall server has not yet taken. Each carries the id the server dedupes on. */
export type AdminOutboxWrite =
  | { kind: 'offer'; offer: RatingOffer }
  | { kind: 'rating'; rating: Rating; offerId: string; order: WorkOrder | null }
  | { kind: 'audit'; line: AuditLineBody }
  | { kind: 'device-event'; event: DeviceEvent };

export type AdminOutboxEntry = AdminOutboxWrite & {
  /** The order made in (the store's own key). */
  key?: number;
  /** ISO moment it was queued. */
  queuedAt: string;
};

/** A queued write the server refused for good (kept for staff, never silently dropped). */
export interface AdminOutboxProblem {
  at: string;
  write: AdminOutboxWrite;
  reason: string;
}

export interface CachedCopy<T> {
  value: T;
  /** ISO moment the server gave it. */
  fetchedAt: string;
}

interface CacheValues {
  catalog: CachedCopy<Catalog | null>;
  settings: CachedCopy<StaffSettings>;
}

export interface AdminOutboxDb extends DBSchema {
  outbox: { key: number; value: AdminOutboxEntry };
  problems: { key: number; value: AdminOutboxProblem };
  cache: { key: keyof CacheValues; value: CacheValues[keyof CacheValues] };
}

export class AdminOutbox {
  readonly #db: Promise<IDBPDatabase<AdminOutboxDb>>;

  constructor(name: string = HALL_ADMIN_OUTBOX_DATABASE) {
    this.#db = openStore<AdminOutboxDb>(name, 1, {
      upgrade(db, oldVersion) {
        if (oldVersion < 1) {
          db.createObjectStore('outbox', { autoIncrement: true, keyPath: 'key' });
          db.createObjectStore('problems', { autoIncrement: true });
          db.createObjectStore('cache');
        }
      },
    });
  }

  /** Queues a write; durable when it resolves. Its key orders it after every earlier one. */
  async add(write: AdminOutboxWrite, now: Date): Promise<number> {
    const db = await this.#db;
    const entry: AdminOutboxEntry = { ...write, queuedAt: now.toISOString() };
    return db.add('outbox', entry);
  }

  /** The oldest write not yet taken, or null. */
  async oldest(): Promise<(AdminOutboxEntry & { key: number }) | null> {
    const db = await this.#db;
    const cursor = await db.transaction('outbox').store.openCursor();
    return cursor ? { ...cursor.value, key: cursor.key } : null;
  }

  async remove(key: number): Promise<void> {
    await (await this.#db).delete('outbox', key);
  }

  /** Moves a write the server refused for good to the problems, in one transaction. */
  async refuse(key: number, write: AdminOutboxWrite, reason: string, now: Date): Promise<void> {
    const db = await this.#db;
    const tx = db.transaction(['outbox', 'problems'], 'readwrite');
    await tx.objectStore('problems').add({ at: now.toISOString(), write, reason });
    await tx.objectStore('outbox').delete(key);
    await tx.done;
  }

  async pending(): Promise<AdminOutboxEntry[]> {
    return (await this.#db).getAll('outbox');
  }

  async problems(): Promise<AdminOutboxProblem[]> {
    return (await this.#db).getAll('problems');
  }

  async cached<K extends keyof CacheValues>(key: K): Promise<CacheValues[K] | undefined> {
    // Only `cache` below writes this store, and it keeps each key's own type.
    return (await (await this.#db).get('cache', key)) as CacheValues[K] | undefined;
  }

  async cache<K extends keyof CacheValues>(key: K, value: CacheValues[K]): Promise<void> {
    await (await this.#db).put('cache', value, key);
  }

  async close(): Promise<void> {
    (await this.#db).close();
  }
}

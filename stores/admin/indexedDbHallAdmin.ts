import type { DBSchema, IDBPDatabase } from 'idb';
import { openStore } from '../shared/openStore';
import {
  OPEN_ENTRY,
  type AuditEntry,
  type AuditRecord,
  DEVICE_EVENTS_KEPT,
  type Catalog,
  type DeviceEvent,
  type EntryLock,
  type HallAdmin,
  type PinRecord,
  type Rating,
  type RatingOffer,
  type StaffSettings,
  type WorkOrder,
} from '../../domain';
import { HALL_ADMIN_DATABASE } from './database';

/** What the `meta` store keeps under each key. */
interface Meta {
  pin: PinRecord;
  entryLock: EntryLock;
  catalog: Catalog;
  settings: StaffSettings;
}

interface AdminDb extends DBSchema {
  meta: { key: keyof Meta; value: Meta[keyof Meta] };
  audit: { key: number; value: AuditEntry };
  deviceEvents: { key: number; value: DeviceEvent };
  ratings: { key: string; value: Rating };
  offers: { key: string; value: RatingOffer };
  workOrders: { key: string; value: WorkOrder };
}

/**
 * The staff console's store in this browser's IndexedDB: the PIN's hash, the entry lock, the
 * catalog and settings as staff saved them, the audit log, device events, and 好差评's ratings,
 * offers and work orders. Every write is its own read-write transaction, committed before the
 * promise resolves. The log is only ever added to.
 */
export class IndexedDbHallAdmin implements HallAdmin {
  readonly #db: Promise<IDBPDatabase<AdminDb>>;
  readonly #kioskId: string;

  constructor(options: { kioskId: string; databaseName?: string }) {
    this.#kioskId = options.kioskId;
    this.#db = openStore<AdminDb>(options.databaseName ?? HALL_ADMIN_DATABASE, 3, {
      upgrade(db, oldVersion) {
        if (oldVersion < 1) {
          db.createObjectStore('meta');
          db.createObjectStore('audit', { keyPath: 'seq' });
        }
        // v2: device events (statuses, cards left on the reader) for the console's 设备状态.
        if (oldVersion < 2) db.createObjectStore('deviceEvents', { autoIncrement: true });
        // v3: 好差评, the ratings, the offers to rate and the work orders of bad ratings.
        if (oldVersion < 3) {
          db.createObjectStore('ratings', { keyPath: 'id' });
          db.createObjectStore('offers', { keyPath: 'id' });
          db.createObjectStore('workOrders', { keyPath: 'id' });
        }
      },
    });
  }

  async pin(): Promise<PinRecord | null> {
    return (await this.#get('pin')) ?? null;
  }

  setPin(record: PinRecord): Promise<void> {
    return this.#put('pin', record);
  }

  async entryLock(): Promise<EntryLock> {
    return (await this.#get('entryLock')) ?? OPEN_ENTRY;
  }

  setEntryLock(lock: EntryLock): Promise<void> {
    return this.#put('entryLock', lock);
  }

  async audit(record: AuditRecord, now: Date): Promise<AuditEntry> {
    const db = await this.#db;
    // The last number is read and the next added in one transaction: read-write transactions on
    // a store run one after another, so two appends never take the same number.
    const tx = db.transaction('audit', 'readwrite');
    const last = await tx.store.openCursor(null, 'prev');
    const entry: AuditEntry = {
      seq: (last?.value.seq ?? 0) + 1,
      at: now.toISOString(),
      kioskId: this.#kioskId,
      action: record.action,
      subject: record.subject,
      before: record.before,
      after: record.after,
    };
    await tx.store.add(entry);
    await tx.done;
    return entry;
  }

  async auditLog(): Promise<AuditEntry[]> {
    // Keys are the numbers, so the store's own order is the order written.
    return (await this.#db).getAll('audit');
  }

  async catalog(): Promise<Catalog | null> {
    return (await this.#get('catalog')) ?? null;
  }

  saveCatalog(catalog: Catalog): Promise<void> {
    return this.#put('catalog', catalog);
  }

  async settings(): Promise<StaffSettings> {
    return (await this.#get('settings')) ?? {};
  }

  saveSettings(settings: StaffSettings): Promise<void> {
    return this.#put('settings', settings);
  }

  async recordDeviceEvent(event: DeviceEvent): Promise<void> {
    const db = await this.#db;
    const tx = db.transaction('deviceEvents', 'readwrite');
    await tx.store.add(event);
    // Past the limit the oldest go, in the same transaction.
    const count = await tx.store.count();
    let cursor = count > DEVICE_EVENTS_KEPT ? await tx.store.openCursor() : null;
    for (let extra = count - DEVICE_EVENTS_KEPT; cursor && extra > 0; extra -= 1) {
      await cursor.delete();
      cursor = await cursor.continue();
    }
    await tx.done;
  }

  async deviceEvents(): Promise<DeviceEvent[]> {
    return (await (await this.#db).getAll('deviceEvents')).reverse();
  }

  async recordOffer(offer: RatingOffer): Promise<void> {
    const db = await this.#db;
    const tx = db.transaction('offers', 'readwrite');
    // A retry must not turn an offer already rated back into one not rated.
    if ((await tx.store.getKey(offer.id)) === undefined) await tx.store.add(offer);
    await tx.done;
  }

  async addRating(rating: Rating, offerId: string, order: WorkOrder | null): Promise<void> {
    if (order && order.ratingId !== rating.id)
      throw new Error(`work order ${order.id} is for rating ${order.ratingId}, not ${rating.id}`);
    const db = await this.#db;
    // One transaction: a rating is never kept without its offer marked, nor a bad one without its order.
    const tx = db.transaction(['offers', 'ratings', 'workOrders'], 'readwrite');
    settleQuietly(tx.done);
    try {
      const offers = tx.objectStore('offers');
      const offer = await offers.get(offerId);
      if (!offer) throw new Error(`no rating offer ${offerId}: record the offer before its rating`);
      if (offer.rated) throw new Error(`rating offer ${offerId} is already rated: one rating each`);
      await offers.put({ ...offer, rated: true });
      // add, not put: a rating or an order already kept under this id fails the whole transaction.
      await tx.objectStore('ratings').add(rating);
      if (order) await tx.objectStore('workOrders').add(order);
      await tx.done;
    } catch (error) {
      abortQuietly(tx);
      throw error;
    }
  }

  async ratings(): Promise<Rating[]> {
    return oldestFirst(await (await this.#db).getAll('ratings'), (r) => r.at);
  }

  async offers(): Promise<RatingOffer[]> {
    return oldestFirst(await (await this.#db).getAll('offers'), (o) => o.at);
  }

  async workOrders(): Promise<WorkOrder[]> {
    return oldestFirst(await (await this.#db).getAll('workOrders'), (o) => o.openedAt);
  }

  async saveWorkOrder(order: WorkOrder): Promise<void> {
    const db = await this.#db;
    const tx = db.transaction('workOrders', 'readwrite');
    settleQuietly(tx.done);
    if ((await tx.store.getKey(order.id)) === undefined) {
      abortQuietly(tx);
      throw new Error(
        `no work order ${order.id}: a work order is opened with its rating (addRating)`,
      );
    }
    await tx.store.put(order);
    await tx.done;
  }

  /** Closes the database (tests, and a reload in the chaos harness). */
  async close(): Promise<void> {
    (await this.#db).close();
  }

  async #get<K extends keyof Meta>(key: K): Promise<Meta[K] | undefined> {
    // Only #put writes `meta`, and it keeps each key's own type.
    return (await (await this.#db).get('meta', key)) as Meta[K] | undefined;
  }

  async #put<K extends keyof Meta>(key: K, value: Meta[K]): Promise<void> {
    const db = await this.#db;
    const tx = db.transaction('meta', 'readwrite');
    await tx.store.put(value, key);
    await tx.done;
  }
}

// Keys are ids, not times: the lists are put in time order here (a stable sort keeps ties as stored).
function oldestFirst<T>(values: T[], at: (value: T) => string): T[] {
  return values.sort((a, b) => Date.parse(at(a)) - Date.parse(at(b)));
}

// The caller is given the first error; the abort that follows it is expected, not unhandled.
function settleQuietly(done: Promise<void>): void {
  done.catch(() => undefined);
}

function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // Already aborted by the request that failed.
  }
}

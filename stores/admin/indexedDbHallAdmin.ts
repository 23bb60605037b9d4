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
  type StaffSettings,
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
}

/**
 * The staff console's store in this browser's IndexedDB: the PIN's hash, the entry lock, the
 * catalog and settings as staff saved them, and the audit log. Every write is its own read-write
 * transaction, committed before the promise resolves. The log is only ever added to.
 */
export class IndexedDbHallAdmin implements HallAdmin {
  readonly #db: Promise<IDBPDatabase<AdminDb>>;
  readonly #kioskId: string;

  constructor(options: { kioskId: string; databaseName?: string }) {
    this.#kioskId = options.kioskId;
    this.#db = openStore<AdminDb>(options.databaseName ?? HALL_ADMIN_DATABASE, 2, {
      upgrade(db, oldVersion) {
        if (oldVersion < 1) {
          db.createObjectStore('meta');
          db.createObjectStore('audit', { keyPath: 'seq' });
        }
        // v2: device events (statuses, cards left on the reader) for the console's 设备状态.
        if (oldVersion < 2) db.createObjectStore('deviceEvents', { autoIncrement: true });
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

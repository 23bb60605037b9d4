/**
 * What the staff console keeps and how entry to it is guarded (issue 13): the PIN record, the
 * entry lock after wrong PINs, the append-only audit log, the catalog as staff saved it and the
 * settings that win over `kiosk.config.json`. The console talks to a {@link HallAdmin} port:
 * IndexedDB on one kiosk now (stores/admin), the hall server over HTTP later.
 */
import type { Catalog } from './catalog';
import type { KioskConfig } from './kioskConfig';
import type { Rating, RatingOffer, WorkOrder } from './ratings';

/** A salted PBKDF2-SHA-256 hash of the console PIN; the PIN itself is never kept. */
export interface PinRecord {
  /** Base64 of the random salt (16 bytes). */
  salt: string;
  /** Base64 of the derived 32 bytes. */
  hash: string;
  iterations: number;
  /** ISO 8601 moment it was set. */
  setAt: string;
}

/** A console PIN: 6 to 12 digits (typed on the console's own pad). */
export const PIN_PATTERN = /^\d{6,12}$/;

/** Wrong PINs in a row that lock entry. */
export const WRONG_PINS_BEFORE_LOCK = 5;
/** The first lock's length; each lock after it, until a right PIN, is three times the last. */
export const FIRST_LOCK_MS = 5 * 60_000;
/** No lock is longer than a day. */
export const LONGEST_LOCK_MS = 24 * 60 * 60_000;

/** Wrong PINs since the last right one, and the lock they caused. */
export interface EntryLock {
  /** Wrong PINs since the last right one or the last lock. */
  wrong: number;
  /** Locks since the last right PIN: the next lock is longer for each. */
  locks: number;
  /** ISO 8601 moment entry opens again; null when not locked. */
  lockedUntil: string | null;
}

export const OPEN_ENTRY: EntryLock = { wrong: 0, locks: 0, lockedUntil: null };

/** Whether entry is locked at `now`. */
export function isEntryLocked(lock: EntryLock, now: Date): boolean {
  return lock.lockedUntil !== null && Date.parse(lock.lockedUntil) > now.getTime();
}

/** The lock after one more wrong PIN: the fifth in a row locks for 5, 15, 45 … minutes. */
export function afterWrongPin(lock: EntryLock, now: Date): EntryLock {
  const wrong = lock.wrong + 1;
  if (wrong < WRONG_PINS_BEFORE_LOCK) return { ...lock, wrong, lockedUntil: null };
  const length = Math.min(FIRST_LOCK_MS * 3 ** lock.locks, LONGEST_LOCK_MS);
  return {
    wrong: 0,
    locks: lock.locks + 1,
    lockedUntil: new Date(now.getTime() + length).toISOString(),
  };
}

/** What is written to the audit log: every entry, refusal, lockout, change and export. */
export type AuditAction =
  | 'pin-set'
  | 'entry'
  | 'entry-refused'
  | 'entry-locked'
  | 'exit'
  | 'item-change'
  | 'catalog-reorder'
  | 'catalog-import'
  | 'catalog-export'
  | 'settings-change'
  | 'print-settled'
  | 'test-print'
  | 'audit-export'
  | 'appointment-cancel'
  | 'appointment-move'
  | 'work-order'
  | 'ratings-export';

/** One line of the audit log: numbered in order, never changed or removed. */
export interface AuditEntry {
  /** 1, 2, 3 … in the order written. */
  seq: number;
  /** ISO 8601 moment. */
  at: string;
  kioskId: string;
  action: AuditAction;
  /** What it was about, in words: an item code, a setting's path, a print job's title. */
  subject: string;
  /** The value before and after (JSON), null where there is none (an entry, an export). */
  before: unknown;
  after: unknown;
}

export type AuditRecord = Omit<AuditEntry, 'seq' | 'at' | 'kioskId'>;

/**
 * The settings staff change in the console; each present one wins over the file's. The device
 * profile is not among them: changing it needs the PIN again and a restart (left for later).
 */
export type StaffSettings = Partial<
  Pick<KioskConfig, 'hall' | 'officeHours' | 'calendar' | 'queue' | 'session' | 'defaultLocale'>
>;

/**
 * Something a device did that staff should see later: a status it reported (a jam, paper out,
 * back online) or a card left on the reader when a visit ended. Nothing of the card is kept.
 */
export interface DeviceEvent {
  /** ISO 8601 moment. */
  at: string;
  /** The device kind (`idCard`, `document`, …). */
  device: string;
  /** The status it reported, or `card-left` (a card lay on the reader when the visit ended). */
  what: string;
}

/** How many device events are kept; the oldest go first. */
export const DEVICE_EVENTS_KEPT = 500;

/** The console's store. Each write is durable before it resolves. */
export interface HallAdmin {
  pin(): Promise<PinRecord | null>;
  setPin(record: PinRecord): Promise<void>;
  entryLock(): Promise<EntryLock>;
  setEntryLock(lock: EntryLock): Promise<void>;
  /** Appends to the audit log; returns the entry as written (its number and time). */
  audit(record: AuditRecord, now: Date): Promise<AuditEntry>;
  /** The whole log, oldest first. */
  auditLog(): Promise<AuditEntry[]>;
  /** The catalog as staff last saved it; null when they never did (the file's stands). */
  catalog(): Promise<Catalog | null>;
  saveCatalog(catalog: Catalog): Promise<void>;
  settings(): Promise<StaffSettings>;
  saveSettings(settings: StaffSettings): Promise<void>;
  /** Keeps a device event (the newest DEVICE_EVENTS_KEPT are kept). */
  recordDeviceEvent(event: DeviceEvent): Promise<void>;
  /** The device events kept, newest first. */
  deviceEvents(): Promise<DeviceEvent[]>;
  /** Keeps a rating offered, not yet rated; an offer already kept under its id stays as it is. */
  recordOffer(offer: RatingOffer): Promise<void>;
  /**
   * Keeps a rating and the work order it opened (a bad one; null for others) and marks its offer
   * rated, all in one transaction. Refuses an offer it does not have or one already rated.
   */
  addRating(rating: Rating, offerId: string, order: WorkOrder | null): Promise<void>;
  /** Every rating, oldest first. The call-back phone is kept here and nowhere else. */
  ratings(): Promise<Rating[]>;
  /** Every offer, rated or not, oldest first. */
  offers(): Promise<RatingOffer[]>;
  /** Every work order, oldest first. */
  workOrders(): Promise<WorkOrder[]>;
  /** Replaces the work order with the same id; refuses one it does not have. */
  saveWorkOrder(order: WorkOrder): Promise<void>;
}

import type {
  AuditEntry,
  AuditRecord,
  Catalog,
  DeviceEvent,
  EntryLock,
  HallAdmin,
  HallDeviceEvent,
  PinRecord,
  Rating,
  RatingOffer,
  StaffSettings,
  WorkOrder,
} from '../../domain';
import {
  AdminOutbox,
  type AdminOutboxEntry,
  type AdminOutboxProblem,
  type AdminOutboxWrite,
} from './adminOutbox';
import { HallRefusedError, HallUnreachableError } from './hallClient';
import type { HttpHallAdmin } from './httpHallAdmin';

export interface HallBackedAdminOptions {
  /** This kiosk's own console store: the PIN and its entry lock stay here. */
  local: HallAdmin;
  /** The hall server, with this kiosk's token. */
  remote: HttpHallAdmin;
  kioskId: string;
  /** The outbox and cache database (default `budayang-hall-admin`). */
  outboxName?: string;
  now?: () => Date;
  /** How often queued writes are tried again (default 30 s); after an outage, writes wait this long. */
  retryEveryMs?: number;
  /** A cached catalog older than this is fetched again behind the visit (default 60 s). */
  refreshCatalogMs?: number;
}

/** A list of the hall that the kiosk could not read (server away, or not a kiosk's to read). */
export class HallListUnavailableError extends Error {
  constructor(what: string, cause: unknown) {
    const away = cause instanceof HallUnreachableError;
    super(
      away
        ? `${what}：大厅服务器暂时无法连接，请稍后再看 / The hall server cannot be reached; the ${what} list cannot be read now`
        : `${what}：请在大厅服务器的管理页面（/admin）用工作人员账号查看 / Read the ${what} list on the hall server's admin page (/admin) with a staff login`,
      { cause },
    );
    this.name = 'HallListUnavailableError';
  }
}

/** The hall's catalog and settings are changed on its admin page, not at a kiosk. */
export class HallManagedError extends Error {
  constructor(what: string, cause?: unknown) {
    super(
      `${what}由大厅统一管理，请在大厅服务器的管理页面（/admin）修改 / The hall keeps one ${what} for every kiosk: change it on the hall server's admin page (/admin)`,
      { cause },
    );
    this.name = 'HallManagedError';
  }
}

type Outcome = { sent: true } | { refused: HallRefusedError };

/**
 * A kiosk's console store when the kiosk is configured with a hall server (issue 15). The PIN
 * and entry lock stay on the kiosk (`local`). The catalog and settings are the hall's: read from
 * the server and cached here, so a kiosk cut off still starts with the last copy it had (and
 * one that never reached the server, with what its own console saved before). Offers, ratings,
 * audit lines and device events go to the server; when it does not answer they wait in an
 * IndexedDB outbox, kept through the privacy wipe, and are sent later in the order made — each
 * with the id the server dedupes on, so none is lost and none kept twice. The lists (ratings,
 * work orders, the audit log) are the server's: when they cannot be read the error says so.
 */
export class HallBackedAdmin implements HallAdmin {
  readonly #local: HallAdmin;
  readonly #remote: HttpHallAdmin;
  readonly #kioskId: string;
  readonly #outbox: AdminOutbox;
  readonly #now: () => Date;
  readonly #retryEveryMs: number;
  readonly #refreshCatalogMs: number;
  readonly #timer: ReturnType<typeof setInterval>;
  /** What became of the writes a caller is waiting on. */
  readonly #outcomes = new Map<number, Outcome>();
  readonly #waiting = new Set<number>();
  #flushing: Promise<void> | null = null;
  #again = false;
  /** Until when writes only queue (the server did not answer a moment ago). */
  #awayUntil = 0;
  #refreshing: Promise<unknown> | null = null;

  constructor(options: HallBackedAdminOptions) {
    this.#local = options.local;
    this.#remote = options.remote;
    this.#kioskId = options.kioskId;
    this.#outbox = new AdminOutbox(options.outboxName);
    this.#now = options.now ?? (() => new Date());
    this.#retryEveryMs = options.retryEveryMs ?? 30_000;
    this.#refreshCatalogMs = options.refreshCatalogMs ?? 60_000;
    this.#timer = setInterval(() => void this.flush(true), this.#retryEveryMs);
  }

  // ─── kept on the kiosk ──────────────────────────────────────────────────────────────────

  pin(): Promise<PinRecord | null> {
    return this.#local.pin();
  }

  setPin(record: PinRecord): Promise<void> {
    return this.#local.setPin(record);
  }

  entryLock(): Promise<EntryLock> {
    return this.#local.entryLock();
  }

  setEntryLock(lock: EntryLock): Promise<void> {
    return this.#local.setEntryLock(lock);
  }

  // ─── the hall's, cached ─────────────────────────────────────────────────────────────────

  /**
   * The last copy this kiosk has, at once (a visit never waits on the network), refreshed from
   * the server behind it when older than a minute; without a copy, the server's answer; without
   * either, what this kiosk's own console saved before the hall server (null: the file's).
   */
  async catalog(): Promise<Catalog | null> {
    const cached = await this.#outbox.cached('catalog');
    if (cached) {
      if (Date.parse(cached.fetchedAt) + this.#refreshCatalogMs <= this.#now().getTime())
        void this.refreshCatalog().catch(() => undefined);
      return cached.value;
    }
    try {
      return await this.refreshCatalog();
    } catch (error) {
      if (!(error instanceof HallUnreachableError)) throw error;
      return this.#local.catalog();
    }
  }

  /** Reads the catalog from the server into the cache (one read at a time). */
  async refreshCatalog(): Promise<Catalog | null> {
    this.#refreshing ??= (async () => {
      try {
        const catalog = await this.#remote.catalog();
        await this.#outbox.cache('catalog', {
          value: catalog,
          fetchedAt: this.#now().toISOString(),
        });
        return catalog;
      } finally {
        this.#refreshing = null;
      }
    })();
    return this.#refreshing as Promise<Catalog | null>;
  }

  /**
   * The server's settings (read at start), cached; when it does not answer, the last copy; with
   * none, what this kiosk's own console saved before.
   */
  async settings(): Promise<StaffSettings> {
    try {
      const settings = await this.#remote.settings();
      await this.#outbox.cache('settings', {
        value: settings,
        fetchedAt: this.#now().toISOString(),
      });
      return settings;
    } catch (error) {
      if (!(error instanceof HallUnreachableError)) throw error;
      const cached = await this.#outbox.cached('settings');
      return cached ? cached.value : this.#local.settings();
    }
  }

  saveCatalog(): Promise<void> {
    return Promise.reject(new HallManagedError('事项目录 / catalog'));
  }

  saveSettings(): Promise<void> {
    return Promise.reject(new HallManagedError('设置 / settings'));
  }

  // ─── written to the hall, through the outbox ────────────────────────────────────────────

  /**
   * The line as the hall numbered it; while the server does not answer, the line as queued with
   * `seq` 0 (the hall numbers it when it arrives).
   */
  async audit(record: AuditRecord, now: Date): Promise<AuditEntry> {
    const line = { id: crypto.randomUUID(), at: now.toISOString(), ...record };
    await this.#write({ kind: 'audit', line });
    return { seq: 0, at: line.at, kioskId: this.#kioskId, ...record };
  }

  async recordDeviceEvent(event: DeviceEvent): Promise<void> {
    await this.#write({ kind: 'device-event', event });
  }

  async recordOffer(offer: RatingOffer): Promise<void> {
    await this.#write({ kind: 'offer', offer });
  }

  /** Refused (HallRefusedError, 409) when the hall has no such offer or it is already rated. */
  async addRating(rating: Rating, offerId: string, order: WorkOrder | null): Promise<void> {
    if (order && order.ratingId !== rating.id)
      throw new Error(`work order ${order.id} is for rating ${order.ratingId}, not ${rating.id}`);
    await this.#write({ kind: 'rating', rating, offerId, order });
  }

  /**
   * Sends what waits, oldest first, one at a time, until the outbox is empty or the server does
   * not answer. A write the server refuses for good moves to the problems (kept, and logged).
   * Never rejects. `retry`: try even while the last outage is recent (the timer's call).
   */
  flush(retry = false): Promise<void> {
    if (!retry && this.#now().getTime() < this.#awayUntil) return Promise.resolve();
    if (this.#flushing) {
      this.#again = true;
      return this.#flushing;
    }
    this.#flushing = this.#drain()
      .catch((error: unknown) => console.error('The hall outbox could not be read', error))
      .finally(() => {
        this.#flushing = null;
        if (this.#again) {
          this.#again = false;
          void this.flush();
        }
      });
    return this.#flushing;
  }

  /** What still waits to be sent, oldest first. */
  pending(): Promise<AdminOutboxEntry[]> {
    return this.#outbox.pending();
  }

  /** Writes the server refused for good. */
  problems(): Promise<AdminOutboxProblem[]> {
    return this.#outbox.problems();
  }

  async #write(write: AdminOutboxWrite): Promise<void> {
    // Durable here first: whatever the network does next, it is not lost.
    const key = await this.#outbox.add(write, this.#now());
    this.#waiting.add(key);
    try {
      await this.flush();
      // A flush under way when it was queued may have ended before reaching it: the next one does.
      if (!this.#outcomes.has(key) && this.#flushing) await this.#flushing;
    } finally {
      this.#waiting.delete(key);
    }
    const outcome = this.#outcomes.get(key);
    this.#outcomes.delete(key);
    if (outcome && 'refused' in outcome) throw outcome.refused;
  }

  async #drain(): Promise<void> {
    for (let entry = await this.#outbox.oldest(); entry; entry = await this.#outbox.oldest()) {
      try {
        await this.#send(entry);
        await this.#outbox.remove(entry.key);
        if (this.#waiting.has(entry.key)) this.#outcomes.set(entry.key, { sent: true });
        this.#awayUntil = 0;
      } catch (error) {
        if (error instanceof HallRefusedError && error.status !== 401 && error.status < 500) {
          console.error('The hall server refused a queued write; kept for staff', error);
          await this.#outbox.refuse(entry.key, writeOf(entry), error.message, this.#now());
          if (this.#waiting.has(entry.key)) this.#outcomes.set(entry.key, { refused: error });
          continue;
        }
        // Not answering, or a fault to be put right (a token, the server): tried again later,
        // in the same order.
        this.#awayUntil = this.#now().getTime() + this.#retryEveryMs;
        if (!(error instanceof HallUnreachableError))
          console.error('The hall server did not take a queued write; tried again later', error);
        return;
      }
    }
  }

  #send(entry: AdminOutboxEntry): Promise<unknown> {
    switch (entry.kind) {
      case 'offer':
        return this.#remote.recordOffer(entry.offer);
      case 'rating':
        return this.#remote.addRating(entry.rating, entry.offerId, entry.order);
      case 'audit':
        return this.#remote.sendAuditLine(entry.line);
      case 'device-event':
        return this.#remote.recordDeviceEvent(entry.event);
    }
  }

  // ─── the hall's lists ───────────────────────────────────────────────────────────────────

  auditLog(): Promise<AuditEntry[]> {
    return this.#list('审计日志 / audit log', () => this.#remote.auditLog());
  }

  deviceEvents(): Promise<HallDeviceEvent[]> {
    return this.#list('设备事件 / device events', () => this.#remote.hallDeviceEvents());
  }

  ratings(): Promise<Rating[]> {
    return this.#list('评价 / ratings', () => this.#remote.ratings());
  }

  offers(): Promise<RatingOffer[]> {
    return this.#list('评价邀请 / rating offers', () => this.#remote.offers());
  }

  workOrders(): Promise<WorkOrder[]> {
    return this.#list('工单 / work orders', () => this.#remote.workOrders());
  }

  async saveWorkOrder(order: WorkOrder): Promise<void> {
    try {
      await this.#remote.saveWorkOrder(order);
    } catch (error) {
      if (error instanceof HallRefusedError && (error.status === 401 || error.status === 403))
        throw new HallManagedError('工单 / work orders', error);
      throw error;
    }
  }

  async #list<T>(what: string, read: () => Promise<T>): Promise<T> {
    try {
      return await read();
    } catch (error) {
      if (
        error instanceof HallUnreachableError ||
        (error instanceof HallRefusedError && (error.status === 401 || error.status === 403))
      )
        throw new HallListUnavailableError(what, error);
      throw error;
    }
  }

  /** Stops the retries and closes the outbox (tests, a reload). */
  async close(): Promise<void> {
    clearInterval(this.#timer);
    await this.#flushing;
    await this.#outbox.close();
  }
}

function writeOf(entry: AdminOutboxEntry): AdminOutboxWrite {
  const { key: _key, queuedAt: _queuedAt, ...write } = entry;
  return write as AdminOutboxWrite;
}

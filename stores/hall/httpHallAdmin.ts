import type {
  AuditEntry,
  AuditLineBody,
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
import { HallClient, type HallFetch } from './hallClient';

export interface HttpHallAdminOptions {
  /** The hall server's address: absolute, or a path on this page's origin (`/`). */
  baseUrl: string;
  /** A kiosk's token, or a staff session's token from `POST /api/staff/login`. */
  token: string;
  /** The browser's `fetch` by default; in tests one that hands the request to the app. */
  fetch?: HallFetch;
  /** The clock for lines this client dates itself ({@link HttpHallAdmin.auditNow}). */
  now?: () => Date;
  /** Each call's bound (default 5 s): past it the server counts as unreachable. */
  timeoutMs?: number;
}

/** Audit lines asked for per call when the whole log is read. */
const AUDIT_PAGE = 1_000;

/**
 * The hall's staff-console data on the hall server (`/api/admin/*`, hall-server/README.md): the
 * catalog and settings kept once for the hall, the audit log, device events, 好差评's offers,
 * ratings and work orders. With a kiosk's token it acts as that kiosk (reads the catalog and
 * settings, writes offers, ratings, device events and audit lines); with an admin's session it
 * may do everything; a window session only reads.
 *
 * A server that does not answer is `HallUnreachableError`; a refusal (a bad catalog with every
 * problem, an unknown offer, a missing right) is `HallRefusedError` with the server's reasons.
 *
 * The console PIN and its entry lock are not the hall's: each kiosk keeps its own (see
 * HallBackedAdmin), so those four methods throw.
 */
export class HttpHallAdmin implements HallAdmin {
  readonly #client: HallClient;
  readonly #now: () => Date;

  constructor(options: HttpHallAdminOptions) {
    this.#client = new HallClient({
      url: options.baseUrl,
      token: options.token,
      fetch: options.fetch ?? ((request: Request) => fetch(request)),
      timeoutMs: options.timeoutMs ?? 5_000,
    });
    this.#now = options.now ?? (() => new Date());
  }

  pin(): Promise<PinRecord | null> {
    return Promise.reject(notTheHalls('pin'));
  }

  setPin(): Promise<void> {
    return Promise.reject(notTheHalls('setPin'));
  }

  entryLock(): Promise<EntryLock> {
    return Promise.reject(notTheHalls('entryLock'));
  }

  setEntryLock(): Promise<void> {
    return Promise.reject(notTheHalls('setEntryLock'));
  }

  /** Appends a line (a fresh id); the server numbers it and names the writer. */
  audit(record: AuditRecord, now: Date): Promise<AuditEntry> {
    return this.sendAuditLine({ id: crypto.randomUUID(), at: now.toISOString(), ...record });
  }

  /** {@link audit} dated by this client's clock. */
  auditNow(record: AuditRecord): Promise<AuditEntry> {
    return this.audit(record, this.#now());
  }

  /**
   * Sends one line with its own id: sent again (a retry from an outbox), the server answers with
   * the line it kept the first time, never a second one.
   */
  async sendAuditLine(line: AuditLineBody): Promise<AuditEntry> {
    const answer = await this.#client.call<{ entry: AuditEntry }>(
      'POST',
      '/api/admin/audit',
      line,
      [200, 201],
    );
    return answer.body.entry;
  }

  /** The hall's whole log, oldest first (read in pages of 1000). */
  async auditLog(): Promise<AuditEntry[]> {
    const all: AuditEntry[] = [];
    for (;;) {
      const after = all.at(-1)?.seq ?? 0;
      const page = await this.auditAfter(after, AUDIT_PAGE);
      all.push(...page);
      if (page.length < AUDIT_PAGE) return all;
    }
  }

  /** The lines numbered after `after`, oldest first, at most `limit` (1–1000). */
  async auditAfter(after: number, limit: number): Promise<AuditEntry[]> {
    const answer = await this.#client.call<{ entries: AuditEntry[] }>(
      'GET',
      `/api/admin/audit?after=${after}&limit=${limit}`,
      undefined,
      [200],
    );
    return answer.body.entries;
  }

  async catalog(): Promise<Catalog | null> {
    const answer = await this.#client.call<{ catalog: Catalog | null }>(
      'GET',
      '/api/admin/catalog',
      undefined,
      [200],
    );
    return answer.body.catalog;
  }

  /** Refused whole (HallRefusedError, 400, every problem as `<item code> <field>: …`). */
  async saveCatalog(catalog: Catalog): Promise<void> {
    await this.#client.call('PUT', '/api/admin/catalog', { catalog }, [200]);
  }

  async settings(): Promise<StaffSettings> {
    const answer = await this.#client.call<{ settings: StaffSettings }>(
      'GET',
      '/api/admin/settings',
      undefined,
      [200],
    );
    return answer.body.settings;
  }

  /** Refused whole (400) when a setting would make the hall's configuration invalid. */
  async saveSettings(settings: StaffSettings): Promise<void> {
    await this.#client.call('PUT', '/api/admin/settings', { settings }, [200]);
  }

  /** As the token's kiosk (a staff session must use {@link recordDeviceEventOf}). */
  async recordDeviceEvent(event: DeviceEvent): Promise<void> {
    await this.#client.call('POST', '/api/admin/device-events', { event }, [201]);
  }

  async recordDeviceEventOf(kioskId: string, event: DeviceEvent): Promise<void> {
    await this.#client.call('POST', '/api/admin/device-events', { kioskId, event }, [201]);
  }

  /**
   * Newest first: a kiosk's token reads its own; a staff session every kiosk's (each event names
   * its kiosk).
   */
  deviceEvents(): Promise<HallDeviceEvent[]> {
    return this.hallDeviceEvents();
  }

  /** Newest first, of one kiosk or (staff, no kioskId) of every kiosk of the hall. */
  async hallDeviceEvents(kioskId?: string): Promise<HallDeviceEvent[]> {
    const query = kioskId === undefined ? '' : `?kioskId=${encodeURIComponent(kioskId)}`;
    const answer = await this.#client.call<{ events: HallDeviceEvent[] }>(
      'GET',
      `/api/admin/device-events${query}`,
      undefined,
      [200],
    );
    return answer.body.events;
  }

  async recordOffer(offer: RatingOffer): Promise<void> {
    await this.#client.call('POST', '/api/admin/offers', { offer }, [200, 201]);
  }

  /** 200 for a rating the server already kept under this id (a retry): nothing twice. */
  async addRating(rating: Rating, offerId: string, order: WorkOrder | null): Promise<void> {
    await this.#client.call('POST', '/api/admin/ratings', { rating, offerId, order }, [200, 201]);
  }

  async ratings(): Promise<Rating[]> {
    return (await this.#list<Rating>('ratings')).ratings;
  }

  async offers(): Promise<RatingOffer[]> {
    return (await this.#list<RatingOffer>('offers')).offers;
  }

  async workOrders(): Promise<WorkOrder[]> {
    return (await this.#list<WorkOrder>('work-orders')).workOrders;
  }

  async saveWorkOrder(order: WorkOrder): Promise<void> {
    await this.#client.call(
      'PUT',
      `/api/admin/work-orders/${encodeURIComponent(order.id)}`,
      { order },
      [200],
    );
  }

  async #list<T>(what: 'ratings' | 'offers' | 'work-orders') {
    const answer = await this.#client.call<{ ratings: T[]; offers: T[]; workOrders: T[] }>(
      'GET',
      `/api/admin/${what}`,
      undefined,
      [200],
    );
    return answer.body;
  }
}

function notTheHalls(method: string): Error {
  return new Error(
    `HttpHallAdmin.${method}: the console PIN and its entry lock are kept on each kiosk, not on the hall server (use the kiosk's own store) / 控制台密码和锁定保存在每台终端本机，不在大厅服务器`,
  );
}

import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import {
  checkIssuing,
  issuingWindowAt,
  ticketNumber,
  type AllocateResult,
  type CalendarDate,
  type QueueService,
  type QueueServiceConfig,
  type QueueTicket,
  type TicketRequest,
} from '../../domain';

interface StoredTicket extends QueueTicket {
  holderKey: string | null;
  /** The start of the issuing window it was issued in. */
  window: string | null;
  /** Which page instance issued it; an unprinted ticket of another instance was cut off by a reload. */
  instance: string;
}

interface QueueDb extends DBSchema {
  tickets: {
    key: string;
    value: StoredTicket;
    indexes: { byServiceDay: [string, string] };
  };
}

export const QUEUE_DATABASE = 'budayang-queue';

/**
 * Queue numbers allocated in this browser's IndexedDB: atomic for one kiosk (each allocation is
 * one read-write transaction), surviving reloads. A ticket whose page was reloaded before it was
 * printed is handed to the next citizen of that service, so a reload neither skips nor doubles a
 * number. A hall server behind the same port will let several kiosks share one sequence.
 */
export class IndexedDbQueueService implements QueueService {
  readonly #db: Promise<IDBPDatabase<QueueDb>>;
  readonly #services: ReadonlyMap<string, QueueServiceConfig>;
  readonly #instance: string;
  readonly #now: () => Date;

  constructor(options: {
    services: readonly QueueServiceConfig[];
    databaseName?: string;
    now?: () => Date;
  }) {
    this.#services = new Map(options.services.map((s) => [s.code, s]));
    this.#instance = crypto.randomUUID();
    this.#now = options.now ?? (() => new Date());
    this.#db = openDB<QueueDb>(options.databaseName ?? QUEUE_DATABASE, 1, {
      upgrade(db) {
        const tickets = db.createObjectStore('tickets', { keyPath: 'id' });
        tickets.createIndex('byServiceDay', ['serviceCode', 'date']);
      },
    });
  }

  async allocate(request: TicketRequest): Promise<AllocateResult> {
    const service = this.#services.get(request.serviceCode);
    if (!service) return { ok: false, refusal: { reason: 'unknown-service' } };
    const db = await this.#db;
    const tx = db.transaction('tickets', 'readwrite');
    const today = await tx.store.index('byServiceDay').getAll([request.serviceCode, request.date]);

    const held = request.holderKey
      ? today.find((t) => t.holderKey === request.holderKey)
      : undefined;
    if (held) {
      await tx.done;
      return { ok: true, ticket: publicTicket(held), reprint: true };
    }

    const issuedAt = this.#now().toISOString();
    const orphan = today
      .filter((t) => !t.printed && t.instance !== this.#instance)
      .sort((a, b) => a.sequence - b.sequence)[0];
    if (orphan) {
      const adopted: StoredTicket = {
        ...orphan,
        holderKey: request.holderKey,
        maskedId: request.maskedId,
        priority: request.priority,
        issuedAt,
        instance: this.#instance,
      };
      await tx.store.put(adopted);
      await tx.done;
      return { ok: true, ticket: publicTicket(adopted), reprint: false };
    }

    const byWindow: Record<string, number> = {};
    for (const t of today) if (t.window) byWindow[t.window] = (byWindow[t.window] ?? 0) + 1;
    const refusal = checkIssuing(service, request.time, { today: today.length, byWindow });
    if (refusal) {
      await tx.done;
      return { ok: false, refusal };
    }
    const sequence = today.reduce((max, t) => Math.max(max, t.sequence), 0) + 1;
    const ticket: StoredTicket = {
      id: crypto.randomUUID(),
      serviceCode: service.code,
      date: request.date,
      number: ticketNumber(service.prefix, sequence),
      sequence,
      priority: request.priority,
      issuedAt,
      waitingAhead: today.length,
      maskedId: request.maskedId,
      printed: false,
      holderKey: request.holderKey,
      window: issuingWindowAt(service, request.time)?.start ?? null,
      instance: this.#instance,
    };
    await tx.store.add(ticket);
    await tx.done;
    return { ok: true, ticket: publicTicket(ticket), reprint: false };
  }

  async markPrinted(ticketId: string): Promise<void> {
    const db = await this.#db;
    const tx = db.transaction('tickets', 'readwrite');
    const ticket = await tx.store.get(ticketId);
    if (!ticket) throw new Error(`No ticket ${ticketId} to mark printed`);
    await tx.store.put({ ...ticket, printed: true });
    await tx.done;
  }

  async issued(serviceCode: string, date: CalendarDate): Promise<QueueTicket[]> {
    const db = await this.#db;
    const tickets = await db.getAllFromIndex('tickets', 'byServiceDay', [serviceCode, date]);
    return tickets.sort((a, b) => a.sequence - b.sequence).map(publicTicket);
  }

  async close(): Promise<void> {
    (await this.#db).close();
  }
}

function publicTicket(stored: StoredTicket): QueueTicket {
  const { holderKey: _holder, window: _window, instance: _instance, ...ticket } = stored;
  return ticket;
}

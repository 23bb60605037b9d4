import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import {
  DEFAULT_APPOINTMENT_RULES,
  appointmentSlots,
  checkInTiming,
  checkIssuing,
  issuingWindowAt,
  ticketNumber,
  type AllocateResult,
  type Appointment,
  type AppointmentRules,
  type BookingRequest,
  type BookResult,
  type CalendarDate,
  type CheckInRequest,
  type CheckInResult,
  type ClockTime,
  type OfficeHours,
  type QueueService,
  type QueueServiceConfig,
  type QueueTicket,
  type TicketRequest,
} from '../../domain';
import { QUEUE_DATABASE } from './database';

interface StoredTicket extends QueueTicket {
  holderKey: string | null;
  /** The start of the issuing window it was issued in. */
  window: string | null;
  /**
   * Which page instance issued it ('' once released); a ticket not handed out that another
   * instance issued was cut off by a reload.
   */
  instance: string;
  /** Shown on screen or sent to the printer: the citizen's, never handed on (absent before v3). */
  handedOut?: boolean;
}

interface StoredAppointment extends Appointment {
  holderKey: string;
}

interface QueueDb extends DBSchema {
  tickets: {
    key: string;
    value: StoredTicket;
    indexes: { byServiceDay: [string, string] };
  };
  appointments: {
    key: string;
    value: StoredAppointment;
    indexes: { byServiceDay: [string, string]; byHolder: string };
  };
}

/**
 * Queue numbers allocated in this browser's IndexedDB: atomic for one kiosk (each allocation is
 * one read-write transaction), surviving reloads. A ticket is handed out (markHandedOut) before it
 * is sent to the printer or shown; one that never was (the page reloaded, or the citizen left while
 * it was allocated) goes to the next citizen of that service, so a reload neither skips nor
 * doubles a number. A hall server behind the same port will let several kiosks share one sequence.
 */
export class IndexedDbQueueService implements QueueService {
  readonly #db: Promise<IDBPDatabase<QueueDb>>;
  readonly #services: ReadonlyMap<string, QueueServiceConfig>;
  readonly #instance: string;
  readonly #now: () => Date;
  readonly #rules: AppointmentRules;
  readonly #hours: OfficeHours | null;

  constructor(options: {
    services: readonly QueueServiceConfig[];
    /** The windows' hours, cut into appointment slots; without them nothing can be booked. */
    officeHours?: OfficeHours;
    appointments?: AppointmentRules;
    databaseName?: string;
    now?: () => Date;
  }) {
    this.#services = new Map(options.services.map((s) => [s.code, s]));
    this.#rules = options.appointments ?? DEFAULT_APPOINTMENT_RULES;
    this.#hours = options.officeHours ?? null;
    this.#instance = crypto.randomUUID();
    this.#now = options.now ?? (() => new Date());
    this.#db = openDB<QueueDb>(options.databaseName ?? QUEUE_DATABASE, 2, {
      upgrade(db, oldVersion) {
        if (oldVersion < 1) {
          const tickets = db.createObjectStore('tickets', { keyPath: 'id' });
          tickets.createIndex('byServiceDay', ['serviceCode', 'date']);
        }
        if (oldVersion < 2) {
          const appointments = db.createObjectStore('appointments', { keyPath: 'id' });
          appointments.createIndex('byServiceDay', ['serviceCode', 'date']);
          appointments.createIndex('byHolder', 'holderKey');
        }
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
      .filter((t) => !t.printed && !t.handedOut && t.instance !== this.#instance)
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

  markHandedOut(ticketId: string): Promise<void> {
    return this.#update(ticketId, 'mark handed out', (t) => ({ ...t, handedOut: true }));
  }

  markPrinted(ticketId: string): Promise<void> {
    return this.#update(ticketId, 'mark printed', (t) => ({
      ...t,
      handedOut: true,
      printed: true,
    }));
  }

  release(ticketId: string): Promise<void> {
    return this.#update(ticketId, 'release', (t) =>
      t.handedOut || t.printed ? t : { ...t, instance: '' },
    );
  }

  async #update(
    ticketId: string,
    what: string,
    change: (ticket: StoredTicket) => StoredTicket,
  ): Promise<void> {
    const db = await this.#db;
    const tx = db.transaction('tickets', 'readwrite');
    const ticket = await tx.store.get(ticketId);
    if (!ticket) throw new Error(`No ticket ${ticketId} to ${what}`);
    await tx.store.put(change(ticket));
    await tx.done;
  }

  async issued(serviceCode: string, date: CalendarDate): Promise<QueueTicket[]> {
    const db = await this.#db;
    const tickets = await db.getAllFromIndex('tickets', 'byServiceDay', [serviceCode, date]);
    return tickets.sort((a, b) => a.sequence - b.sequence).map(publicTicket);
  }

  async placesLeft(
    serviceCode: string,
    dates: readonly CalendarDate[],
  ): Promise<Record<CalendarDate, Record<ClockTime, number>>> {
    const db = await this.#db;
    const slots = this.#hours ? appointmentSlots(this.#hours, this.#rules.slotMinutes) : [];
    const left: Record<CalendarDate, Record<ClockTime, number>> = {};
    for (const date of dates) {
      const booked = await db.getAllFromIndex('appointments', 'byServiceDay', [serviceCode, date]);
      left[date] = Object.fromEntries(
        slots.map((slot) => [
          slot.start,
          Math.max(
            0,
            this.#rules.capacityPerSlot - booked.filter((a) => a.slot.start === slot.start).length,
          ),
        ]),
      );
    }
    return left;
  }

  async book(request: BookingRequest): Promise<BookResult> {
    if (!this.#services.has(request.serviceCode)) return { ok: false, reason: 'unknown-service' };
    const db = await this.#db;
    const tx = db.transaction('appointments', 'readwrite');
    const sameDay = await tx.store
      .index('byServiceDay')
      .getAll([request.serviceCode, request.date]);
    const mine = sameDay.find((a) => a.holderKey === request.holderKey);
    if (mine) {
      await tx.done;
      return { ok: false, reason: 'already-booked', appointment: publicAppointment(mine) };
    }
    if (
      sameDay.filter((a) => a.slot.start === request.slot.start).length >=
      this.#rules.capacityPerSlot
    ) {
      await tx.done;
      return { ok: false, reason: 'slot-full' };
    }
    const appointment: StoredAppointment = {
      id: crypto.randomUUID(),
      serviceCode: request.serviceCode,
      date: request.date,
      slot: request.slot,
      holderKey: request.holderKey,
      maskedId: request.maskedId,
      maskedPhone: request.maskedPhone,
      bookedAt: this.#now().toISOString(),
      ticketId: null,
    };
    await tx.store.add(appointment);
    await tx.done;
    return { ok: true, appointment: publicAppointment(appointment) };
  }

  async checkIn(request: CheckInRequest): Promise<CheckInResult> {
    const db = await this.#db;
    const tx = db.transaction(['appointments', 'tickets'], 'readwrite');
    const appointments = tx.objectStore('appointments');
    const candidates =
      'appointmentId' in request
        ? [await appointments.get(request.appointmentId)].filter((a) => a !== undefined)
        : await appointments.index('byHolder').getAll(request.holderKey);
    // A card may hold several appointments: today's comes first, then the nearest.
    const appointment = candidates.sort((a, b) =>
      a.date === request.today ? -1 : b.date === request.today ? 1 : a.date.localeCompare(b.date),
    )[0];
    const service = appointment && this.#services.get(appointment.serviceCode);
    if (!appointment || !service) {
      await tx.done;
      return { ok: false, reason: 'unknown-appointment' };
    }
    const tickets = tx.objectStore('tickets');
    if (appointment.ticketId) {
      const ticket = await tickets.get(appointment.ticketId);
      await tx.done;
      if (ticket)
        return {
          ok: true,
          appointment: publicAppointment(appointment),
          ticket: publicTicket(ticket),
        };
      return { ok: false, reason: 'unknown-appointment' };
    }
    const timing = checkInTiming(appointment, this.#rules, request.today, request.now);
    if (!timing.ok) {
      await tx.done;
      return timing;
    }
    // A booked citizen gets a priority number whatever the day's quotas.
    const today = await tickets.index('byServiceDay').getAll([service.code, request.today]);
    const sequence = today.reduce((max, t) => Math.max(max, t.sequence), 0) + 1;
    const ticket: StoredTicket = {
      id: crypto.randomUUID(),
      serviceCode: service.code,
      date: request.today,
      number: ticketNumber(service.prefix, sequence),
      sequence,
      priority: 'appointment',
      issuedAt: this.#now().toISOString(),
      waitingAhead: today.length,
      maskedId: appointment.maskedId,
      printed: false,
      holderKey: appointment.holderKey,
      window: null,
      instance: this.#instance,
      // The appointment holds it: whatever happens to the page, it is never handed on.
      handedOut: true,
    };
    await tickets.add(ticket);
    const checkedIn = { ...appointment, ticketId: ticket.id };
    await appointments.put(checkedIn);
    await tx.done;
    return { ok: true, appointment: publicAppointment(checkedIn), ticket: publicTicket(ticket) };
  }

  async close(): Promise<void> {
    (await this.#db).close();
  }
}

function publicAppointment(stored: StoredAppointment): Appointment {
  const { holderKey: _holder, ...appointment } = stored;
  return appointment;
}

function publicTicket(stored: StoredTicket): QueueTicket {
  const {
    holderKey: _holder,
    window: _window,
    instance: _instance,
    handedOut: _handedOut,
    ...ticket
  } = stored;
  return ticket;
}

import type { DBSchema, IDBPDatabase, IDBPObjectStore, IDBPTransaction } from 'idb';
import { openStore } from '../shared/openStore';
import {
  DEFAULT_APPOINTMENT_RULES,
  addDays,
  appointmentSlots,
  checkInTiming,
  checkIssuing,
  issuingWindowAt,
  ticketNumber,
  type AllocateResult,
  type Appointment,
  type AppointmentRules,
  type AppointmentTime,
  type BookingRequest,
  type BookResult,
  type CalendarDate,
  type CancelResult,
  type CheckInRequest,
  type CheckInResult,
  type ClockTime,
  type DayClosed,
  type IssuedTicket,
  type MoveResult,
  type OfficeHours,
  type QueueService,
  type QueueServiceConfig,
  type QueueTicket,
  type TicketRequest,
} from '../../domain';
import { QUEUE_DATABASE } from './database';

interface StoredTicket extends IssuedTicket {
  /** The card's key for the ticket's day (a keyed hash), or null without a card. */
  holderKey: string | null;
  /**
   * Only on tickets issued before v3, whose plain-hash keys were erased on upgrade: the key or
   * the masked number, never both.
   */
  maskedId?: string | null;
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

interface StoredAppointment extends Omit<Appointment, 'maskedId'> {
  /** The card's stable appointment key; absent on appointments from before v3 (erased). */
  holderKey?: string;
  /** Only on appointments booked before v3, whose plain-hash keys were erased on upgrade. */
  maskedId?: string;
}

interface QueueDb extends DBSchema {
  tickets: {
    key: string;
    value: StoredTicket;
    indexes: { byServiceDay: [string, string]; byDate: string };
  };
  appointments: {
    key: string;
    value: StoredAppointment;
    indexes: { byServiceDay: [string, string]; byHolder: string; byDate: string };
  };
}

/**
 * The Web Locks this store needs (`navigator.locks`): each page instance holds one for its
 * lifetime, so another page can tell whether the issuer of a ticket is still alive.
 */
export interface InstanceLocks {
  request(
    name: string,
    options: { mode: 'exclusive' },
    callback: () => Promise<void>,
  ): Promise<unknown>;
  query(): Promise<{ held?: readonly { name?: string }[] }>;
}

const LOCK_PREFIX = 'budayang-queue-instance:';

function browserLocks(): InstanceLocks | null {
  return typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : null;
}

/**
 * Queue numbers allocated in this browser's IndexedDB: atomic for one kiosk (each allocation is
 * one read-write transaction), surviving reloads. A ticket is handed out (markHandedOut) before it
 * is sent to the printer or shown; one that never was goes to the next citizen of that service
 * only when nobody can still hand it out: it was released, or the page that issued it is gone
 * (its Web Lock is free). So a reload neither skips nor doubles a number, and two pages of the
 * kiosk open at once never share one. Without Web Locks only released numbers are handed on
 * (a reload may then skip a number, never double one). A day the store has issued numbers
 * after is closed: a clock set back never numbers it again. A hall server behind the same port
 * will let several kiosks share one sequence.
 */
export class IndexedDbQueueService implements QueueService {
  readonly #db: Promise<IDBPDatabase<QueueDb>>;
  readonly #services: ReadonlyMap<string, QueueServiceConfig>;
  readonly #instance: string;
  readonly #now: () => Date;
  readonly #rules: AppointmentRules;
  readonly #hours: OfficeHours | null;
  readonly #locks: InstanceLocks | null;
  /** Settles once this instance holds its lock (at once without Web Locks). */
  readonly #alive: Promise<void>;
  #releaseLock: () => void = () => {};

  constructor(options: {
    services: readonly QueueServiceConfig[];
    /** The windows' hours, cut into appointment slots; without them nothing can be booked. */
    officeHours?: OfficeHours;
    appointments?: AppointmentRules;
    databaseName?: string;
    now?: () => Date;
    /** The page's Web Locks; by default `navigator.locks` where the browser has them. */
    locks?: InstanceLocks | null;
  }) {
    this.#services = new Map(options.services.map((s) => [s.code, s]));
    this.#rules = options.appointments ?? DEFAULT_APPOINTMENT_RULES;
    this.#hours = options.officeHours ?? null;
    this.#instance = crypto.randomUUID();
    this.#now = options.now ?? (() => new Date());
    this.#locks = options.locks === undefined ? browserLocks() : options.locks;
    this.#alive = this.#holdLock();
    this.#db = openStore<QueueDb>(options.databaseName ?? QUEUE_DATABASE, 3, {
      upgrade(db, oldVersion, _newVersion, transaction) {
        if (oldVersion < 1) {
          const tickets = db.createObjectStore('tickets', { keyPath: 'id' });
          tickets.createIndex('byServiceDay', ['serviceCode', 'date']);
        }
        if (oldVersion < 2) {
          const appointments = db.createObjectStore('appointments', { keyPath: 'id' });
          appointments.createIndex('byServiceDay', ['serviceCode', 'date']);
          appointments.createIndex('byHolder', 'holderKey');
        }
        if (oldVersion < 3) void upgradeToKeyedHolders(transaction, oldVersion);
      },
    });
  }

  /** Holds this instance's lock until close(); a page that is gone has let go of it. */
  #holdLock(): Promise<void> {
    const locks = this.#locks;
    if (!locks) return Promise.resolve();
    return new Promise<void>((held) => {
      const released = new Promise<void>((resolve) => (this.#releaseLock = resolve));
      locks
        .request(LOCK_PREFIX + this.#instance, { mode: 'exclusive' }, () => {
          held();
          return released;
        })
        .catch((error: unknown) => {
          // No lock for this page: others cannot tell it is alive. It still issues numbers; it
          // never takes another page's, and its own are taken only once released.
          console.error('The queue store could not take its Web Lock', error);
          held();
        });
    });
  }

  /** The instances among `owners` whose page is provably gone: nobody holds their lock. */
  async #gone(owners: ReadonlySet<string>): Promise<ReadonlySet<string>> {
    if (!this.#locks || owners.size === 0) return new Set();
    const { held = [] } = await this.#locks.query();
    const alive = new Set(held.map((lock) => lock.name));
    return new Set([...owners].filter((owner) => !alive.has(LOCK_PREFIX + owner)));
  }

  /** Tickets of a service and day that are not handed out and that another instance issued. */
  #othersPending(tickets: readonly StoredTicket[]): Set<string> {
    return new Set(
      tickets
        .filter(
          (t) => !t.printed && !t.handedOut && t.instance !== '' && t.instance !== this.#instance,
        )
        .map((t) => t.instance),
    );
  }

  async allocate(request: TicketRequest): Promise<AllocateResult> {
    const service = this.#services.get(request.serviceCode);
    if (!service) return { ok: false, refusal: { reason: 'unknown-service' } };
    await this.#alive;
    const db = await this.#db;
    // Whose pending numbers may be taken is asked before the transaction (a lock query is not an
    // IndexedDB request and would let it commit). A page found gone stays gone: its id is never
    // used again, so the answer cannot go stale.
    const before = await db.getAllFromIndex('tickets', 'byServiceDay', [
      request.serviceCode,
      request.date,
    ]);
    const gone = await this.#gone(this.#othersPending(before));
    const tx = db.transaction('tickets', 'readwrite');
    const closed = await dayClosed(tx.store, request.date);
    if (closed) {
      await tx.done;
      return { ok: false, refusal: closed };
    }
    const today = await tx.store.index('byServiceDay').getAll([request.serviceCode, request.date]);

    const held = request.holderKey
      ? today.find((t) => t.holderKey === request.holderKey)
      : undefined;
    if (held) {
      await tx.done;
      return { ok: true, ticket: citizenTicket(held, request), reprint: true };
    }

    const issuedAt = this.#now().toISOString();
    const orphan = today
      .filter((t) => !t.printed && !t.handedOut && (t.instance === '' || gone.has(t.instance)))
      .sort((a, b) => a.sequence - b.sequence)[0];
    if (orphan) {
      const { maskedId: _old, ...number } = orphan;
      const adopted: StoredTicket = {
        ...number,
        holderKey: request.holderKey,
        priority: request.priority !== null,
        issuedAt,
        instance: this.#instance,
      };
      await tx.store.put(adopted);
      await tx.done;
      return { ok: true, ticket: citizenTicket(adopted, request), reprint: false };
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
      priority: request.priority !== null,
      issuedAt,
      waitingAhead: today.length,
      printed: false,
      holderKey: request.holderKey,
      window: issuingWindowAt(service, request.time)?.start ?? null,
      instance: this.#instance,
    };
    await tx.store.add(ticket);
    await tx.done;
    return { ok: true, ticket: citizenTicket(ticket, request), reprint: false };
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

  async issued(serviceCode: string, date: CalendarDate): Promise<IssuedTicket[]> {
    const db = await this.#db;
    const tickets = await db.getAllFromIndex('tickets', 'byServiceDay', [serviceCode, date]);
    return tickets.sort((a, b) => a.sequence - b.sequence).map(issuedTicket);
  }

  async purge(today: CalendarDate, retentionDays: number): Promise<void> {
    const db = await this.#db;
    const older = IDBKeyRange.upperBound(addDays(today, -retentionDays), true);
    const tx = db.transaction(['tickets', 'appointments'], 'readwrite');
    for (const store of ['tickets', 'appointments'] as const) {
      const byDate = tx.objectStore(store).index('byDate');
      for (let cursor = await byDate.openCursor(older); cursor; cursor = await cursor.continue())
        await cursor.delete();
    }
    await tx.done;
  }

  async placesLeft(
    serviceCode: string,
    dates: readonly CalendarDate[],
  ): Promise<Record<CalendarDate, Record<ClockTime, number>>> {
    const db = await this.#db;
    const slots = this.#hours ? appointmentSlots(this.#hours, this.#rules.slotMinutes) : [];
    const left: Record<CalendarDate, Record<ClockTime, number>> = {};
    for (const date of dates) {
      const booked = (
        await db.getAllFromIndex('appointments', 'byServiceDay', [serviceCode, date])
      ).filter(standing);
      left[date] = Object.fromEntries(
        slots.map((slot) => [
          slot.start,
          Math.max(0, this.#rules.capacityPerSlot - takenIn(booked, slot.start)),
        ]),
      );
    }
    return left;
  }

  async book(request: BookingRequest): Promise<BookResult> {
    if (!this.#services.has(request.serviceCode)) return { ok: false, reason: 'unknown-service' };
    const db = await this.#db;
    const tx = db.transaction('appointments', 'readwrite');
    const sameDay = (
      await tx.store.index('byServiceDay').getAll([request.serviceCode, request.date])
    ).filter(standing);
    const mine = sameDay.find((a) => a.holderKey === request.holderKey);
    if (mine) {
      await tx.done;
      return {
        ok: false,
        reason: 'already-booked',
        appointment: publicAppointment(mine, request.maskedId),
      };
    }
    if (takenIn(sameDay, request.slot.start) >= this.#rules.capacityPerSlot) {
      await tx.done;
      return { ok: false, reason: 'slot-full' };
    }
    const appointment: StoredAppointment = {
      id: crypto.randomUUID(),
      serviceCode: request.serviceCode,
      date: request.date,
      slot: request.slot,
      holderKey: request.holderKey,
      maskedPhone: request.maskedPhone,
      bookedAt: this.#now().toISOString(),
      ticketId: null,
    };
    await tx.store.add(appointment);
    await tx.done;
    return { ok: true, appointment: publicAppointment(appointment, request.maskedId) };
  }

  async checkIn(request: CheckInRequest): Promise<CheckInResult> {
    const db = await this.#db;
    const tx = db.transaction(['appointments', 'tickets'], 'readwrite');
    const appointments = tx.objectStore('appointments');
    const candidates = (
      'appointmentId' in request
        ? [await appointments.get(request.appointmentId)].filter((a) => a !== undefined)
        : await appointments.index('byHolder').getAll(request.holderKey)
    ).filter(standing);
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
    const maskedId = request.maskedId ?? null;
    const asCheckedIn = {
      holderKey: request.ticketKey ?? null,
      maskedId,
      priority: 'appointment' as const,
    };
    if (appointment.ticketId) {
      const ticket = await tickets.get(appointment.ticketId);
      await tx.done;
      if (ticket)
        return {
          ok: true,
          appointment: publicAppointment(appointment, maskedId),
          ticket: citizenTicket(ticket, asCheckedIn),
        };
      return { ok: false, reason: 'unknown-appointment' };
    }
    const timing = checkInTiming(appointment, this.#rules, request.today, request.now);
    if (!timing.ok) {
      await tx.done;
      return timing;
    }
    const closed = await dayClosed(tickets, request.today);
    if (closed) {
      await tx.done;
      return { ok: false, ...closed };
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
      priority: true,
      issuedAt: this.#now().toISOString(),
      waitingAhead: today.length,
      printed: false,
      // Today's key of the card checked in with (none with the slip's QR): one ticket per card.
      holderKey: asCheckedIn.holderKey,
      window: null,
      instance: this.#instance,
      // The appointment holds it: whatever happens to the page, it is never handed on.
      handedOut: true,
    };
    await tickets.add(ticket);
    const checkedIn = { ...appointment, ticketId: ticket.id };
    await appointments.put(checkedIn);
    await tx.done;
    return {
      ok: true,
      appointment: publicAppointment(checkedIn, maskedId),
      ticket: citizenTicket(ticket, asCheckedIn),
    };
  }

  async appointments(dates: readonly CalendarDate[]): Promise<Appointment[]> {
    const db = await this.#db;
    // By day rather than by service: a service since taken off the kiosk keeps its appointments.
    const byDate = db.transaction('appointments').store.index('byDate');
    const days = await Promise.all([...new Set(dates)].map((date) => byDate.getAll(date)));
    return days
      .flat()
      .sort(
        (a, b) =>
          a.date.localeCompare(b.date) ||
          a.slot.start.localeCompare(b.slot.start) ||
          a.bookedAt.localeCompare(b.bookedAt),
      )
      .map((stored) => publicAppointment(stored, null));
  }

  async cancelAppointment(id: string, reason: string, now: Date): Promise<CancelResult> {
    const why = requiredReason(reason, 'cancelAppointment');
    const db = await this.#db;
    const tx = db.transaction('appointments', 'readwrite');
    const refuse = async (refusal: Extract<CancelResult, { ok: false }>['reason']) => {
      await tx.done;
      return { ok: false, reason: refusal } as const;
    };
    const appointment = await tx.store.get(id);
    if (!appointment || !standing(appointment)) return refuse('unknown-appointment');
    if (appointment.ticketId) return refuse('checked-in');
    const cancelled: StoredAppointment = {
      ...appointment,
      cancelledAt: now.toISOString(),
      cancelReason: why,
    };
    await tx.store.put(cancelled);
    await tx.done;
    return { ok: true, appointment: publicAppointment(cancelled, null) };
  }

  async moveAppointment(
    id: string,
    to: AppointmentTime,
    reason: string,
    now: Date,
  ): Promise<MoveResult> {
    const why = requiredReason(reason, 'moveAppointment');
    const db = await this.#db;
    const tx = db.transaction('appointments', 'readwrite');
    const refuse = async (refusal: Extract<MoveResult, { ok: false }>['reason']) => {
      await tx.done;
      return { ok: false, reason: refusal } as const;
    };
    const appointment = await tx.store.get(id);
    if (!appointment || !standing(appointment)) return refuse('unknown-appointment');
    if (appointment.ticketId) return refuse('checked-in');
    if (appointment.date === to.date && appointment.slot.start === to.slot.start)
      return refuse('same-slot');
    // The same rules as booking, counted in this transaction so two moves cannot overfill a slot.
    const thatDay = (
      await tx.store.index('byServiceDay').getAll([appointment.serviceCode, to.date])
    ).filter((a) => standing(a) && a.id !== id);
    if (appointment.holderKey && thatDay.some((a) => a.holderKey === appointment.holderKey))
      return refuse('already-booked');
    if (takenIn(thatDay, to.slot.start) >= this.#rules.capacityPerSlot) return refuse('slot-full');
    const moved: StoredAppointment = {
      ...appointment,
      date: to.date,
      slot: { start: to.slot.start, end: to.slot.end },
      movedFrom: { date: appointment.date, slot: appointment.slot },
      movedAt: now.toISOString(),
      moveReason: why,
    };
    await tx.store.put(moved);
    await tx.done;
    return { ok: true, appointment: publicAppointment(moved, null) };
  }

  /** Closes the database and lets go of this instance's lock (as a page that is gone). */
  async close(): Promise<void> {
    this.#releaseLock();
    (await this.#db).close();
  }
}

/** Not cancelled: it holds a place, and counts as the holder's appointment that day. */
function standing(appointment: StoredAppointment): boolean {
  return !appointment.cancelledAt;
}

/** Places taken in the slot starting at `start`, among a service's standing appointments of a day. */
function takenIn(appointments: readonly StoredAppointment[], start: ClockTime): number {
  return appointments.filter((a) => a.slot.start === start).length;
}

function requiredReason(reason: string, method: string): string {
  const why = reason.trim();
  if (why === '')
    throw new Error(
      `${method} needs the reason staff gave: ask for it (the console refuses an empty one)`,
    );
  return why;
}

type TicketStore = IDBPObjectStore<
  QueueDb,
  ArrayLike<'tickets' | 'appointments'>,
  'tickets',
  'readwrite'
>;

/** Refuses `date` when the store has issued numbers for a later day: that day is closed. */
async function dayClosed(tickets: TicketStore, date: CalendarDate): Promise<DayClosed | null> {
  const latest = await tickets.index('byDate').openKeyCursor(null, 'prev');
  return latest && latest.key > date ? { reason: 'day-closed', latestDay: latest.key } : null;
}

/**
 * v3: holder keys become keyed hashes. The old plain SHA-256 keys give the number back beside
 * the masked number, and cannot be turned into the new ones: they are erased (the masked number
 * stays, for staff), so a card cannot find a ticket or an appointment made before the upgrade
 * (a slip's QR still checks in). Priority reasons become a yes or no.
 */
async function upgradeToKeyedHolders(
  transaction: IDBPTransaction<QueueDb, ('tickets' | 'appointments')[], 'versionchange'>,
  oldVersion: number,
): Promise<void> {
  const tickets = transaction.objectStore('tickets');
  tickets.createIndex('byDate', 'date');
  transaction.objectStore('appointments').createIndex('byDate', 'date');
  if (oldVersion === 0) return;
  for (let cursor = await tickets.openCursor(); cursor; cursor = await cursor.continue()) {
    const old = cursor.value as StoredTicket & { priority: unknown };
    await cursor.update({
      ...old,
      holderKey: null,
      priority: old.priority !== null && old.priority !== false,
    });
  }
  const appointments = transaction.objectStore('appointments');
  for (let cursor = await appointments.openCursor(); cursor; cursor = await cursor.continue()) {
    const { holderKey: _plainHash, ...kept } = cursor.value;
    await cursor.update(kept);
  }
}

function publicAppointment(stored: StoredAppointment, maskedId: string | null): Appointment {
  const { holderKey: _holder, maskedId: stale, ...appointment } = stored;
  return { ...appointment, maskedId: maskedId ?? stale ?? null };
}

function issuedTicket(stored: StoredTicket): IssuedTicket {
  const {
    holderKey: _holder,
    maskedId: _masked,
    window: _window,
    instance: _instance,
    handedOut: _handedOut,
    ...ticket
  } = stored;
  return ticket;
}

/** The ticket for the citizen: with what this visit knows (the masked number, the reason). */
function citizenTicket(
  stored: StoredTicket,
  visit: Pick<TicketRequest, 'maskedId' | 'priority'>,
): QueueTicket {
  return {
    ...issuedTicket(stored),
    priority: stored.priority ? (visit.priority ?? 'unstated') : null,
    maskedId: visit.maskedId ?? stored.maskedId ?? null,
  };
}

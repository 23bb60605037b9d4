/**
 * The hall's rules, once, over any `SqlDriver` (SQLite or PostgreSQL): the same behaviour as the
 * kiosk's own queue store (stores/queue/indexedDbQueueService.ts), shared by every kiosk of a
 * hall. Each method is one transaction. A method that changes a hall first reads the hall's row
 * (locked FOR UPDATE in PostgreSQL), so the writes of one hall take turns exactly as they do in
 * SQLite: no two kiosks get one number, no quota is overrun, no slot overfilled, and the events
 * a write raises get the hall's next ids in commit order.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import {
  appointmentSlots,
  checkInTiming,
  checkIssuing,
  clockOf,
  hallClockOf,
  isWorkingDay,
  issuingWindowAt,
  nextWorkingDays,
  ticketNumber,
  DEVICE_EVENTS_KEPT,
  type AuditAction,
  type AuditLineBody,
  type Catalog,
  type ClockTime,
  type DeviceEvent,
  type HallDeviceEvent,
  type HallEvent,
  type Rating,
  type RatingOffer,
  type StaffSettings,
  type WorkOrder,
  type QueueServiceConfig,
} from '../../domain';
import type {
  AddRatingOutcome,
  Appointment,
  AppointmentTime,
  BookAppointment,
  BookOutcome,
  CalendarDate,
  CancelResult,
  CheckInAppointment,
  CheckInOutcome,
  DeviceReport,
  HallAuditEntry,
  HallAuditLine,
  HallConfig,
  HallEventRecord,
  HallStore,
  HallTicket,
  HallWindow,
  IssueOutcome,
  IssueTicket,
  MoveResult,
  PlacesLeft,
  ReconcileResult,
  ReconcileTicket,
  ReservedBlock,
  StaffSession,
  StaffUserRecord,
  WindowActionOutcome,
  WindowActionRequest,
} from './hallStore';
import {
  BUMP_COUNTER,
  INSERT_EVENT,
  INSERT_TICKET,
  ISSUED_SO_FAR,
  REMEMBER_ANSWER,
  TAKE_RELEASED,
  TAKE_RELEASED_NUMBER,
  WAITING_AHEAD,
  HALL_CONFIG,
  hallForWrite,
} from './allocationSql';
import { hallConfigWithSettings } from './hallSettings';
import { migrate } from './migrations';
import { placeholders, type SqlDriver, type SqlTx, type SqlValue } from './sqlDriver';

/** A hall id the database does not know: the caller asked for a hall nobody seeded. */
export class UnknownHallError extends Error {
  constructor(readonly hallId: string) {
    super(`No hall "${hallId}" in the database: seed it (seedDemoHall) or save its config first`);
    this.name = 'UnknownHallError';
  }
}

/** The reserve series' numbers: AR001 … (prefix, R, three digits). */
export function reserveNumber(prefix: string, sequence: number): string {
  return ticketNumber(prefix, sequence).replace(/^([A-Z])/, '$1R');
}

interface TicketRow {
  id: string;
  service_code: string;
  series_service: string;
  series: 'main' | 'reserve';
  date: string;
  sequence: number;
  number: string;
  priority: number;
  issued_at: string;
  order_at: string;
  waiting_ahead: number;
  printed: number;
  handed_out: number;
  kiosk_id: string;
  request_id: string | null;
  holder_key: string | null;
  state: HallTicket['state'];
  window_no: number | null;
  called_at: string | null;
  calls: number;
  finished_at: string | null;
  appointment_at: string | null;
}

interface AppointmentRow {
  id: string;
  service_code: string;
  date: string;
  slot_start: string;
  slot_end: string;
  holder_key: string;
  masked_phone: string;
  booked_at: string;
  ticket_id: string | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
  moved_from: string | null;
  moved_at: string | null;
  move_reason: string | null;
}

/** Every column of a ticket, as the rows above read them. */
const TICKET_COLUMNS = `id, service_code, series_service, series, date, sequence, number, priority,
  issued_at, order_at, waiting_ahead, printed, handed_out, kiosk_id, request_id, holder_key, state,
  window_no, called_at, calls, finished_at, appointment_at`;

/** The call order: priority first, then by the time each queues at (a slot or the issue). */
const CALL_ORDER = 'priority DESC, order_at, sequence, number';

function hallTicket(row: TicketRow): HallTicket {
  return {
    id: row.id,
    serviceCode: row.service_code,
    date: row.date,
    number: row.number,
    sequence: row.sequence,
    priority: row.priority === 1,
    issuedAt: row.issued_at,
    waitingAhead: row.waiting_ahead,
    printed: row.printed === 1,
    kioskId: row.kiosk_id,
    reserve: row.series === 'reserve',
    state: row.state,
    window: row.window_no,
    calledAt: row.called_at,
    calls: row.calls,
    finishedAt: row.finished_at,
    appointmentAt: row.appointment_at,
  };
}

function publicAppointment(row: AppointmentRow): Appointment {
  return {
    id: row.id,
    serviceCode: row.service_code,
    date: row.date,
    slot: { start: row.slot_start, end: row.slot_end },
    // The server never sees the ID number: the slip's masked number is the kiosk's.
    maskedId: null,
    maskedPhone: row.masked_phone,
    bookedAt: row.booked_at,
    ticketId: row.ticket_id,
    cancelledAt: row.cancelled_at,
    cancelReason: row.cancel_reason,
    movedFrom: row.moved_from ? (JSON.parse(row.moved_from) as AppointmentTime) : null,
    movedAt: row.moved_at,
    moveReason: row.move_reason,
  };
}

function waitingAheadParams(
  hallId: string,
  t: Pick<TicketRow, 'id' | 'service_code' | 'date' | 'priority' | 'order_at' | 'sequence'>,
): SqlValue[] {
  return [
    hallId,
    t.date,
    t.service_code,
    t.id,
    t.priority,
    t.priority,
    t.order_at,
    t.order_at,
    t.sequence,
  ];
}

function requiredReason(reason: string, method: string): string {
  const why = reason.trim();
  if (why === '')
    throw new Error(
      `${method} needs the reason staff gave: ask for it (the protocol refuses an empty one)`,
    );
  return why;
}

/** A new ticket before it is written. */
interface NewTicket {
  service: QueueServiceConfig;
  series: 'main' | 'reserve';
  date: CalendarDate;
  sequence: number;
  number: string;
  priority: boolean;
  issuedAt: string;
  orderAt: string;
  kioskId: string;
  requestId: string | null;
  holderKey: string | null;
  issueWindow: ClockTime | null;
  handedOut: boolean;
  appointmentAt: ClockTime | null;
}

/** What a locked hall row gives a transaction. */
interface Hall {
  id: string;
  config: HallConfig;
  timeZone: string;
  /** The first answer to the transaction's requestId, if it has one and was answered. */
  first: { kind: string; answer: string } | null;
}

export class SqlHallStore implements HallStore {
  readonly kind: 'sqlite' | 'postgres';
  readonly #db: SqlDriver;
  /** Parsed configs by their JSON text, so a hall's config is parsed once, not per ticket. */
  readonly #configs = new Map<
    string,
    { text: string; settings: string | null; config: HallConfig }
  >();

  constructor(driver: SqlDriver) {
    this.#db = driver;
    this.kind = driver.dialect;
  }

  async migrate(): Promise<void> {
    await migrate(this.#db);
  }

  // ─── halls ──────────────────────────────────────────────────────────────────────────────────

  /** The hall's configuration with staff's saved settings applied (hallConfigWithSettings). */
  #parseConfig(hallId: string, text: string, settings: string | null = null): HallConfig {
    const cached = this.#configs.get(hallId);
    if (cached?.text === text && cached.settings === settings) return cached.config;
    const base = JSON.parse(text) as HallConfig;
    const config = settings
      ? hallConfigWithSettings(base, JSON.parse(settings) as StaffSettings)
      : base;
    this.#configs.set(hallId, { text, settings, config });
    return config;
  }

  /** The hall's config (a read, unlocked). */
  async #hall(tx: SqlTx, hallId: string): Promise<Hall> {
    const row = await tx.get<{ config: string; settings: string | null }>(HALL_CONFIG, [hallId]);
    if (!row) throw new UnknownHallError(hallId);
    const config = this.#parseConfig(hallId, row.config, row.settings);
    return { id: hallId, config, timeZone: config.hall.timeZone, first: null };
  }

  /**
   * A write to a hall: its row is read first (locked until commit in PostgreSQL, so a hall's
   * writes take turns as in SQLite), with the first answer to `requestId` if it has one.
   */
  #write<T>(
    hallId: string,
    work: (tx: SqlTx, hall: Hall) => Promise<T>,
    requestId = '',
  ): Promise<T> {
    return this.#db.transaction(
      async (tx) => {
        const row = await tx.get<{
          config: string;
          settings: string | null;
          kind: string | null;
          answer: string | null;
        }>(hallForWrite(this.kind), [requestId, hallId]);
        if (!row) throw new UnknownHallError(hallId);
        const config = this.#parseConfig(hallId, row.config, row.settings);
        const first = row.kind && row.answer ? { kind: row.kind, answer: row.answer } : null;
        return work(tx, { id: hallId, config, timeZone: config.hall.timeZone, first });
      },
      { lane: hallId },
    );
  }

  /** The first answer to the request, when it was answered before (of the same kind). */
  #first<T>(hall: Hall, requestId: string, kind: string): T | null {
    if (!hall.first) return null;
    if (hall.first.kind !== kind)
      throw new Error(
        `requestId ${requestId} already answered a ${hall.first.kind} request, not ${kind}: make one id per intent`,
      );
    return JSON.parse(hall.first.answer) as T;
  }

  #read<T>(work: (tx: SqlTx) => Promise<T>): Promise<T> {
    return this.#db.transaction(work, { readOnly: true });
  }

  config(hallId: string): Promise<HallConfig | null> {
    return this.#read(async (tx) => {
      const row = await tx.get<{ config: string; settings: string | null }>(HALL_CONFIG, [hallId]);
      return row ? this.#parseConfig(hallId, row.config, row.settings) : null;
    });
  }

  saveConfig(hallId: string, config: HallConfig): Promise<void> {
    return this.#db.transaction(async (tx) => {
      const now = new Date().toISOString();
      await tx.run(
        `INSERT INTO halls (hall_id, config, event_seq, updated_at) VALUES (?, ?, 0, ?)
         ON CONFLICT (hall_id) DO UPDATE SET config = excluded.config, updated_at = excluded.updated_at`,
        [hallId, JSON.stringify(config), now],
      );
      const numbers = config.windows.map((w) => w.number);
      if (numbers.length > 0)
        await tx.run(
          `DELETE FROM windows WHERE hall_id = ? AND number NOT IN (${placeholders(numbers.length)})`,
          [hallId, ...numbers],
        );
      else await tx.run('DELETE FROM windows WHERE hall_id = ?', [hallId]);
      for (const window of config.windows)
        await tx.run(
          `INSERT INTO windows (hall_id, number, services) VALUES (?, ?, ?)
           ON CONFLICT (hall_id, number) DO UPDATE SET services = excluded.services`,
          [hallId, window.number, JSON.stringify(window.services)],
        );
    });
  }

  // ─── shared steps ───────────────────────────────────────────────────────────────────────────

  /** The hall's next event, written; its id (gap-free per hall, in commit order). */
  async #event(tx: SqlTx, hallId: string, at: Date, event: HallEvent): Promise<number> {
    const row = await tx.get<{ id: number }>(INSERT_EVENT, [
      at.toISOString(),
      event.type,
      JSON.stringify(event),
      hallId,
    ]);
    if (!row) throw new UnknownHallError(hallId);
    return row.id;
  }

  /** The first answer to a requestId of this hall, if it was answered. */
  async #answer<T>(tx: SqlTx, hallId: string, requestId: string, kind: string): Promise<T | null> {
    const row = await tx.get<{ kind: string; answer: string }>(
      'SELECT kind, answer FROM request_answers WHERE hall_id = ? AND request_id = ?',
      [hallId, requestId],
    );
    if (!row) return null;
    if (row.kind !== kind)
      throw new Error(
        `requestId ${requestId} already answered a ${row.kind} request, not ${kind}: make one id per intent`,
      );
    return JSON.parse(row.answer) as T;
  }

  async #remember(
    tx: SqlTx,
    hallId: string,
    requestId: string,
    kind: string,
    answer: unknown,
    ticketId: string | null,
    at: Date,
  ): Promise<void> {
    // The primary key makes a racing twin fail here; the driver retries it, and it finds this.
    await tx.run(REMEMBER_ANSWER, [
      hallId,
      requestId,
      kind,
      JSON.stringify(answer),
      ticketId,
      at.toISOString(),
    ]);
  }

  async #ticket(tx: SqlTx, hallId: string, ticketId: string): Promise<TicketRow | undefined> {
    return tx.get<TicketRow>(`SELECT ${TICKET_COLUMNS} FROM tickets WHERE hall_id = ? AND id = ?`, [
      hallId,
      ticketId,
    ]);
  }

  /** Waiting tickets of the ticket's service that the call order puts before it. */
  async #waitingAhead(
    tx: SqlTx,
    hallId: string,
    t: Pick<TicketRow, 'id' | 'service_code' | 'date' | 'priority' | 'order_at' | 'sequence'>,
  ): Promise<number> {
    const row = await tx.get<{ n: number }>(WAITING_AHEAD, waitingAheadParams(hallId, t));
    return row?.n ?? 0;
  }

  /** Adds `by` to a series' counter and gives its new last number. */
  async #bumpCounter(
    tx: SqlTx,
    hallId: string,
    serviceCode: string,
    date: CalendarDate,
    series: 'main' | 'reserve',
    by: number,
  ): Promise<number> {
    const row = await tx.get<{ last_seq: number }>(BUMP_COUNTER, [
      hallId,
      serviceCode,
      date,
      series,
      by,
    ]);
    if (!row) throw new Error('The counter upsert returned no row');
    return row.last_seq;
  }

  /** A released main number of the service and day, taken (the lowest first), if any. */
  async #takeReleased(
    tx: SqlTx,
    hallId: string,
    serviceCode: string,
    date: CalendarDate,
  ): Promise<number | null> {
    const row = await tx.get<{ sequence: number }>(TAKE_RELEASED, [
      hallId,
      serviceCode,
      date,
      hallId,
      serviceCode,
      date,
    ]);
    if (!row) return null;
    return row.sequence;
  }

  /** Writes a new ticket and its `ticket-issued` event; gives it as listed. */
  async #insertTicket(tx: SqlTx, hallId: string, t: NewTicket, now: Date): Promise<HallTicket> {
    const id = randomUUID();
    const priority = t.priority ? 1 : 0;
    const inserted = await tx.get<{ waiting_ahead: number }>(INSERT_TICKET, [
      hallId,
      id,
      t.service.code,
      t.service.code,
      t.series,
      t.date,
      t.sequence,
      t.number,
      priority,
      t.issuedAt,
      t.orderAt,
      ...waitingAheadParams(hallId, {
        id,
        service_code: t.service.code,
        date: t.date,
        priority,
        order_at: t.orderAt,
        sequence: t.sequence,
      }),
      t.handedOut ? 1 : 0,
      t.kioskId,
      t.requestId,
      t.holderKey,
      t.issueWindow,
      t.appointmentAt,
    ]);
    const waitingAhead = inserted?.waiting_ahead ?? 0;
    const ticket: HallTicket = {
      id,
      serviceCode: t.service.code,
      date: t.date,
      number: t.number,
      sequence: t.sequence,
      priority: t.priority,
      issuedAt: t.issuedAt,
      waitingAhead,
      printed: false,
      kioskId: t.kioskId,
      reserve: t.series === 'reserve',
      state: 'waiting',
      window: null,
      calledAt: null,
      calls: 0,
      finishedAt: null,
      appointmentAt: t.appointmentAt,
    };
    await this.#event(tx, hallId, now, { type: 'ticket-issued', ticket });
    return ticket;
  }

  /** The next main number of a service and day: a released one first, else the counter's next. */
  async #mainNumber(
    tx: SqlTx,
    hallId: string,
    service: QueueServiceConfig,
    date: CalendarDate,
  ): Promise<{ sequence: number; number: string }> {
    const sequence =
      (await this.#takeReleased(tx, hallId, service.code, date)) ??
      (await this.#bumpCounter(tx, hallId, service.code, date, 'main', 1));
    return { sequence, number: ticketNumber(service.prefix, sequence) };
  }

  // ─── queue ──────────────────────────────────────────────────────────────────────────────────

  issueTicket(hallId: string, request: IssueTicket): Promise<IssueOutcome> {
    type Answer = Extract<IssueOutcome, { ok: true }>;
    return this.#write(
      hallId,
      async (tx, hall) => {
        const first = this.#first<Answer>(hall, request.requestId, 'ticket');
        if (first) return { ...first, repeated: true };
        const service = hall.config.queue.services.find((s) => s.code === request.serviceCode);
        if (!service) return { ok: false, refusal: { reason: 'unknown-service' } };
        const { date, time, seconds } = hallClockOf(request.now, hall.timeZone);
        const answer = async (ticket: HallTicket, reprint: boolean): Promise<IssueOutcome> => {
          const outcome: Answer = {
            ok: true,
            ticket,
            waitingAhead: ticket.waitingAhead,
            reprint,
            repeated: false,
          };
          await this.#remember(
            tx,
            hallId,
            request.requestId,
            'ticket',
            outcome,
            ticket.id,
            request.now,
          );
          return outcome;
        };

        // One open ticket per card per service a day: the card gets it again (补打).
        if (request.holderKey) {
          const held = await tx.get<TicketRow>(
            `SELECT ${TICKET_COLUMNS} FROM tickets
           WHERE hall_id = ? AND date = ? AND service_code = ? AND holder_key = ?
             AND state IN ('waiting', 'called')
           ORDER BY issued_at LIMIT 1`,
            [hallId, date, service.code, request.holderKey],
          );
          if (held) {
            const ticket = hallTicket(held);
            return answer(
              { ...ticket, waitingAhead: await this.#waitingAhead(tx, hallId, held) },
              true,
            );
          }
        }

        // A holiday or a day the windows are closed issues nothing, whoever asks (the kiosk's flow
        // says so before it asks; the server does not rely on it).
        if (!isWorkingDay({ hours: hall.config.officeHours, ...hall.config.calendar }, date))
          return { ok: false, refusal: { reason: 'outside-issuing-hours', nextWindowStart: null } };
        const window = issuingWindowAt(service, time);
        const rows = await tx.all<{
          part: 'released' | 'issued';
          issue_window: string | null;
          n: number;
          released: number | null;
        }>(ISSUED_SO_FAR, [hallId, service.code, date, hallId, service.code, date]);
        const released = rows.find((row) => row.part === 'released')?.released ?? null;
        // A number nobody saw goes to the next citizen first (within an issuing window).
        let sequence = window ? released : null;
        if (sequence !== null)
          await tx.run(TAKE_RELEASED_NUMBER, [hallId, service.code, date, sequence]);
        else {
          const byWindow: Record<ClockTime, number> = {};
          let today = 0;
          for (const { part, issue_window, n } of rows) {
            if (part !== 'issued') continue;
            today += n;
            if (issue_window) byWindow[issue_window] = n;
          }
          const refusal = checkIssuing(service, time, { today, byWindow });
          if (refusal) return { ok: false, refusal };
          sequence = await this.#bumpCounter(tx, hallId, service.code, date, 'main', 1);
        }
        const ticket = await this.#insertTicket(
          tx,
          hallId,
          {
            service,
            series: 'main',
            date,
            sequence,
            number: ticketNumber(service.prefix, sequence),
            priority: request.priority,
            issuedAt: request.now.toISOString(),
            orderAt: `${time}:${seconds}`,
            kioskId: request.kioskId,
            requestId: request.requestId,
            holderKey: request.holderKey,
            issueWindow: window?.start ?? null,
            handedOut: false,
            appointmentAt: null,
          },
          request.now,
        );
        return answer(ticket, false);
      },
      request.requestId,
    );
  }

  async onEvents(listener: (hallId: string) => void): Promise<(() => Promise<void>) | null> {
    return this.#db.listen ? this.#db.listen('hall_events', listener) : null;
  }

  holderSecret(hallId: string, now: Date): Promise<string> {
    return this.#write(hallId, async (tx) => {
      const kept = await tx.get<{ holder_secret: string }>(
        'SELECT holder_secret FROM hall_secrets WHERE hall_id = ?',
        [hallId],
      );
      if (kept) return kept.holder_secret;
      const secret = randomBytes(32).toString('base64');
      await tx.run(
        'INSERT INTO hall_secrets (hall_id, holder_secret, created_at) VALUES (?, ?, ?)',
        [hallId, secret, now.toISOString()],
      );
      return secret;
    });
  }

  markTicket(
    hallId: string,
    ticketId: string,
    mark: 'handed-out' | 'printed' | 'released',
  ): Promise<boolean> {
    return this.#write(hallId, async (tx) => {
      const ticket = await this.#ticket(tx, hallId, ticketId);
      if (!ticket) return false;
      if (mark === 'handed-out')
        await tx.run('UPDATE tickets SET handed_out = 1 WHERE hall_id = ? AND id = ?', [
          hallId,
          ticketId,
        ]);
      else if (mark === 'printed')
        await tx.run(
          'UPDATE tickets SET handed_out = 1, printed = 1 WHERE hall_id = ? AND id = ?',
          [hallId, ticketId],
        );
      else if (
        // Nobody saw it: its number goes to the service's next citizen. A ticket handed out (or
        // called, or a reserve one the kiosk printed) is the citizen's and stays.
        ticket.handed_out === 0 &&
        ticket.printed === 0 &&
        ticket.state === 'waiting' &&
        ticket.series === 'main'
      ) {
        await tx.run('DELETE FROM tickets WHERE hall_id = ? AND id = ?', [hallId, ticketId]);
        // The displays counted it as waiting when it was issued.
        await this.#event(tx, hallId, new Date(), {
          type: 'ticket-released',
          ticket: hallTicket(ticket),
        });
        await tx.run(
          'INSERT INTO released_numbers (hall_id, service_code, date, sequence) VALUES (?, ?, ?, ?)',
          [hallId, ticket.series_service, ticket.date, ticket.sequence],
        );
        // Its requestId no longer holds a ticket: asked again, it gets a new one.
        if (ticket.request_id)
          await tx.run('DELETE FROM request_answers WHERE hall_id = ? AND request_id = ?', [
            hallId,
            ticket.request_id,
          ]);
      }
      return true;
    });
  }

  tickets(hallId: string, date: CalendarDate, serviceCode?: string): Promise<HallTicket[]> {
    return this.#read(async (tx) => {
      const rows = serviceCode
        ? await tx.all<TicketRow>(
            `SELECT ${TICKET_COLUMNS} FROM tickets WHERE hall_id = ? AND date = ? AND service_code = ?
             ORDER BY issued_at, number`,
            [hallId, date, serviceCode],
          )
        : await tx.all<TicketRow>(
            `SELECT ${TICKET_COLUMNS} FROM tickets WHERE hall_id = ? AND date = ?
             ORDER BY issued_at, number`,
            [hallId, date],
          );
      return rows.map(hallTicket);
    });
  }

  reserveBlocks(
    hallId: string,
    kioskId: string,
    date: CalendarDate,
    size: number,
  ): Promise<ReservedBlock[]> {
    if (!Number.isInteger(size) || size < 1 || size > 100)
      throw new Error(`A reserve block holds 1–100 numbers, not ${size}`);
    return this.#write(hallId, async (tx, hall) => {
      const blocks: ReservedBlock[] = [];
      for (const service of hall.config.queue.services) {
        let block = await tx.get<{ first_seq: number; last_seq: number }>(
          `SELECT first_seq, last_seq FROM reserve_blocks
           WHERE hall_id = ? AND kiosk_id = ? AND service_code = ? AND date = ?`,
          [hallId, kioskId, service.code, date],
        );
        if (!block) {
          const last = await this.#bumpCounter(tx, hallId, service.code, date, 'reserve', size);
          // The reserve series ends at 999 too: a late kiosk gets what is left, or none.
          const lastSeq = Math.min(last, 999);
          const firstSeq = last - size + 1;
          if (firstSeq > lastSeq) continue;
          block = { first_seq: firstSeq, last_seq: lastSeq };
          await tx.run(
            `INSERT INTO reserve_blocks (hall_id, kiosk_id, service_code, date, first_seq, last_seq)
             VALUES (?, ?, ?, ?, ?, ?)`,
            [hallId, kioskId, service.code, date, firstSeq, lastSeq],
          );
        }
        const numbers: string[] = [];
        for (let seq = block.first_seq; seq <= block.last_seq; seq += 1)
          numbers.push(reserveNumber(service.prefix, seq));
        blocks.push({ serviceCode: service.code, date, kioskId, numbers });
      }
      return blocks;
    });
  }

  reconcile(
    hallId: string,
    kioskId: string,
    tickets: ReconcileTicket[],
    now: Date,
  ): Promise<ReconcileResult> {
    return this.#write(hallId, async (tx, hall) => {
      const result: ReconcileResult = { accepted: [], already: [], refused: [] };
      for (const t of tickets) {
        const first = await this.#answer<{ number: string }>(tx, hallId, t.requestId, 'reconcile');
        if (first) {
          result.already.push(first.number);
          continue;
        }
        const service = hall.config.queue.services.find((s) => s.code === t.serviceCode);
        if (!service) {
          result.refused.push({ number: t.number, reason: 'unknown-service' });
          continue;
        }
        const match = /^([A-Z])R(\d{3})$/.exec(t.number);
        const sequence = Number(match?.[2]);
        const block = await tx.get<{ first_seq: number; last_seq: number }>(
          `SELECT first_seq, last_seq FROM reserve_blocks
           WHERE hall_id = ? AND kiosk_id = ? AND service_code = ? AND date = ?`,
          [hallId, kioskId, service.code, t.date],
        );
        if (
          match?.[1] !== service.prefix ||
          !block ||
          sequence < block.first_seq ||
          sequence > block.last_seq
        ) {
          result.refused.push({ number: t.number, reason: 'not-in-block' });
          continue;
        }
        const taken = await tx.get(
          'SELECT id FROM tickets WHERE hall_id = ? AND date = ? AND number = ?',
          [hallId, t.date, t.number],
        );
        if (taken) {
          result.refused.push({ number: t.number, reason: 'number-taken' });
          continue;
        }
        const issuedAt = new Date(t.issuedAt);
        const clock = hallClockOf(issuedAt, hall.timeZone);
        const ticket = await this.#insertTicket(
          tx,
          hallId,
          {
            service,
            series: 'reserve',
            date: t.date,
            sequence,
            number: t.number,
            priority: t.priority,
            issuedAt: issuedAt.toISOString(),
            orderAt: `${clock.time}:${clock.seconds}`,
            kioskId,
            requestId: t.requestId,
            holderKey: t.holderKey,
            issueWindow: null,
            // The kiosk printed it while cut off: it is the citizen's.
            handedOut: true,
            appointmentAt: null,
          },
          now,
        );
        await this.#remember(
          tx,
          hallId,
          t.requestId,
          'reconcile',
          { number: t.number },
          ticket.id,
          now,
        );
        result.accepted.push(t.number);
      }
      return result;
    });
  }

  // ─── appointments ───────────────────────────────────────────────────────────────────────────

  /** The days a citizen may book now: today before the windows open, then the next working days. */
  #bookableDays(config: HallConfig, now: Date): CalendarDate[] {
    const calendar = { hours: config.officeHours, ...config.calendar };
    const { date, time } = clockOf(now, config.hall.timeZone);
    const today = isWorkingDay(calendar, date) && time < config.officeHours.open ? [date] : [];
    return [
      ...today,
      ...nextWorkingDays(calendar, date, config.appointments.daysAhead - today.length),
    ];
  }

  async #takenIn(
    tx: SqlTx,
    hallId: string,
    serviceCode: string,
    date: CalendarDate,
    slotStart: ClockTime,
    except: string | null,
  ): Promise<number> {
    const row = await tx.get<{ n: number }>(
      `SELECT CAST(COUNT(*) AS INTEGER) AS n FROM appointments
       WHERE hall_id = ? AND service_code = ? AND date = ? AND slot_start = ?
         AND cancelled_at IS NULL AND id <> ?`,
      [hallId, serviceCode, date, slotStart, except ?? ''],
    );
    return row?.n ?? 0;
  }

  /** The holder's standing appointment of the service that day, if any. */
  async #holderBooked(
    tx: SqlTx,
    hallId: string,
    serviceCode: string,
    date: CalendarDate,
    holderKey: string,
    except: string | null,
  ): Promise<AppointmentRow | undefined> {
    return tx.get<AppointmentRow>(
      `SELECT * FROM appointments
       WHERE hall_id = ? AND service_code = ? AND date = ? AND holder_key = ?
         AND cancelled_at IS NULL AND id <> ?`,
      [hallId, serviceCode, date, holderKey, except ?? ''],
    );
  }

  placesLeft(
    hallId: string,
    serviceCode: string,
    dates: readonly CalendarDate[],
  ): Promise<PlacesLeft> {
    return this.#read(async (tx) => {
      const { config } = await this.#hall(tx, hallId);
      const slots = appointmentSlots(config.officeHours, config.appointments.slotMinutes);
      const left: PlacesLeft = {};
      for (const date of dates) {
        const rows = await tx.all<{ slot_start: string; n: number }>(
          `SELECT slot_start, CAST(COUNT(*) AS INTEGER) AS n FROM appointments
           WHERE hall_id = ? AND service_code = ? AND date = ? AND cancelled_at IS NULL
           GROUP BY slot_start`,
          [hallId, serviceCode, date],
        );
        const taken = new Map(rows.map((r) => [r.slot_start, r.n]));
        left[date] = Object.fromEntries(
          slots.map((slot) => [
            slot.start,
            Math.max(0, config.appointments.capacityPerSlot - (taken.get(slot.start) ?? 0)),
          ]),
        );
      }
      return left;
    });
  }

  book(hallId: string, request: BookAppointment): Promise<BookOutcome> {
    type Answer = Extract<BookOutcome, { ok: true }>;
    return this.#write(
      hallId,
      async (tx, hall) => {
        const first = this.#first<Answer>(hall, request.requestId, 'booking');
        if (first) return { ...first, repeated: true };
        const { config } = hall;
        if (!config.queue.services.some((s) => s.code === request.serviceCode))
          return { ok: false, reason: 'unknown-service' };
        const slots = appointmentSlots(config.officeHours, config.appointments.slotMinutes);
        if (
          !this.#bookableDays(config, request.now).includes(request.date) ||
          !slots.some((s) => s.start === request.slot.start && s.end === request.slot.end)
        )
          return { ok: false, reason: 'not-bookable' };
        const mine = await this.#holderBooked(
          tx,
          hallId,
          request.serviceCode,
          request.date,
          request.holderKey,
          null,
        );
        if (mine)
          return { ok: false, reason: 'already-booked', appointment: publicAppointment(mine) };
        const taken = await this.#takenIn(
          tx,
          hallId,
          request.serviceCode,
          request.date,
          request.slot.start,
          null,
        );
        if (taken >= config.appointments.capacityPerSlot) return { ok: false, reason: 'slot-full' };
        const row: AppointmentRow = {
          id: randomUUID(),
          service_code: request.serviceCode,
          date: request.date,
          slot_start: request.slot.start,
          slot_end: request.slot.end,
          holder_key: request.holderKey,
          masked_phone: request.maskedPhone,
          booked_at: request.now.toISOString(),
          ticket_id: null,
          cancelled_at: null,
          cancel_reason: null,
          moved_from: null,
          moved_at: null,
          move_reason: null,
        };
        await tx.run(
          `INSERT INTO appointments (hall_id, id, service_code, date, slot_start, slot_end,
           holder_key, masked_phone, kiosk_id, booked_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            hallId,
            row.id,
            row.service_code,
            row.date,
            row.slot_start,
            row.slot_end,
            row.holder_key,
            row.masked_phone,
            request.kioskId,
            row.booked_at,
          ],
        );
        const outcome: Answer = { ok: true, appointment: publicAppointment(row), repeated: false };
        await this.#remember(tx, hallId, request.requestId, 'booking', outcome, null, request.now);
        return outcome;
      },
      request.requestId,
    );
  }

  checkIn(hallId: string, request: CheckInAppointment): Promise<CheckInOutcome> {
    type Answer = Extract<CheckInOutcome, { ok: true }>;
    return this.#write(
      hallId,
      async (tx, hall) => {
        const first = this.#first<Answer>(hall, request.requestId, 'check-in');
        if (first) return { ...first, repeated: true };
        const { date: today, time } = clockOf(request.now, hall.timeZone);
        const candidates = request.appointmentId
          ? await tx.all<AppointmentRow>(
              'SELECT * FROM appointments WHERE hall_id = ? AND id = ? AND cancelled_at IS NULL',
              [hallId, request.appointmentId],
            )
          : request.holderKey
            ? await tx.all<AppointmentRow>(
                `SELECT * FROM appointments WHERE hall_id = ? AND holder_key = ?
               AND cancelled_at IS NULL ORDER BY date, slot_start`,
                [hallId, request.holderKey],
              )
            : [];
        // A card may hold several appointments: today's comes first, then the nearest.
        const appointment = candidates.find((a) => a.date === today) ?? candidates[0];
        const service =
          appointment &&
          hall.config.queue.services.find((s) => s.code === appointment.service_code);
        if (!appointment || !service) return { ok: false, reason: 'unknown-appointment' };
        if (appointment.ticket_id) {
          const ticket = await this.#ticket(tx, hallId, appointment.ticket_id);
          if (!ticket) return { ok: false, reason: 'unknown-appointment' };
          return {
            ok: true,
            appointment: publicAppointment(appointment),
            ticket: hallTicket(ticket),
            repeated: false,
          };
        }
        const timing = checkInTiming(
          {
            date: appointment.date,
            slot: { start: appointment.slot_start, end: appointment.slot_end },
          },
          hall.config.appointments,
          today,
          time,
        );
        if (!timing.ok) return timing;
        // A booked citizen gets a priority number of the main series whatever the day's quotas,
        // queued at the slot's time.
        const { sequence, number } = await this.#mainNumber(tx, hallId, service, today);
        const ticket = await this.#insertTicket(
          tx,
          hallId,
          {
            service,
            series: 'main',
            date: today,
            sequence,
            number,
            priority: true,
            issuedAt: request.now.toISOString(),
            orderAt: `${appointment.slot_start}:00`,
            kioskId: request.kioskId,
            requestId: request.requestId,
            // Today's key of the card checked in with (none with the slip's QR).
            holderKey: request.ticketKey,
            issueWindow: null,
            // The appointment holds it: never handed on.
            handedOut: true,
            appointmentAt: appointment.slot_start,
          },
          request.now,
        );
        await tx.run('UPDATE appointments SET ticket_id = ? WHERE hall_id = ? AND id = ?', [
          ticket.id,
          hallId,
          appointment.id,
        ]);
        const outcome: Answer = {
          ok: true,
          appointment: publicAppointment({ ...appointment, ticket_id: ticket.id }),
          ticket,
          repeated: false,
        };
        await this.#remember(
          tx,
          hallId,
          request.requestId,
          'check-in',
          outcome,
          ticket.id,
          request.now,
        );
        return outcome;
      },
      request.requestId,
    );
  }

  appointments(hallId: string, dates: readonly CalendarDate[]): Promise<Appointment[]> {
    const days = [...new Set(dates)];
    if (days.length === 0) return Promise.resolve([]);
    return this.#read(async (tx) => {
      const rows = await tx.all<AppointmentRow>(
        `SELECT * FROM appointments WHERE hall_id = ? AND date IN (${placeholders(days.length)})
         ORDER BY date, slot_start, booked_at`,
        [hallId, ...days],
      );
      return rows.map(publicAppointment);
    });
  }

  /** A standing appointment staff may change, or why not. */
  async #changeable(
    tx: SqlTx,
    hallId: string,
    id: string,
  ): Promise<AppointmentRow | 'unknown-appointment' | 'checked-in'> {
    const row = await tx.get<AppointmentRow>(
      'SELECT * FROM appointments WHERE hall_id = ? AND id = ? AND cancelled_at IS NULL',
      [hallId, id],
    );
    if (!row) return 'unknown-appointment';
    return row.ticket_id ? 'checked-in' : row;
  }

  async cancelAppointment(
    hallId: string,
    id: string,
    reason: string,
    now: Date,
  ): Promise<CancelResult> {
    const why = requiredReason(reason, 'cancelAppointment');
    return this.#write(hallId, async (tx) => {
      const row = await this.#changeable(tx, hallId, id);
      if (typeof row === 'string') return { ok: false, reason: row };
      const cancelled = { ...row, cancelled_at: now.toISOString(), cancel_reason: why };
      await tx.run(
        'UPDATE appointments SET cancelled_at = ?, cancel_reason = ? WHERE hall_id = ? AND id = ?',
        [cancelled.cancelled_at, why, hallId, id],
      );
      return { ok: true, appointment: publicAppointment(cancelled) };
    });
  }

  async moveAppointment(
    hallId: string,
    id: string,
    to: AppointmentTime,
    reason: string,
    now: Date,
  ): Promise<MoveResult> {
    const why = requiredReason(reason, 'moveAppointment');
    return this.#write(hallId, async (tx, hall) => {
      const row = await this.#changeable(tx, hallId, id);
      if (typeof row === 'string') return { ok: false, reason: row };
      if (row.date === to.date && row.slot_start === to.slot.start)
        return { ok: false, reason: 'same-slot' };
      if (await this.#holderBooked(tx, hallId, row.service_code, to.date, row.holder_key, id))
        return { ok: false, reason: 'already-booked' };
      const taken = await this.#takenIn(tx, hallId, row.service_code, to.date, to.slot.start, id);
      if (taken >= hall.config.appointments.capacityPerSlot)
        return { ok: false, reason: 'slot-full' };
      const moved: AppointmentRow = {
        ...row,
        date: to.date,
        slot_start: to.slot.start,
        slot_end: to.slot.end,
        moved_from: JSON.stringify({
          date: row.date,
          slot: { start: row.slot_start, end: row.slot_end },
        }),
        moved_at: now.toISOString(),
        move_reason: why,
      };
      await tx.run(
        `UPDATE appointments SET date = ?, slot_start = ?, slot_end = ?, moved_from = ?,
           moved_at = ?, move_reason = ?
         WHERE hall_id = ? AND id = ?`,
        [
          moved.date,
          moved.slot_start,
          moved.slot_end,
          moved.moved_from,
          moved.moved_at,
          why,
          hallId,
          id,
        ],
      );
      return { ok: true, appointment: publicAppointment(moved) };
    });
  }

  // ─── windows ────────────────────────────────────────────────────────────────────────────────

  windows(hallId: string, date: CalendarDate): Promise<HallWindow[]> {
    return this.#read(async (tx) => {
      const rows = await tx.all<{ number: number; services: string; current: string | null }>(
        `SELECT number, services, current_ticket_id AS current FROM windows
         WHERE hall_id = ? ORDER BY number`,
        [hallId],
      );
      const windows: HallWindow[] = [];
      for (const row of rows) {
        const ticket = row.current ? await this.#ticket(tx, hallId, row.current) : undefined;
        windows.push({
          number: row.number,
          services: JSON.parse(row.services) as string[],
          // Yesterday's last call is not today's: a window shows a ticket of the day only.
          current: ticket?.state === 'called' && ticket.date === date ? hallTicket(ticket) : null,
        });
      }
      return windows;
    });
  }

  async #nextFor(
    tx: SqlTx,
    hallId: string,
    services: readonly string[],
    date: CalendarDate,
    limit: number,
  ): Promise<TicketRow[]> {
    if (services.length === 0) return [];
    return tx.all<TicketRow>(
      `SELECT ${TICKET_COLUMNS} FROM tickets
       WHERE hall_id = ? AND date = ? AND state = 'waiting'
         AND service_code IN (${placeholders(services.length)})
       ORDER BY ${CALL_ORDER} LIMIT ?`,
      [hallId, date, ...services, limit],
    );
  }

  async #window(
    tx: SqlTx,
    hallId: string,
    number: number,
  ): Promise<{ services: string[]; current: string | null } | null> {
    const row = await tx.get<{ services: string; current_ticket_id: string | null }>(
      'SELECT services, current_ticket_id FROM windows WHERE hall_id = ? AND number = ?',
      [hallId, number],
    );
    return row
      ? { services: JSON.parse(row.services) as string[], current: row.current_ticket_id }
      : null;
  }

  waitingFor(hallId: string, window: number, date: CalendarDate): Promise<HallTicket[]> {
    return this.#read(async (tx) => {
      const found = await this.#window(tx, hallId, window);
      if (!found) return [];
      return (await this.#nextFor(tx, hallId, found.services, date, 1000)).map(hallTicket);
    });
  }

  windowAction(hallId: string, request: WindowActionRequest): Promise<WindowActionOutcome> {
    return this.#write(hallId, async (tx, hall) => {
      const window = await this.#window(tx, hallId, request.window);
      if (!window) return { ok: false, reason: 'unknown-window' };
      const at = request.now.toISOString();
      const currentRow = window.current
        ? await this.#ticket(tx, hallId, window.current)
        : undefined;
      const current = currentRow?.state === 'called' ? currentRow : undefined;
      const setCurrent = (ticketId: string | null) =>
        tx.run('UPDATE windows SET current_ticket_id = ? WHERE hall_id = ? AND number = ?', [
          ticketId,
          hallId,
          request.window,
        ]);
      const update = async (row: TicketRow, change: Partial<TicketRow>): Promise<HallTicket> => {
        const next = { ...row, ...change };
        await tx.run(
          `UPDATE tickets SET service_code = ?, state = ?, window_no = ?, called_at = ?, calls = ?,
             finished_at = ?
           WHERE hall_id = ? AND id = ?`,
          [
            next.service_code,
            next.state,
            next.window_no,
            next.called_at,
            next.calls,
            next.finished_at,
            hallId,
            row.id,
          ],
        );
        return hallTicket(next);
      };
      const done = async (ticket: HallTicket, event: HallEvent) => ({
        ok: true as const,
        ticket,
        eventId: await this.#event(tx, hallId, request.now, event),
      });

      if (request.action === 'call-next') {
        const { date } = clockOf(request.now, hall.timeZone);
        const [next] = await this.#nextFor(tx, hallId, window.services, date, 1);
        if (!next) return { ok: false, reason: 'queue-empty' };
        // Calling the next citizen finishes the one served until now.
        if (current) {
          const finished = await update(current, { state: 'finished', finished_at: at });
          await this.#event(tx, hallId, request.now, {
            type: 'ticket-finished',
            ticket: finished,
            window: request.window,
          });
        }
        const called = await update(next, {
          state: 'called',
          window_no: request.window,
          called_at: at,
          calls: next.calls + 1,
        });
        await setCurrent(next.id);
        return done(called, {
          type: 'call',
          ticket: called,
          window: request.window,
          recall: false,
        });
      }
      if (!current) return { ok: false, reason: 'no-current-ticket' };
      switch (request.action) {
        case 'recall': {
          const called = await update(current, { called_at: at, calls: current.calls + 1 });
          return done(called, {
            type: 'call',
            ticket: called,
            window: request.window,
            recall: true,
          });
        }
        case 'skip': {
          const skipped = await update(current, { state: 'skipped' });
          await setCurrent(null);
          return done(skipped, { type: 'ticket-skipped', ticket: skipped, window: request.window });
        }
        case 'finish': {
          const finished = await update(current, { state: 'finished', finished_at: at });
          await setCurrent(null);
          return done(finished, {
            type: 'ticket-finished',
            ticket: finished,
            window: request.window,
          });
        }
        case 'transfer': {
          const to = hall.config.queue.services.find((s) => s.code === request.serviceCode);
          if (!to) return { ok: false, reason: 'unknown-service' };
          // It keeps its number and its place in time: the citizen does not queue from the end.
          const moved = await update(current, { service_code: to.code, state: 'waiting' });
          await setCurrent(null);
          return done(moved, {
            type: 'ticket-transferred',
            ticket: moved,
            from: current.service_code,
            window: request.window,
          });
        }
      }
    });
  }

  // ─── events ─────────────────────────────────────────────────────────────────────────────────

  eventsAfter(hallId: string, afterId: number, limit: number): Promise<HallEventRecord[]> {
    return this.#read(async (tx) => {
      const rows = await tx.all<{ id: number; at: string; body: string }>(
        'SELECT id, at, body FROM events WHERE hall_id = ? AND id > ? ORDER BY id LIMIT ?',
        [hallId, afterId, limit],
      );
      return rows.map((r) => ({ id: r.id, at: r.at, event: JSON.parse(r.body) as HallEvent }));
    });
  }

  lastEventId(hallId: string): Promise<number> {
    return this.#read(async (tx) => {
      const row = await tx.get<{ event_seq: number }>(
        'SELECT event_seq FROM halls WHERE hall_id = ?',
        [hallId],
      );
      return row?.event_seq ?? 0;
    });
  }

  // ─── devices ────────────────────────────────────────────────────────────────────────────────

  reportDevices(hallId: string, report: DeviceReport): Promise<void> {
    return this.#write(hallId, async (tx) => {
      await tx.run(
        `INSERT INTO device_reports (hall_id, kiosk_id, at, devices) VALUES (?, ?, ?, ?)
         ON CONFLICT (hall_id, kiosk_id) DO UPDATE SET at = excluded.at, devices = excluded.devices`,
        [hallId, report.kioskId, report.at, JSON.stringify(report.devices)],
      );
      await this.#event(tx, hallId, new Date(), {
        type: 'device-status',
        kioskId: report.kioskId,
        report,
      });
    });
  }

  devices(hallId: string): Promise<DeviceReport[]> {
    return this.#read(async (tx) => {
      const rows = await tx.all<{ kiosk_id: string; at: string; devices: string }>(
        'SELECT kiosk_id, at, devices FROM device_reports WHERE hall_id = ? ORDER BY kiosk_id',
        [hallId],
      );
      return rows.map((r) => ({
        kioskId: r.kiosk_id,
        at: r.at,
        devices: JSON.parse(r.devices) as Record<string, string>,
      }));
    });
  }

  // ─── staff and kiosks ───────────────────────────────────────────────────────────────────────

  kioskByTokenHash(tokenHash: string): Promise<{ hallId: string; kioskId: string } | null> {
    return this.#read(async (tx) => {
      const row = await tx.get<{ hall_id: string; kiosk_id: string }>(
        'SELECT hall_id, kiosk_id FROM kiosks WHERE token_hash = ?',
        [tokenHash],
      );
      return row ? { hallId: row.hall_id, kioskId: row.kiosk_id } : null;
    });
  }

  registerKiosk(hallId: string, kioskId: string, tokenHash: string): Promise<void> {
    return this.#db.transaction(async (tx) => {
      // A kiosk registered again gets the new token; the old one stops working.
      await tx.run('DELETE FROM kiosks WHERE hall_id = ? AND kiosk_id = ?', [hallId, kioskId]);
      await tx.run(
        'INSERT INTO kiosks (token_hash, hall_id, kiosk_id, registered_at) VALUES (?, ?, ?, ?)',
        [tokenHash, hallId, kioskId, new Date().toISOString()],
      );
    });
  }

  staffUser(username: string): Promise<StaffUserRecord | null> {
    return this.#read(async (tx) => {
      const row = await tx.get<{
        hall_id: string;
        username: string;
        password_hash: string;
        role: StaffUserRecord['role'];
        wrong: number;
        locks: number;
        locked_until: string | null;
      }>('SELECT * FROM staff_users WHERE username = ?', [username]);
      return row
        ? {
            hallId: row.hall_id,
            username: row.username,
            passwordHash: row.password_hash,
            role: row.role,
            wrong: row.wrong,
            locks: row.locks,
            lockedUntil: row.locked_until,
          }
        : null;
    });
  }

  saveStaffUser(user: StaffUserRecord): Promise<void> {
    return this.#db.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO staff_users (username, hall_id, password_hash, role, wrong, locks, locked_until)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (username) DO UPDATE SET hall_id = excluded.hall_id,
           password_hash = excluded.password_hash, role = excluded.role, wrong = excluded.wrong,
           locks = excluded.locks, locked_until = excluded.locked_until`,
        [
          user.username,
          user.hallId,
          user.passwordHash,
          user.role,
          user.wrong,
          user.locks,
          user.lockedUntil,
        ],
      );
    });
  }

  createSession(session: StaffSession): Promise<void> {
    return this.#db.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO staff_sessions (token_hash, hall_id, username, role, expires_at)
         VALUES (?, ?, ?, ?, ?)`,
        [session.tokenHash, session.hallId, session.username, session.role, session.expiresAt],
      );
    });
  }

  sessionByTokenHash(tokenHash: string, now: Date): Promise<StaffSession | null> {
    return this.#read(async (tx) => {
      const row = await tx.get<{
        token_hash: string;
        hall_id: string;
        username: string;
        role: StaffSession['role'];
        expires_at: string;
      }>('SELECT * FROM staff_sessions WHERE token_hash = ? AND expires_at > ?', [
        tokenHash,
        now.toISOString(),
      ]);
      return row
        ? {
            tokenHash: row.token_hash,
            hallId: row.hall_id,
            username: row.username,
            role: row.role,
            expiresAt: row.expires_at,
          }
        : null;
    });
  }

  deleteSession(tokenHash: string): Promise<void> {
    return this.#db.transaction(async (tx) => {
      await tx.run('DELETE FROM staff_sessions WHERE token_hash = ?', [tokenHash]);
    });
  }

  audit(hallId: string, entry: HallAuditEntry): Promise<void> {
    return this.#db.transaction(async (tx) => {
      // Numbered per hall after its last line; two writers that take one number at once clash
      // on audit_log_hall_seq and the later is run again (SqlDriver.transaction).
      await tx.run(
        `INSERT INTO audit_log (hall_id, at, actor, action, detail, hall_seq)
         VALUES (?, ?, ?, ?, ?, ${NEXT_AUDIT_SEQ})`,
        [hallId, entry.at, entry.actor, entry.action, entry.detail, hallId],
      );
    });
  }

  auditLog(hallId: string, limit: number): Promise<(HallAuditEntry & { seq: number })[]> {
    return this.#read(async (tx) =>
      tx.all<HallAuditEntry & { seq: number }>(
        `SELECT seq, at, actor, action, detail FROM audit_log WHERE hall_id = ?
         ORDER BY seq DESC LIMIT ?`,
        [hallId, limit],
      ),
    );
  }

  // ─── the staff console's data (/api/admin) ──────────────────────────────────────────────────

  staffSettings(hallId: string): Promise<StaffSettings> {
    return this.#read(async (tx) => {
      const row = await tx.get<{ settings: string | null }>(
        'SELECT settings FROM hall_staff_data WHERE hall_id = ?',
        [hallId],
      );
      return row?.settings ? (JSON.parse(row.settings) as StaffSettings) : {};
    });
  }

  saveStaffSettings(hallId: string, settings: StaffSettings, now: Date): Promise<void> {
    return this.#write(hallId, async (tx) => {
      await tx.run(
        `INSERT INTO hall_staff_data (hall_id, settings, settings_at) VALUES (?, ?, ?)
         ON CONFLICT (hall_id) DO UPDATE SET settings = excluded.settings,
           settings_at = excluded.settings_at`,
        [hallId, JSON.stringify(settings), now.toISOString()],
      );
    });
  }

  staffCatalog(hallId: string): Promise<Catalog | null> {
    return this.#read(async (tx) => {
      const row = await tx.get<{ catalog: string | null }>(
        'SELECT catalog FROM hall_staff_data WHERE hall_id = ?',
        [hallId],
      );
      return row?.catalog ? (JSON.parse(row.catalog) as Catalog) : null;
    });
  }

  saveStaffCatalog(hallId: string, catalog: Catalog, now: Date): Promise<void> {
    return this.#write(hallId, async (tx) => {
      await tx.run(
        `INSERT INTO hall_staff_data (hall_id, catalog, catalog_at) VALUES (?, ?, ?)
         ON CONFLICT (hall_id) DO UPDATE SET catalog = excluded.catalog,
           catalog_at = excluded.catalog_at`,
        [hallId, JSON.stringify(catalog), now.toISOString()],
      );
    });
  }

  auditLine(
    hallId: string,
    actor: string,
    line: AuditLineBody,
  ): Promise<{ entry: HallAuditLine; repeated: boolean }> {
    return this.#write(hallId, async (tx) => {
      const first = await tx.get<AuditRow>(`${AUDIT_SELECT} WHERE hall_id = ? AND line_id = ?`, [
        hallId,
        line.id,
      ]);
      if (first) return { entry: auditLineOf(first), repeated: true };
      await tx.run(
        `INSERT INTO audit_log
           (hall_id, at, actor, action, detail, hall_seq, line_id, before_value, after_value)
         VALUES (?, ?, ?, ?, ?, ${NEXT_AUDIT_SEQ}, ?, ?, ?)`,
        [
          hallId,
          line.at,
          actor,
          line.action,
          line.subject,
          hallId,
          line.id,
          JSON.stringify(line.before ?? null),
          JSON.stringify(line.after ?? null),
        ],
      );
      const kept = await tx.get<AuditRow>(`${AUDIT_SELECT} WHERE hall_id = ? AND line_id = ?`, [
        hallId,
        line.id,
      ]);
      if (!kept) throw new Error(`audit line ${line.id} was not kept`);
      return { entry: auditLineOf(kept), repeated: false };
    });
  }

  auditLines(hallId: string, after: number, limit: number): Promise<HallAuditLine[]> {
    return this.#read(async (tx) =>
      (
        await tx.all<AuditRow>(
          `${AUDIT_SELECT} WHERE hall_id = ? AND hall_seq > ? ORDER BY hall_seq LIMIT ?`,
          [hallId, after, limit],
        )
      ).map(auditLineOf),
    );
  }

  recordOffer(hallId: string, offer: RatingOffer): Promise<{ repeated: boolean }> {
    return this.#write(hallId, async (tx) => {
      const changed = await tx.run(
        `INSERT INTO rating_offers (hall_id, id, at, kiosk_id, subject, rated)
         VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (hall_id, id) DO NOTHING`,
        [
          hallId,
          offer.id,
          offer.at,
          offer.kioskId,
          JSON.stringify(offer.subject),
          offer.rated ? 1 : 0,
        ],
      );
      return { repeated: changed === 0 };
    });
  }

  offers(hallId: string): Promise<RatingOffer[]> {
    return this.#read(async (tx) => {
      const rows = await tx.all<{
        id: string;
        at: string;
        kiosk_id: string;
        subject: string;
        rated: number;
      }>(
        `SELECT id, at, kiosk_id, subject, rated FROM rating_offers WHERE hall_id = ?
         ORDER BY at, id`,
        [hallId],
      );
      return rows.map((r) => ({
        id: r.id,
        at: r.at,
        kioskId: r.kiosk_id,
        subject: JSON.parse(r.subject) as RatingOffer['subject'],
        rated: r.rated === 1,
      }));
    });
  }

  addRating(
    hallId: string,
    rating: Rating,
    offerId: string,
    order: WorkOrder | null,
  ): Promise<AddRatingOutcome> {
    if (order && order.ratingId !== rating.id)
      return Promise.reject(
        new Error(`work order ${order.id} is for rating ${order.ratingId}, not ${rating.id}`),
      );
    return this.#write(hallId, async (tx): Promise<AddRatingOutcome> => {
      const kept = await tx.get<{ offer_id: string }>(
        'SELECT offer_id FROM ratings WHERE hall_id = ? AND id = ?',
        [hallId, rating.id],
      );
      // The same rating sent again (an outbox retry after a lost answer): kept once.
      if (kept && kept.offer_id === offerId) return { ok: true, repeated: true };
      if (kept) return { ok: false, reason: 'already-rated' };
      const offer = await tx.get<{ rated: number }>(
        'SELECT rated FROM rating_offers WHERE hall_id = ? AND id = ?',
        [hallId, offerId],
      );
      if (!offer) return { ok: false, reason: 'unknown-offer' };
      if (offer.rated === 1) return { ok: false, reason: 'already-rated' };
      await tx.run('UPDATE rating_offers SET rated = 1 WHERE hall_id = ? AND id = ?', [
        hallId,
        offerId,
      ]);
      await tx.run(
        'INSERT INTO ratings (hall_id, id, offer_id, at, kiosk_id, body) VALUES (?, ?, ?, ?, ?, ?)',
        [hallId, rating.id, offerId, rating.at, rating.kioskId, JSON.stringify(rating)],
      );
      if (order)
        await tx.run(
          `INSERT INTO work_orders (hall_id, id, rating_id, opened_at, state, body, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
          [
            hallId,
            order.id,
            order.ratingId,
            order.openedAt,
            order.state,
            JSON.stringify(order),
            order.openedAt,
          ],
        );
      return { ok: true, repeated: false };
    });
  }

  ratings(hallId: string): Promise<Rating[]> {
    return this.#read(async (tx) =>
      (
        await tx.all<{ body: string }>(
          'SELECT body FROM ratings WHERE hall_id = ? ORDER BY at, id',
          [hallId],
        )
      ).map((r) => JSON.parse(r.body) as Rating),
    );
  }

  workOrders(hallId: string): Promise<WorkOrder[]> {
    return this.#read(async (tx) =>
      (
        await tx.all<{ body: string }>(
          'SELECT body FROM work_orders WHERE hall_id = ? ORDER BY opened_at, id',
          [hallId],
        )
      ).map((r) => JSON.parse(r.body) as WorkOrder),
    );
  }

  saveWorkOrder(hallId: string, order: WorkOrder, now: Date): Promise<boolean> {
    return this.#write(hallId, async (tx) => {
      const changed = await tx.run(
        `UPDATE work_orders SET state = ?, body = ?, updated_at = ?
         WHERE hall_id = ? AND id = ? AND rating_id = ?`,
        [order.state, JSON.stringify(order), now.toISOString(), hallId, order.id, order.ratingId],
      );
      return changed > 0;
    });
  }

  recordDeviceEvent(hallId: string, kioskId: string, event: DeviceEvent): Promise<void> {
    return this.#write(hallId, async (tx) => {
      const last = await tx.get<{ n: number | null }>(
        'SELECT MAX(n) AS n FROM device_events WHERE hall_id = ? AND kiosk_id = ?',
        [hallId, kioskId],
      );
      const n = (last?.n ?? 0) + 1;
      await tx.run(
        'INSERT INTO device_events (hall_id, kiosk_id, n, at, device, what) VALUES (?, ?, ?, ?, ?, ?)',
        [hallId, kioskId, n, event.at, event.device, event.what],
      );
      // Past the limit the kiosk's oldest go, in the same transaction.
      await tx.run('DELETE FROM device_events WHERE hall_id = ? AND kiosk_id = ? AND n <= ?', [
        hallId,
        kioskId,
        n - DEVICE_EVENTS_KEPT,
      ]);
    });
  }

  deviceEvents(hallId: string, kioskId: string | null): Promise<HallDeviceEvent[]> {
    return this.#read(async (tx) => {
      const rows = await tx.all<{ kiosk_id: string; at: string; device: string; what: string }>(
        kioskId === null
          ? `SELECT kiosk_id, at, device, what FROM device_events WHERE hall_id = ?
             ORDER BY at DESC, kiosk_id, n DESC`
          : `SELECT kiosk_id, at, device, what FROM device_events
             WHERE hall_id = ? AND kiosk_id = ? ORDER BY n DESC`,
        kioskId === null ? [hallId] : [hallId, kioskId],
      );
      return rows.map((r) => ({ kioskId: r.kiosk_id, at: r.at, device: r.device, what: r.what }));
    });
  }

  close(): Promise<void> {
    return this.#db.close();
  }
}

/** The hall's next audit number; its one parameter is the hall. */
const NEXT_AUDIT_SEQ = '(SELECT COALESCE(MAX(hall_seq), 0) + 1 FROM audit_log WHERE hall_id = ?)';

const AUDIT_SELECT = `SELECT hall_seq, at, actor, action, detail, before_value, after_value
  FROM audit_log`;

interface AuditRow {
  hall_seq: number;
  at: string;
  actor: string;
  action: string;
  detail: string;
  before_value: string | null;
  after_value: string | null;
}

function auditLineOf(row: AuditRow): HallAuditLine {
  return {
    seq: Number(row.hall_seq),
    at: row.at,
    kioskId: row.actor.startsWith('kiosk:') ? row.actor.slice('kiosk:'.length) : row.actor,
    actor: row.actor,
    // Lines the server writes itself (logins, refusals) have actions of their own.
    action: row.action as AuditAction,
    subject: row.detail,
    before: row.before_value === null ? null : (JSON.parse(row.before_value) as unknown),
    after: row.after_value === null ? null : (JSON.parse(row.after_value) as unknown),
  };
}

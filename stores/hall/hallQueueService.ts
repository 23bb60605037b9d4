import type { IDBPDatabase } from 'idb';
import {
  addDays,
  checkIssuing,
  clockOf,
  nextWorkingDays,
  type AllocateResult,
  type Appointment,
  type AppointmentTime,
  type BookingRequest,
  type BookResult,
  type CalendarDate,
  type CancelResult,
  type CheckInRequest,
  type CheckInResult,
  type ClockTime,
  type ErrorBody,
  type HallTicket,
  type IssuedTicket,
  type MoveResult,
  type PlacesLeft,
  type PriorityReason,
  type QueueService,
  type QueueServiceConfig,
  type QueueTicket,
  type ReconcileResult,
  type ReservedBlock,
  type TicketIssuedBody,
  type TicketRequest,
  type TicketRequestBody,
  type WorkingCalendar,
} from '../../domain';
import { HALL_QUEUE_DATABASE } from './database';
import { HallClient, HallRefusedError, HallUnreachableError, type HallFetch } from './hallClient';
import {
  openOfflineQueue,
  type OfflineQueueDb,
  type OutboxEntry,
  type ReserveProblem,
  type ReserveTicket,
} from './offlineQueue';

export interface HallQueueOptions {
  /** The hall server's address (absolute, or a path on the page's origin such as `/`). */
  url: string;
  /** This kiosk's token (`Authorization: Bearer …`). */
  token: string;
  kioskId: string;
  /** The kiosk's queue services: issuing hours are still checked when the server is out of reach. */
  services: readonly QueueServiceConfig[];
  /** For the next working day's block. */
  calendar: WorkingCalendar;
  timeZone: string;
  fetch?: HallFetch;
  now?: () => Date;
  /** Each call's bound (3 s). */
  timeoutMs?: number;
  /** Tries of one allocation (each with the same requestId) before the reserve block (2). */
  attempts?: number;
  /** How often pending reserve numbers and marks are sent again while any wait (10 s). */
  reconcileEveryMs?: number;
  /** How often the blocks are fetched again while the server answers (10 min). */
  blockRefreshMs?: number;
  /** Reserve numbers per service and day (20). */
  blockSize?: number;
  databaseName?: string;
  /** A reserve number the server refused at reconciliation (it is kept, and staff must look). */
  onReserveRefused?: (problem: ReserveProblem) => void;
  /** Fetch the blocks and start the timers at once (true); tests drive them by hand. */
  autoStart?: boolean;
}

/** What one reconciliation did. */
export interface ReconcileReport {
  accepted: string[];
  already: string[];
  refused: ReserveProblem[];
  /** Reserve numbers and marks still waiting for the server. */
  waiting: number;
  /** Whether the server answered. */
  reached: boolean;
}

/**
 * The queue port over the hall server (issue 15): every kiosk of the hall draws from one
 * sequence. Each allocation carries one requestId, sent again on a timeout, so a slow answer never
 * makes two numbers. When the server does not answer, the number comes from this kiosk's reserved
 * block (AR001 …, `reserve: true`), kept in IndexedDB with what the server must still be told; a
 * loop hands them over (POST /api/queue/blocks/reconcile) every 10 s while any wait, and at once
 * when the server answers again. Appointments need the server: offline they fail clearly
 * (HallUnreachableError), never booked on the side.
 */
export class HallQueueService implements QueueService {
  readonly #client: HallClient;
  readonly #kioskId: string;
  readonly #services: ReadonlyMap<string, QueueServiceConfig>;
  readonly #calendar: WorkingCalendar;
  readonly #timeZone: string;
  readonly #now: () => Date;
  readonly #attempts: number;
  readonly #reconcileEveryMs: number;
  readonly #blockSize: number;
  readonly #onReserveRefused: (problem: ReserveProblem) => void;
  readonly #db: Promise<IDBPDatabase<OfflineQueueDb>>;
  /** Whether the server answered the last call (assumed until one fails). */
  #online = true;
  #reconcileTimer: ReturnType<typeof setTimeout> | null = null;
  #refreshTimer: ReturnType<typeof setInterval> | null = null;
  #reconciling: Promise<ReconcileReport> | null = null;
  /** Reconciliation and a release of a reserve number take turns. */
  #turn: Promise<unknown> = Promise.resolve();
  #closed = false;

  constructor(options: HallQueueOptions) {
    const fetcher = options.fetch ?? ((request: Request) => fetch(request));
    this.#client = new HallClient({
      url: options.url,
      token: options.token,
      fetch: fetcher,
      timeoutMs: options.timeoutMs ?? 3_000,
    });
    this.#kioskId = options.kioskId;
    this.#services = new Map(options.services.map((s) => [s.code, s]));
    this.#calendar = options.calendar;
    this.#timeZone = options.timeZone;
    this.#now = options.now ?? (() => new Date());
    this.#attempts = Math.max(1, options.attempts ?? 2);
    this.#reconcileEveryMs = options.reconcileEveryMs ?? 10_000;
    this.#blockSize = options.blockSize ?? 20;
    this.#onReserveRefused =
      options.onReserveRefused ??
      ((problem) =>
        console.warn(
          `Reserve number ${problem.number} (${problem.serviceCode}, ${problem.date}) was refused by the hall server: ${problem.reason}. It is kept in ${HALL_QUEUE_DATABASE} for staff.`,
        ));
    this.#db = openOfflineQueue(options.databaseName);
    if (options.autoStart ?? true) {
      void this.refreshBlocks().catch(() => undefined);
      void this.reconcile();
      this.#refreshTimer = setInterval(
        () => {
          if (this.#online) void this.refreshBlocks().catch(() => undefined);
        },
        options.blockRefreshMs ?? 10 * 60_000,
      );
    }
  }

  /** Whether the hall server answered the last call. */
  get online(): boolean {
    return this.#online;
  }

  // ─── queue ────────────────────────────────────────────────────────────────────────────────

  async allocate(request: TicketRequest): Promise<AllocateResult> {
    const body: TicketRequestBody & { requestId: string } = {
      serviceCode: request.serviceCode,
      priority: wirePriority(request.priority),
      kioskId: this.#kioskId,
      requestId: crypto.randomUUID(),
      holderKey: request.holderKey,
    };
    try {
      const answer = await this.#tries(this.#online ? this.#attempts : 1, () =>
        this.#client.call<TicketIssuedBody | ErrorBody>(
          'POST',
          '/api/queue/tickets',
          body,
          [200, 201, 409],
        ),
      );
      this.#answered();
      if (answer.status === 409) return { ok: false, refusal: portRefusal(answer.body) };
      const issued = answer.body as TicketIssuedBody;
      return {
        ok: true,
        ticket: citizenTicket(issued.ticket, issued.waitingAhead, request),
        reprint: issued.reprint,
      };
    } catch (error) {
      if (!(error instanceof HallUnreachableError)) throw error;
      this.#unreachable();
      // It may have arrived after all: asked again and released once the server answers (without
      // the card's key, which that needs not: only whether a number was made).
      await this.#enqueue({
        key: `abandoned:${body.requestId}`,
        kind: 'abandoned',
        body: { ...body, holderKey: null },
        at: this.#now().toISOString(),
      });
      return this.#allocateFromBlock(request);
    }
  }

  /** A number from this kiosk's block for the request's day, kept until the server has it. */
  async #allocateFromBlock(request: TicketRequest): Promise<AllocateResult> {
    const service = this.#services.get(request.serviceCode);
    if (service) {
      // Quotas are the server's to count; the hours a number may be issued are known here too.
      const refusal = checkIssuing(service, request.time, { today: 0, byWindow: {} });
      if (refusal?.reason === 'outside-issuing-hours') return { ok: false, refusal };
    }
    const db = await this.#db;
    const tx = db.transaction(['blocks', 'reserve'], 'readwrite');
    const reserve = tx.objectStore('reserve');
    const issued = await reserve.index('byServiceDay').getAll([request.serviceCode, request.date]);
    const held = request.holderKey
      ? issued.find(
          (t) =>
            t.holderKey === request.holderKey &&
            t.kioskId === this.#kioskId &&
            t.state !== 'refused',
        )
      : undefined;
    if (held) {
      await tx.done;
      return { ok: true, ticket: reserveTicket(held, request), reprint: true };
    }
    const block = await tx
      .objectStore('blocks')
      .get([this.#kioskId, request.date, request.serviceCode]);
    // Blocks of different kiosks never overlap: every number issued here is used, whoever's.
    const used = new Set(issued.map((t) => t.number));
    const number = block?.numbers.find((n) => !used.has(n));
    if (!number) {
      await tx.done;
      return { ok: false, refusal: { reason: 'hall-unreachable' } };
    }
    const ticket: ReserveTicket = {
      requestId: crypto.randomUUID(),
      kioskId: this.#kioskId,
      serviceCode: request.serviceCode,
      date: request.date,
      number,
      sequence: Number.parseInt(number.slice(2), 10),
      issuedAt: this.#now().toISOString(),
      priority: request.priority !== null,
      holderKey: request.holderKey,
      handedOut: false,
      printed: false,
      state: 'pending',
      refusal: null,
      settledAt: null,
    };
    await reserve.add(ticket);
    await tx.done;
    this.#armReconcile();
    return { ok: true, ticket: reserveTicket(ticket, request), reprint: false };
  }

  markHandedOut(ticketId: string): Promise<void> {
    return this.#mark(ticketId, 'handed-out');
  }

  markPrinted(ticketId: string): Promise<void> {
    return this.#mark(ticketId, 'printed');
  }

  release(ticketId: string): Promise<void> {
    return this.#mark(ticketId, 'release');
  }

  async #mark(ticketId: string, mark: 'handed-out' | 'printed' | 'release'): Promise<void> {
    const db = await this.#db;
    if (await db.get('reserve', ticketId)) return this.#markReserve(ticketId, mark);
    const entry: OutboxEntry = {
      key: `mark:${ticketId}:${mark}`,
      kind: 'mark',
      ticketId,
      mark,
      at: this.#now().toISOString(),
    };
    // Known to be cut off: queued at once, the citizen does not wait for a timeout.
    if (!this.#online) return this.#enqueue(entry);
    try {
      await this.#sendMark(ticketId, mark);
      this.#answered();
    } catch (error) {
      if (!(error instanceof HallUnreachableError)) throw error;
      this.#unreachable();
      await this.#enqueue(entry);
    }
  }

  /**
   * A reserve number has no mark on the server until it is reconciled: here it is the kiosk's.
   * Released before anyone saw it (and not yet sent), it is never sent; its number is not used
   * again (the reserve series need not be gap-free; one number twice would be worse).
   */
  #markReserve(ticketId: string, mark: 'handed-out' | 'printed' | 'release'): Promise<void> {
    return this.#inTurn(async () => {
      const db = await this.#db;
      const tx = db.transaction('reserve', 'readwrite');
      const ticket = await tx.store.get(ticketId);
      if (!ticket) throw new Error(`No reserve ticket ${ticketId} to mark ${mark}`);
      if (mark === 'release') {
        if (!ticket.handedOut && !ticket.printed && ticket.state === 'pending')
          await tx.store.put({ ...ticket, state: 'released' });
      } else {
        await tx.store.put({
          ...ticket,
          handedOut: true,
          printed: ticket.printed || mark === 'printed',
        });
      }
      await tx.done;
    });
  }

  async #sendMark(ticketId: string, mark: 'handed-out' | 'printed' | 'release'): Promise<void> {
    await this.#client.call(
      'POST',
      `/api/queue/tickets/${encodeURIComponent(ticketId)}/${mark}`,
      {},
      [200, 204],
    );
  }

  async issued(serviceCode: string, date: CalendarDate): Promise<IssuedTicket[]> {
    const query = new URLSearchParams({ date, serviceCode });
    const answer = await this.#reach(() =>
      this.#client.call<HallTicket[]>(
        'GET',
        `/api/queue/tickets?${query.toString()}`,
        undefined,
        [200],
      ),
    );
    return answer.body.map(issuedTicket);
  }

  /** This kiosk's reserve numbers of a day, with what the server made of them. */
  async reserveTickets(date: CalendarDate): Promise<ReserveTicket[]> {
    const db = await this.#db;
    const tickets = await db.getAllFromIndex('reserve', 'byDate', date);
    return tickets.sort((a, b) => a.issuedAt.localeCompare(b.issuedAt));
  }

  /** Reserve numbers the server refused (kept for staff). */
  async reserveProblems(): Promise<ReserveProblem[]> {
    return (await this.#db).getAll('problems');
  }

  /** Erases this kiosk's local records dated before the retention; a number not yet sent stays. */
  async purge(today: CalendarDate, retentionDays: number): Promise<void> {
    const db = await this.#db;
    const cutoff = addDays(today, -retentionDays);
    const older = IDBKeyRange.upperBound(cutoff, true);
    const tx = db.transaction(['reserve', 'problems', 'blocks'], 'readwrite');
    const byDate = tx.objectStore('reserve').index('byDate');
    for (let cursor = await byDate.openCursor(older); cursor; cursor = await cursor.continue())
      if (cursor.value.state !== 'pending') await cursor.delete();
    const problems = tx.objectStore('problems').index('byDate');
    for (let cursor = await problems.openCursor(older); cursor; cursor = await cursor.continue())
      await cursor.delete();
    const blocks = tx.objectStore('blocks');
    for (let cursor = await blocks.openCursor(); cursor; cursor = await cursor.continue())
      if (cursor.value.date < today) await cursor.delete();
    await tx.done;
  }

  // ─── reserved blocks and reconciliation ───────────────────────────────────────────────────

  /** Fetches (or fetches again: the server answers with the same) this kiosk's blocks for today and the next working day. */
  async refreshBlocks(): Promise<ReservedBlock[]> {
    const { date } = clockOf(this.#now(), this.#timeZone);
    const days = [date, ...nextWorkingDays(this.#calendar, date, 1)];
    const fetched: ReservedBlock[] = [];
    try {
      for (const day of days) {
        const answer = await this.#client.call<{ blocks: ReservedBlock[] }>(
          'POST',
          '/api/queue/blocks',
          { kioskId: this.#kioskId, date: day, size: this.#blockSize },
          [200, 201],
        );
        fetched.push(...answer.body.blocks);
      }
      this.#answered();
    } catch (error) {
      if (error instanceof HallUnreachableError) this.#unreachable();
      else console.warn('The reserve blocks could not be fetched', error);
      throw error;
    }
    const db = await this.#db;
    const tx = db.transaction('blocks', 'readwrite');
    const fetchedAt = this.#now().toISOString();
    for (const block of fetched) await tx.store.put({ ...block, fetchedAt });
    await tx.done;
    return fetched;
  }

  /**
   * Hands pending reserve numbers and queued marks to the server. Runs by itself (every 10 s while
   * anything waits, at once when the server answers again); sending the same twice changes nothing.
   */
  reconcile(): Promise<ReconcileReport> {
    this.#reconciling ??= this.#inTurn(() => this.#reconcileOnce()).finally(() => {
      this.#reconciling = null;
      void this.#waiting().then((waiting) => {
        if (waiting > 0) this.#armReconcile();
      });
    });
    return this.#reconciling;
  }

  async #reconcileOnce(): Promise<ReconcileReport> {
    const report: ReconcileReport = {
      accepted: [],
      already: [],
      refused: [],
      waiting: 0,
      reached: false,
    };
    const db = await this.#db;
    try {
      // Allocations that may have gone through first: their numbers go back to the hall.
      for (const entry of await db.getAll('outbox')) {
        if (entry.kind !== 'abandoned' || entry.body.kioskId !== this.#kioskId) continue;
        await this.#refusedIsDropped(entry, () => this.#settleAbandoned(entry));
        report.reached = true;
      }
      // Another kiosk's numbers (its page in the same browser) are that page's to send.
      const pending = (await db.getAllFromIndex('reserve', 'byState', 'pending')).filter(
        (t) => t.kioskId === this.#kioskId,
      );
      try {
        for (let at = 0; at < pending.length; at += 1000) {
          const batch = pending.slice(at, at + 1000);
          const answer = await this.#client.call<ReconcileResult>(
            'POST',
            '/api/queue/blocks/reconcile',
            {
              kioskId: this.#kioskId,
              tickets: batch.map((t) => ({
                requestId: t.requestId,
                serviceCode: t.serviceCode,
                date: t.date,
                number: t.number,
                issuedAt: t.issuedAt,
                priority: t.priority,
                holderKey: t.holderKey,
              })),
            },
            [200],
          );
          report.reached = true;
          await this.#settle(batch, answer.body, report);
        }
      } catch (error) {
        // Refused whole (a request this build made wrong): kept pending, sent again next turn.
        if (!(error instanceof HallRefusedError)) throw error;
        console.error('The hall server refused the reserve numbers; they are kept', error);
      }
      for (const entry of await db.getAll('outbox')) {
        if (entry.kind !== 'mark') continue;
        await this.#refusedIsDropped(entry, () => this.#sendMark(entry.ticketId, entry.mark));
        report.reached = true;
      }
      if (report.reached) this.#answered(false);
    } catch (error) {
      if (error instanceof HallUnreachableError) this.#unreachable();
      else console.error('Reconciliation with the hall server failed', error);
    }
    report.waiting = await this.#waiting();
    return report;
  }

  /**
   * Sends one queued entry and takes it off the queue; one the server refuses outright (404 for a
   * ticket it does not know, 400) is dropped with a warning rather than holding up the rest for
   * ever. A server that does not answer leaves it queued (HallUnreachableError goes up).
   */
  async #refusedIsDropped(entry: OutboxEntry, send: () => Promise<void>): Promise<void> {
    try {
      await send();
    } catch (error) {
      if (!(error instanceof HallRefusedError)) throw error;
      console.warn(`A queued call to the hall server was refused and dropped: ${error.message}`);
    }
    await (await this.#db).delete('outbox', entry.key);
  }

  async #settleAbandoned(entry: Extract<OutboxEntry, { kind: 'abandoned' }>): Promise<void> {
    const answer = await this.#client.call<TicketIssuedBody | ErrorBody>(
      'POST',
      '/api/queue/tickets',
      { ...entry.body, holderKey: null },
      [200, 201, 409],
    );
    if (answer.status !== 409) {
      const issued = answer.body as TicketIssuedBody;
      if (!issued.reprint && !issued.ticket.printed)
        await this.#sendMark(issued.ticket.id, 'release');
    }
  }

  async #settle(
    batch: readonly ReserveTicket[],
    result: ReconcileResult,
    report: ReconcileReport,
  ): Promise<void> {
    const db = await this.#db;
    const accepted = new Set(result.accepted);
    const already = new Set(result.already);
    const refused = new Map(result.refused.map((r) => [r.number, r.reason]));
    const at = this.#now().toISOString();
    const tx = db.transaction(['reserve', 'problems'], 'readwrite');
    const problems: ReserveProblem[] = [];
    for (const sent of batch) {
      const ticket = await tx.objectStore('reserve').get(sent.requestId);
      if (!ticket || ticket.state !== 'pending') continue;
      // The server answers by number; a kiosk's numbers are unique per service and day.
      const reason = refused.get(sent.number);
      if (accepted.has(sent.number) || accepted.has(sent.requestId)) {
        report.accepted.push(sent.number);
        await tx.objectStore('reserve').put({ ...ticket, state: 'accepted', settledAt: at });
      } else if (already.has(sent.number) || already.has(sent.requestId)) {
        report.already.push(sent.number);
        await tx.objectStore('reserve').put({ ...ticket, state: 'already', settledAt: at });
      } else if (reason) {
        const problem: ReserveProblem = {
          at,
          number: sent.number,
          serviceCode: sent.serviceCode,
          date: sent.date,
          requestId: sent.requestId,
          reason,
        };
        problems.push(problem);
        await tx
          .objectStore('reserve')
          .put({ ...ticket, state: 'refused', refusal: reason, settledAt: at });
        await tx.objectStore('problems').add(problem);
      }
    }
    await tx.done;
    report.refused.push(...problems);
    for (const problem of problems) this.#onReserveRefused(problem);
  }

  async #waiting(): Promise<number> {
    const db = await this.#db;
    const [pending, outbox] = await Promise.all([
      db.getAllFromIndex('reserve', 'byState', 'pending'),
      db.getAll('outbox'),
    ]);
    return (
      pending.filter((t) => t.kioskId === this.#kioskId).length +
      outbox.filter((e) => e.kind === 'mark' || e.body.kioskId === this.#kioskId).length
    );
  }

  async #enqueue(entry: OutboxEntry): Promise<void> {
    await (await this.#db).put('outbox', entry);
    this.#armReconcile();
  }

  #armReconcile(): void {
    if (this.#closed || this.#reconcileTimer) return;
    this.#reconcileTimer = setTimeout(() => {
      this.#reconcileTimer = null;
      void this.reconcile();
    }, this.#reconcileEveryMs);
  }

  /** The server answered: after a time cut off, what waits is handed over at once. */
  #answered(reconcileNow = true): void {
    const wasOffline = !this.#online;
    this.#online = true;
    if (!wasOffline || this.#closed) return;
    if (reconcileNow) void this.reconcile();
    // The blocks may have failed at start, or be a day old: fetched again while it answers.
    void this.refreshBlocks().catch(() => undefined);
  }

  #unreachable(): void {
    this.#online = false;
    this.#armReconcile();
  }

  #inTurn<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#turn.then(work, work);
    this.#turn = run.catch(() => undefined);
    return run;
  }

  async #tries<T>(attempts: number, call: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await call();
      } catch (error) {
        if (!(error instanceof HallUnreachableError) || attempt >= attempts) throw error;
      }
    }
  }

  // ─── appointments: the server's, never booked offline ─────────────────────────────────────

  async placesLeft(serviceCode: string, dates: readonly CalendarDate[]): Promise<PlacesLeft> {
    const query = new URLSearchParams({ serviceCode, dates: dates.join(',') });
    const answer = await this.#reach(() =>
      this.#client.call<PlacesLeft>(
        'GET',
        `/api/appointments/places?${query.toString()}`,
        undefined,
        [200],
      ),
    );
    return answer.body;
  }

  async book(request: BookingRequest): Promise<BookResult> {
    const body = {
      serviceCode: request.serviceCode,
      date: request.date,
      slot: { start: request.slot.start, end: request.slot.end },
      holderKey: request.holderKey,
      maskedPhone: request.maskedPhone,
      kioskId: this.#kioskId,
      requestId: crypto.randomUUID(),
    };
    const answer = await this.#reach(() =>
      this.#tries(this.#attempts, () =>
        this.#client.call<{ appointment: Appointment } | ErrorBody>(
          'POST',
          '/api/appointments',
          body,
          [200, 201, 404, 409],
        ),
      ),
    );
    if (answer.status === 200 || answer.status === 201) {
      const { appointment } = answer.body as { appointment: Appointment };
      return { ok: true, appointment: { ...appointment, maskedId: request.maskedId } };
    }
    const refused = answer.body as ErrorBody & { appointment?: Appointment };
    const reason = refused.refusal?.reason;
    if (reason === 'already-booked' && refused.appointment)
      return {
        ok: false,
        reason,
        appointment: { ...refused.appointment, maskedId: request.maskedId },
      };
    if (reason === 'slot-full' || reason === 'unknown-service') return { ok: false, reason };
    // A slot the hall no longer offers: for the citizen, as full (choose another).
    if (reason === 'not-bookable') return { ok: false, reason: 'slot-full' };
    if (answer.status === 404) return { ok: false, reason: 'unknown-service' };
    throw new HallRefusedError(answer.status, refused, 'the booking');
  }

  async checkIn(request: CheckInRequest): Promise<CheckInResult> {
    const body = {
      ...('appointmentId' in request
        ? { appointmentId: request.appointmentId }
        : { holderKey: request.holderKey }),
      ticketKey: request.ticketKey ?? null,
      kioskId: this.#kioskId,
      requestId: crypto.randomUUID(),
    };
    const answer = await this.#reach(() =>
      this.#tries(this.#attempts, () =>
        this.#client.call<
          { appointment: Appointment; ticket: HallTicket; waitingAhead?: number } | ErrorBody
        >('POST', '/api/appointments/check-in', body, [200, 201, 404, 409]),
      ),
    );
    const maskedId = request.maskedId ?? null;
    if (answer.status === 200 || answer.status === 201) {
      const done = answer.body as {
        appointment: Appointment;
        ticket: HallTicket;
        waitingAhead?: number;
      };
      return {
        ok: true,
        appointment: { ...done.appointment, maskedId },
        ticket: citizenTicket(done.ticket, done.waitingAhead ?? done.ticket.waitingAhead, {
          maskedId,
          priority: 'appointment',
        }),
      };
    }
    const refused = answer.body as ErrorBody;
    const refusal = refused.refusal as
      | { reason: 'too-early'; opensAt: ClockTime }
      | { reason: 'other-day'; date: CalendarDate }
      | { reason: 'too-late' | 'unknown-appointment' }
      | { reason: string }
      | undefined;
    if (answer.status === 404 || refusal?.reason === 'unknown-appointment')
      return { ok: false, reason: 'unknown-appointment' };
    if (refusal && 'opensAt' in refusal)
      return { ok: false, reason: 'too-early', opensAt: refusal.opensAt };
    if (refusal && 'date' in refusal) return { ok: false, reason: 'other-day', date: refusal.date };
    if (refusal?.reason === 'too-late') return { ok: false, reason: 'too-late' };
    throw new HallRefusedError(answer.status, refused, 'the check-in');
  }

  async appointments(dates: readonly CalendarDate[]): Promise<Appointment[]> {
    const query = new URLSearchParams({ dates: dates.join(',') });
    const answer = await this.#reach(() =>
      this.#client.call<Appointment[]>(
        'GET',
        `/api/appointments?${query.toString()}`,
        undefined,
        [200],
      ),
    );
    return answer.body;
  }

  async cancelAppointment(id: string, reason: string, _now: Date): Promise<CancelResult> {
    const why = requiredReason(reason, 'cancelAppointment');
    const answer = await this.#reach(() =>
      this.#client.call<{ appointment: Appointment } | ErrorBody>(
        'POST',
        `/api/appointments/${encodeURIComponent(id)}/cancel`,
        { reason: why },
        [200, 404, 409],
      ),
    );
    if (answer.status === 200)
      return { ok: true, appointment: (answer.body as { appointment: Appointment }).appointment };
    const refused = (answer.body as ErrorBody).refusal?.reason;
    return { ok: false, reason: refused === 'checked-in' ? 'checked-in' : 'unknown-appointment' };
  }

  async moveAppointment(
    id: string,
    to: AppointmentTime,
    reason: string,
    _now: Date,
  ): Promise<MoveResult> {
    const why = requiredReason(reason, 'moveAppointment');
    const answer = await this.#reach(() =>
      this.#client.call<{ appointment: Appointment } | ErrorBody>(
        'POST',
        `/api/appointments/${encodeURIComponent(id)}/move`,
        { to: { date: to.date, slot: { start: to.slot.start, end: to.slot.end } }, reason: why },
        [200, 404, 409],
      ),
    );
    if (answer.status === 200)
      return { ok: true, appointment: (answer.body as { appointment: Appointment }).appointment };
    const refused = (answer.body as ErrorBody).refusal?.reason;
    const known = ['checked-in', 'slot-full', 'same-slot', 'already-booked'] as const;
    return {
      ok: false,
      reason: known.find((k) => k === refused) ?? 'unknown-appointment',
    };
  }

  /** A call that needs the server: its answer, or HallUnreachableError (noted: the loop retries). */
  async #reach<T>(call: () => Promise<T>): Promise<T> {
    try {
      const answer = await call();
      this.#answered();
      return answer;
    } catch (error) {
      if (error instanceof HallUnreachableError) this.#unreachable();
      throw error;
    }
  }

  /** Stops the timers and closes the database (tests; a page simply goes). */
  async close(): Promise<void> {
    this.#closed = true;
    if (this.#reconcileTimer) clearTimeout(this.#reconcileTimer);
    if (this.#refreshTimer) clearInterval(this.#refreshTimer);
    await this.#reconciling?.catch(() => undefined);
    (await this.#db).close();
  }
}

/** The server keeps only whether a ticket has priority; a reprint's 'unstated' is never asked for. */
function wirePriority(priority: TicketRequest['priority']): PriorityReason | null {
  if (priority === 'unstated')
    throw new Error(
      "allocate() takes the visit's priority reason; 'unstated' is only printed on a reprint",
    );
  return priority;
}

function portRefusal(body: unknown): Extract<AllocateResult, { ok: false }>['refusal'] {
  const refusal = (body as ErrorBody | null)?.refusal;
  switch (refusal?.reason) {
    case 'outside-issuing-hours':
    case 'window-quota-used':
      return {
        reason: refusal.reason,
        nextWindowStart:
          'nextWindowStart' in refusal ? (refusal.nextWindowStart as ClockTime | null) : null,
      };
    case 'daily-max-reached':
    case 'unknown-service':
      return { reason: refusal.reason };
    default:
      throw new HallRefusedError(409, body as ErrorBody | null, 'the ticket');
  }
}

function issuedTicket(ticket: HallTicket): IssuedTicket {
  return {
    id: ticket.id,
    serviceCode: ticket.serviceCode,
    date: ticket.date,
    number: ticket.number,
    sequence: ticket.sequence,
    priority: ticket.priority,
    issuedAt: ticket.issuedAt,
    waitingAhead: ticket.waitingAhead,
    printed: ticket.printed,
    reserve: ticket.reserve,
  };
}

function citizenTicket(
  ticket: HallTicket,
  waitingAhead: number,
  visit: Pick<TicketRequest, 'maskedId' | 'priority'>,
): QueueTicket {
  return {
    ...issuedTicket(ticket),
    waitingAhead,
    priority: ticket.priority ? (visit.priority ?? 'unstated') : null,
    maskedId: visit.maskedId,
  };
}

function reserveTicket(ticket: ReserveTicket, visit: TicketRequest): QueueTicket {
  return {
    id: ticket.requestId,
    serviceCode: ticket.serviceCode,
    date: ticket.date,
    number: ticket.number,
    sequence: ticket.sequence,
    issuedAt: ticket.issuedAt,
    // Unknown while cut off: the ticket says to watch the call display instead.
    waitingAhead: 0,
    printed: ticket.printed,
    reserve: true,
    priority: ticket.priority ? (visit.priority ?? 'unstated') : null,
    maskedId: visit.maskedId,
  };
}

function requiredReason(reason: string, method: string): string {
  const why = reason.trim();
  if (why === '')
    throw new Error(
      `${method} needs the reason staff gave: ask for it (the console refuses an empty one)`,
    );
  return why;
}

/**
 * What the hall server keeps, behind one interface with two implementations: embedded SQLite
 * (better-sqlite3, WAL, synchronous=FULL; the default, in HALL_DATA) and PostgreSQL (when
 * DATABASE_URL is set; many halls on one database, every row keyed by its hall). Both pass the
 * same tests (tests/hall/). Every method is one transaction: it commits whole or not at all, and
 * an event it raises is written in that same transaction (so a call is never acknowledged without
 * its event, nor an event kept without its call).
 *
 * The HTTP layer (hall-server/app.ts) validates input with domain/hallProtocol.ts and maps the
 * results below to status codes; it holds no rule of its own.
 */
import type {
  AuditEntry,
  AuditLineBody,
  Catalog,
  DeviceEvent,
  HallDeviceEvent,
  Rating,
  RatingOffer,
  StaffSettings,
  WorkOrder,
} from '../../domain';
import type {
  Appointment,
  AppointmentTime,
  CalendarDate,
  CancelResult,
  DeviceReport,
  HallConfig,
  HallEventRecord,
  HallTicket,
  HallWindow,
  MoveResult,
  PlacesLeft,
  QueueRefusal,
  ReconcileResult,
  ReservedBlock,
} from './storeTypes';

export * from './storeTypes';

export interface HallStore {
  /** 'sqlite' or 'postgres', for /api/health and the logs. */
  readonly kind: 'sqlite' | 'postgres';
  /** Runs the versioned migrations not yet applied (idempotent, each in its own transaction). */
  migrate(): Promise<void>;
  /** The hall's configuration (services, hours, calendar, windows); seeded on first start. */
  config(hallId: string): Promise<HallConfig | null>;
  saveConfig(hallId: string, config: HallConfig): Promise<void>;

  // queue
  /**
   * A new ticket of the main series (a released number first), or the card's open ticket of the
   * service again (`reprint`), or the first answer to a retried requestId (`repeated`). A refusal
   * writes nothing and is not remembered: the same requestId asked again is judged again.
   * Rejects with UnknownHallError for a hall nobody seeded (as every hall method does).
   */
  issueTicket(hallId: string, request: IssueTicket): Promise<IssueOutcome>;
  /**
   * false when there is no such ticket. 'released' gives the number back only while nobody can
   * have seen it (waiting, neither handed out nor printed); otherwise it changes nothing.
   */
  markTicket(
    hallId: string,
    ticketId: string,
    mark: 'handed-out' | 'printed' | 'released',
  ): Promise<boolean>;
  tickets(hallId: string, date: CalendarDate, serviceCode?: string): Promise<HallTicket[]>;
  reserveBlocks(
    hallId: string,
    kioskId: string,
    date: CalendarDate,
    size: number,
  ): Promise<ReservedBlock[]>;
  /** `accepted`, `already` and `refused` name the tickets by their numbers (AR001 …). */
  reconcile(
    hallId: string,
    kioskId: string,
    tickets: ReconcileTicket[],
    now: Date,
  ): Promise<ReconcileResult>;

  // appointments
  placesLeft(
    hallId: string,
    serviceCode: string,
    dates: readonly CalendarDate[],
  ): Promise<PlacesLeft>;
  book(hallId: string, request: BookAppointment): Promise<BookOutcome>;
  checkIn(hallId: string, request: CheckInAppointment): Promise<CheckInOutcome>;
  appointments(hallId: string, dates: readonly CalendarDate[]): Promise<Appointment[]>;
  cancelAppointment(hallId: string, id: string, reason: string, now: Date): Promise<CancelResult>;
  moveAppointment(
    hallId: string,
    id: string,
    to: AppointmentTime,
    reason: string,
    now: Date,
  ): Promise<MoveResult>;

  // windows
  windows(hallId: string, date: CalendarDate): Promise<HallWindow[]>;
  /** The waiting list a window would call from, in call order. */
  waitingFor(hallId: string, window: number, date: CalendarDate): Promise<HallTicket[]>;
  /**
   * call-next first finishes the ticket the window was serving (its own ticket-finished event),
   * then calls the next; the other actions act on the window's current ticket.
   */
  windowAction(hallId: string, action: WindowActionRequest): Promise<WindowActionOutcome>;

  // events
  /** Events after `afterId`, in id order (at most `limit`). */
  eventsAfter(hallId: string, afterId: number, limit: number): Promise<HallEventRecord[]>;
  /**
   * Calls `listener` with a hall's id when events of that hall were committed by any server
   * process on this database (PostgreSQL); null where this process is the only writer (SQLite).
   * Resolves to a function that stops it.
   */
  onEvents(listener: (hallId: string) => void): Promise<(() => Promise<void>) | null>;
  lastEventId(hallId: string): Promise<number>;

  // devices
  reportDevices(hallId: string, report: DeviceReport): Promise<void>;
  devices(hallId: string): Promise<DeviceReport[]>;

  // staff and kiosks
  /**
   * The secret the hall's kiosks key ID cards with (HMAC, HolderKeys): 32 random bytes in base64,
   * made on first ask and the same ever after, so a card gives one key at every kiosk of the hall
   * (one open ticket per card, an appointment checked in by card at any kiosk).
   */
  holderSecret(hallId: string, now: Date): Promise<string>;
  kioskByTokenHash(tokenHash: string): Promise<{ hallId: string; kioskId: string } | null>;
  registerKiosk(hallId: string, kioskId: string, tokenHash: string): Promise<void>;
  staffUser(username: string): Promise<StaffUserRecord | null>;
  saveStaffUser(user: StaffUserRecord): Promise<void>;
  createSession(session: StaffSession): Promise<void>;
  sessionByTokenHash(tokenHash: string, now: Date): Promise<StaffSession | null>;
  deleteSession(tokenHash: string): Promise<void>;
  audit(hallId: string, entry: HallAuditEntry): Promise<void>;
  /** The newest `limit` entries, newest first. */
  auditLog(hallId: string, limit: number): Promise<(HallAuditEntry & { seq: number })[]>;

  // the staff console's data, kept once per hall (/api/admin/*)
  /** The settings staff saved for the hall; {} when they never did. */
  staffSettings(hallId: string): Promise<StaffSettings>;
  saveStaffSettings(hallId: string, settings: StaffSettings, now: Date): Promise<void>;
  /** The catalog staff saved for the hall; null when they never did (the file's stands). */
  staffCatalog(hallId: string): Promise<Catalog | null>;
  saveStaffCatalog(hallId: string, catalog: Catalog, now: Date): Promise<void>;
  /**
   * Appends a console audit line, numbered after the hall's last line; a line id kept before
   * answers with the line as first kept (`repeated`), never a second line.
   */
  auditLine(
    hallId: string,
    actor: string,
    line: AuditLineBody,
  ): Promise<{ entry: HallAuditLine; repeated: boolean }>;
  /** Lines numbered after `after`, oldest first (every line of the hall, logins too). */
  auditLines(hallId: string, after: number, limit: number): Promise<HallAuditLine[]>;
  /** Keeps an offer; one already kept under its id stays as it is (`repeated`). */
  recordOffer(hallId: string, offer: RatingOffer): Promise<{ repeated: boolean }>;
  offers(hallId: string): Promise<RatingOffer[]>;
  /** The rating, its offer marked rated and a bad one's work order, in one transaction. */
  addRating(
    hallId: string,
    rating: Rating,
    offerId: string,
    order: WorkOrder | null,
  ): Promise<AddRatingOutcome>;
  ratings(hallId: string): Promise<Rating[]>;
  workOrders(hallId: string): Promise<WorkOrder[]>;
  /** Replaces a work order; false when the hall has none with its id. */
  saveWorkOrder(hallId: string, order: WorkOrder, now: Date): Promise<boolean>;
  /** Keeps a kiosk's device event; past DEVICE_EVENTS_KEPT of the kiosk the oldest go. */
  recordDeviceEvent(hallId: string, kioskId: string, event: DeviceEvent): Promise<void>;
  /** Newest first: one kiosk's, or (null) every kiosk's of the hall. */
  deviceEvents(hallId: string, kioskId: string | null): Promise<HallDeviceEvent[]>;

  close(): Promise<void>;
}

/** A line of the hall's audit log as the console reads it, with who wrote it. */
export type HallAuditLine = AuditEntry & {
  /** `kiosk:<id>` for a kiosk's console, else the staff user's name. */
  actor: string;
};

export type AddRatingOutcome =
  { ok: true; repeated: boolean } | { ok: false; reason: 'unknown-offer' | 'already-rated' };

export interface IssueTicket {
  serviceCode: string;
  priority: boolean;
  kioskId: string;
  requestId: string;
  holderKey: string | null;
  /** The server's clock: the hall day and time are derived from it with the hall's time zone. */
  now: Date;
}
export type IssueOutcome =
  | { ok: true; ticket: HallTicket; waitingAhead: number; reprint: boolean; repeated: boolean }
  | { ok: false; refusal: QueueRefusal };

export interface ReconcileTicket {
  requestId: string;
  serviceCode: string;
  date: CalendarDate;
  number: string;
  issuedAt: string;
  priority: boolean;
  holderKey: string | null;
}

export interface BookAppointment {
  serviceCode: string;
  date: CalendarDate;
  slot: { start: string; end: string };
  holderKey: string;
  maskedPhone: string;
  kioskId: string;
  requestId: string;
  now: Date;
}
export type BookOutcome =
  | { ok: true; appointment: Appointment; repeated: boolean }
  | { ok: false; reason: 'slot-full' | 'unknown-service' | 'not-bookable' }
  | { ok: false; reason: 'already-booked'; appointment: Appointment };

export interface CheckInAppointment {
  appointmentId?: string;
  holderKey?: string;
  ticketKey: string | null;
  kioskId: string;
  requestId: string;
  now: Date;
}
export type CheckInOutcome =
  | { ok: true; appointment: Appointment; ticket: HallTicket; repeated: boolean }
  | { ok: false; reason: 'unknown-appointment' | 'too-late' }
  | { ok: false; reason: 'too-early'; opensAt: string }
  | { ok: false; reason: 'other-day'; date: CalendarDate };

export interface WindowActionRequest {
  window: number;
  action: 'call-next' | 'recall' | 'skip' | 'transfer' | 'finish';
  /** With 'transfer'. */
  serviceCode?: string;
  staff: string;
  now: Date;
}
export type WindowActionOutcome =
  | { ok: true; ticket: HallTicket; eventId: number }
  | {
      ok: false;
      reason: 'queue-empty' | 'no-current-ticket' | 'unknown-window' | 'unknown-service';
    };

export interface StaffUserRecord {
  hallId: string;
  username: string;
  /** scrypt: salt and hash in base64, with its parameters. */
  passwordHash: string;
  role: 'admin' | 'window';
  /** The same lock as the console PIN (domain/hallAdmin.ts afterWrongPin). */
  wrong: number;
  locks: number;
  lockedUntil: string | null;
}
export interface StaffSession {
  tokenHash: string;
  hallId: string;
  username: string;
  role: 'admin' | 'window';
  expiresAt: string;
}
export interface HallAuditEntry {
  at: string;
  actor: string;
  action: string;
  detail: string;
}

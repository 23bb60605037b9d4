/**
 * The hall server's wire protocol (issue 15): what kiosks, the call display (叫号屏), the window
 * console (窗口) and the staff console send to `hall-server/` and get back. One file for both
 * ends: the server validates every body with these schemas (a failed check is a 400 with the
 * reasons), the kiosk's client (stores/hall) and the pages type their calls with them.
 *
 * Conventions:
 * - JSON over HTTP, under `/api/`. Times are ISO 8601 moments; days are the hall's calendar days
 *   (`CalendarDate`, by the hall's time zone on the server's clock, never a kiosk's clock).
 * - A kiosk sends `Authorization: Bearer <kiosk token>`; staff send `Authorization: Bearer
 *   <session token>` from `POST /api/staff/login`. The display's endpoints are public: they show
 *   only numbers, windows and counts.
 * - Every write a kiosk may retry after a timeout carries a `requestId` (a UUID made once per
 *   intent): the same `requestId` again answers with what the first one did, never a second
 *   ticket or booking.
 * - An error is `{ error: ErrorCode, message: { 'zh-CN', en }, problems?: string[] }` with 400
 *   (bad input), 401 (no or bad token), 403 (not allowed), 404, 409 (refused by a rule: see
 *   `refusal`), 423 (staff login locked) or 503 (the database did not answer).
 */
import * as v from 'valibot';
import type { AppointmentSlot } from './appointments';
import type { CalendarDate } from './calendarDate';
import type { LocalizedText } from './locale';
import type { Appointment, AppointmentTime, IssuedTicket } from './queuePort';
import type { IssueRefusal, PriorityReason } from './queueService';
import type { ClockTime } from './workingCalendar';

const calendarDate = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD'));
const clockTime = v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time is HH:MM'));
/** A retry key: 8–64 letters, digits and dashes (a UUID in practice). */
export const requestIdSchema = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z0-9-]{8,64}$/, 'requestId: 8–64 letters, digits and -'),
);
const kioskIdSchema = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z0-9_-]{1,40}$/, 'kioskId: 1–40 letters, digits, _ and -'),
);
const serviceCodeSchema = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9-]{1,40}$/, 'serviceCode: lower-case letters, digits and -'),
);
/** A card's keyed hash (HolderKeys): never an ID number. */
const holderKeySchema = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z0-9+/=_-]{16,128}$/, 'holderKey: a keyed hash, not a number'),
);
const reasonText = v.pipe(
  v.string(),
  v.trim(),
  v.minLength(1, 'a reason is required'),
  v.maxLength(200),
);
const priorityReason = v.picklist(['age', 'disability', 'military', 'appointment']);

// ─── queue ──────────────────────────────────────────────────────────────────────────────────

/** `POST /api/queue/tickets` (kiosk). */
export const ticketRequestSchema = v.strictObject({
  serviceCode: serviceCodeSchema,
  /** Why it is a priority ticket (the server keeps only that it is one). */
  priority: v.optional(v.nullable(priorityReason), null),
  kioskId: kioskIdSchema,
  requestId: requestIdSchema,
  /** The card's daily key: one open ticket per card per day, across every kiosk of the hall. */
  holderKey: v.optional(v.nullable(holderKeySchema), null),
});
export type TicketRequestBody = v.InferInput<typeof ticketRequestSchema>;

/** A ticket as the hall server keeps it and lists it (no card data; holderKey never leaves). */
export interface HallTicket extends IssuedTicket {
  kioskId: string;
  /** Issued from a kiosk's reserved block while the server was out of reach (备用号). */
  reserve: boolean;
  state: TicketState;
  /** The window it was last called to, and when. */
  window: number | null;
  calledAt: string | null;
  /** How often it was called (1 at the first call; each recall adds one). */
  calls: number;
  finishedAt: string | null;
  /** From an appointment check-in: the appointment's slot start, for ordering. */
  appointmentAt: ClockTime | null;
}

export type TicketState = 'waiting' | 'called' | 'skipped' | 'finished';

/**
 * 201 for a new ticket; 200 with the same body for a retried `requestId`, and for a card that
 * already holds an open ticket today (`reprint: true`, 补打). 409 `{ error: 'refused', refusal }`
 * when a rule refuses (outside issuing hours, quota, daily maximum).
 */
export interface TicketIssuedBody {
  ticket: HallTicket;
  /** Tickets of the service issued before this one today and still waiting. */
  waitingAhead: number;
  reprint: boolean;
}

export type QueueRefusal = IssueRefusal | { reason: 'unknown-service' };

/** `GET /api/queue/services` (public, the kiosk's and the pages' list). */
export interface QueueServiceView {
  code: string;
  prefix: string;
  name: LocalizedText;
  windows: LocalizedText;
  /** Waiting now (issued today, not yet called, finished or skipped). */
  waiting: number;
}

/**
 * `POST /api/queue/blocks` (kiosk): reserve this kiosk's block of numbers per service for a day,
 * to issue from while the server is out of reach. The same kiosk and day answer with the same
 * blocks (idempotent). Reserve numbers are a series of their own per service and day, written
 * `<prefix>R<3 digits>` (AR001 …), so they never clash with the gap-free main series and the
 * ticket shows what it is.
 */
export const blockRequestSchema = v.strictObject({
  kioskId: kioskIdSchema,
  date: calendarDate,
  /** Numbers per service (default 20). */
  size: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)), 20),
});
export interface ReservedBlock {
  serviceCode: string;
  date: CalendarDate;
  kioskId: string;
  /** The reserve numbers, in order: AR021 … AR040. */
  numbers: string[];
}

/**
 * `POST /api/queue/blocks/reconcile` (kiosk): the tickets a kiosk issued from its blocks while
 * cut off. Each joins the waiting list once (by `requestId`; sent again, it is `already`); a number
 * not of this kiosk's block, or already used by another request, is refused with the reason.
 */
export const reconcileRequestSchema = v.strictObject({
  kioskId: kioskIdSchema,
  tickets: v.pipe(
    v.array(
      v.strictObject({
        requestId: requestIdSchema,
        serviceCode: serviceCodeSchema,
        date: calendarDate,
        number: v.pipe(v.string(), v.regex(/^[A-Z]R\d{3}$/, 'a reserve number is like AR001')),
        issuedAt: v.pipe(v.string(), v.isoTimestamp()),
        priority: v.boolean(),
        holderKey: v.optional(v.nullable(holderKeySchema), null),
      }),
    ),
    v.maxLength(1000),
  ),
});
export interface ReconcileResult {
  accepted: string[];
  already: string[];
  refused: { number: string; reason: 'not-in-block' | 'number-taken' | 'unknown-service' }[];
}

// ─── appointments ───────────────────────────────────────────────────────────────────────────

/** `POST /api/appointments` (kiosk). 201 `{ appointment }`; 409 slot-full / already-booked. */
export const bookingRequestSchema = v.strictObject({
  serviceCode: serviceCodeSchema,
  date: calendarDate,
  slot: v.strictObject({ start: clockTime, end: clockTime }),
  holderKey: holderKeySchema,
  maskedPhone: v.pipe(v.string(), v.regex(/^1\d{2}\*{4}\d{4}$/, 'a masked phone: 138****5678')),
  kioskId: kioskIdSchema,
  requestId: requestIdSchema,
});

/** `POST /api/appointments/check-in` (kiosk): by the slip's id or the card's stable key. */
export const checkInRequestSchema = v.strictObject({
  appointmentId: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(64))),
  holderKey: v.optional(holderKeySchema),
  ticketKey: v.optional(v.nullable(holderKeySchema), null),
  kioskId: kioskIdSchema,
  requestId: requestIdSchema,
});

/** `POST /api/appointments/:id/cancel` (staff). */
export const cancelAppointmentSchema = v.strictObject({ reason: reasonText });
/** `POST /api/appointments/:id/move` (staff). */
export const moveAppointmentSchema = v.strictObject({
  to: v.strictObject({
    date: calendarDate,
    slot: v.strictObject({ start: clockTime, end: clockTime }),
  }),
  reason: reasonText,
});

/** `GET /api/appointments/places?serviceCode=…&dates=2026-12-03,2026-12-04` (kiosk). */
export type PlacesLeft = Record<CalendarDate, Record<ClockTime, number>>;

export type { Appointment, AppointmentSlot, AppointmentTime };

// ─── windows (窗口) ─────────────────────────────────────────────────────────────────────────

/** A staffed window and the services it serves (seeded from the queue services' windows). */
export interface HallWindow {
  number: number;
  services: string[];
  /** The ticket being called or served there now, if any. */
  current: HallTicket | null;
}

/**
 * `POST /api/windows/:n/call-next` (staff): the next waiting ticket of the window's services —
 * priority first, then appointments from their slot time, then by issue time (number order);
 * 404 `{ error: 'queue-empty' }` when none waits. `recall`, `skip` and `finish` act on the window's
 * current ticket; `transfer` sends it to another service's waiting list, keeping its number.
 */
export const transferSchema = v.strictObject({ serviceCode: serviceCodeSchema });
export type WindowAction = 'call-next' | 'recall' | 'skip' | 'transfer' | 'finish';

// ─── live events (SSE) and the display ─────────────────────────────────────────────────────

/**
 * `GET /api/events` (public): a Server-Sent Events stream. Each event has an `id:` (per hall,
 * strictly increasing, gap-free, in commit order), an `event:` (the type) and `data:` (JSON of
 * the `HallEvent`). A client that reconnects with `Last-Event-ID` (EventSource does it itself)
 * or `?after=<id>` gets every event after that id, then live ones: no call missed or repeated.
 * A `: ping` comment comes every 2 s, so a client that hears nothing for 5 s knows it is cut off.
 */
export type HallEvent =
  | { type: 'ticket-issued'; ticket: HallTicket }
  /** Nobody saw it (the kiosk released it): it waits no more, and its number goes to the next. */
  | { type: 'ticket-released'; ticket: HallTicket }
  | { type: 'call'; ticket: HallTicket; window: number; recall: boolean }
  | { type: 'ticket-skipped'; ticket: HallTicket; window: number }
  | { type: 'ticket-finished'; ticket: HallTicket; window: number }
  | { type: 'ticket-transferred'; ticket: HallTicket; from: string; window: number }
  | { type: 'device-status'; kioskId: string; report: DeviceReport };

export interface HallEventRecord {
  id: number;
  at: string;
  event: HallEvent;
}

/** `GET /api/display` (public): what the call display shows, and the event id it is as of. */
export interface DisplaySnapshot {
  hallName: LocalizedText;
  /** The stream continues after this id. */
  lastEventId: number;
  windows: { number: number; current: { number: string; calledAt: string } | null }[];
  /** The last calls, newest first (at most 10). */
  recentCalls: { number: string; window: number; at: string }[];
  waiting: { serviceCode: string; name: LocalizedText; prefix: string; count: number }[];
}

// ─── staff login, kiosks, devices ───────────────────────────────────────────────────────────

/** `POST /api/staff/login`: 200 `{ token, expiresAt, username }`; 401 wrong; 423 locked (as the PIN). */
export const staffLoginSchema = v.strictObject({
  username: v.pipe(v.string(), v.regex(/^[a-z0-9_.-]{2,40}$/, 'username: a–z, 0–9, _ . -')),
  password: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
});

/** `GET /api/kiosk/holder-secret` (kiosk): the hall's card-key secret (32 bytes, base64). */
export interface HolderSecretBody {
  secret: string;
}

/** `POST /api/staff/kiosks` (staff): register a kiosk; the token is shown once. */
export const registerKioskSchema = v.strictObject({ kioskId: kioskIdSchema });

/** `POST /api/devices/status` (kiosk): the kiosk's devices as its health supervisor sees them. */
export const deviceReportSchema = v.strictObject({
  kioskId: kioskIdSchema,
  at: v.pipe(v.string(), v.isoTimestamp()),
  /** Device name → status (online, offline, paper-out, jam, …). */
  devices: v.record(
    v.pipe(v.string(), v.regex(/^[a-zA-Z]{1,30}$/)),
    v.pipe(v.string(), v.regex(/^[a-z-]{1,30}$/)),
  ),
});
export type DeviceReport = v.InferOutput<typeof deviceReportSchema>;

// ─── the hall's staff console data (/api/admin/*) ───────────────────────────────────────────

const isoMoment = v.pipe(v.string(), v.isoTimestamp('an ISO 8601 moment'));
const shortText = (max: number) => v.pipe(v.string(), v.maxLength(max));
const ratingSubjectSchema = v.strictObject({
  flow: v.pipe(v.string(), v.regex(/^[a-z-]{1,40}$/, 'flow: lower-case letters and -')),
  itemCode: v.nullable(shortText(60)),
  title: shortText(200),
  service: v.nullable(shortText(60)),
  key: shortText(200),
});
const ratingLevel = v.picklist([
  'very-satisfied',
  'satisfied',
  'basically-satisfied',
  'dissatisfied',
  'very-dissatisfied',
]);
const ratingReason = v.picklist([
  'attitude',
  'efficiency',
  'materials',
  'device',
  'guide',
  'other',
]);

/** `POST /api/admin/offers` (kiosk, admin): `{ offer }`; an offer already kept stays as it is. */
export const ratingOfferSchema = v.strictObject({
  id: requestIdSchema,
  at: isoMoment,
  kioskId: kioskIdSchema,
  subject: ratingSubjectSchema,
  rated: v.boolean(),
});
export const ratingSchema = v.strictObject({
  id: requestIdSchema,
  at: isoMoment,
  kioskId: kioskIdSchema,
  subject: ratingSubjectSchema,
  level: ratingLevel,
  reasons: v.pipe(v.array(ratingReason), v.maxLength(6)),
  otherText: v.nullable(shortText(200)),
  callbackPhone: v.nullable(v.pipe(v.string(), v.regex(/^1[3-9]\d{9}$/, 'a mobile number'))),
});
export const workOrderSchema = v.strictObject({
  id: requestIdSchema,
  ratingId: requestIdSchema,
  openedAt: isoMoment,
  dueDate: calendarDate,
  state: v.picklist(['open', 'called', 'rectified', 'closed']),
  callBacks: v.pipe(
    v.array(
      v.strictObject({
        at: isoMoment,
        by: shortText(60),
        reached: v.boolean(),
        note: shortText(500),
      }),
    ),
    v.maxLength(100),
  ),
  rectification: v.nullable(shortText(2000)),
  rectifiedAt: v.nullable(isoMoment),
  closedAt: v.nullable(isoMoment),
  closingNote: v.nullable(shortText(2000)),
});
export const offerRequestSchema = v.strictObject({ offer: ratingOfferSchema });
/**
 * `POST /api/admin/ratings` (kiosk, admin): the rating, its offer marked rated and a bad one's
 * work order, in one transaction. 201; 200 when this rating id was kept before (a retry); 409
 * `refused` with `refusal.reason` `unknown-offer` or `already-rated`.
 */
export const ratingRequestSchema = v.strictObject({
  rating: ratingSchema,
  offerId: requestIdSchema,
  order: v.nullable(workOrderSchema),
});
/** `PUT /api/admin/work-orders/:id` (admin): `{ order }`; 404 for an order the hall lacks. */
export const workOrderRequestSchema = v.strictObject({ order: workOrderSchema });
/**
 * `POST /api/admin/audit` (kiosk, admin): one line of the console's audit log. The `id` is the
 * line's retry key (the same id again answers with the line first kept); `at` is when it
 * happened (a kiosk may send it later). The server numbers lines per hall and names the writer.
 */
export const auditLineSchema = v.strictObject({
  id: requestIdSchema,
  at: isoMoment,
  action: v.pipe(v.string(), v.regex(/^[a-z-]{1,40}$/, 'action: lower-case letters and -')),
  subject: shortText(500),
  before: v.unknown(),
  after: v.unknown(),
});
export type AuditLineBody = v.InferOutput<typeof auditLineSchema>;
/** `POST /api/admin/device-events` (kiosk; admin with `kioskId`): one device event. */
export const deviceEventRequestSchema = v.strictObject({
  kioskId: v.optional(kioskIdSchema),
  event: v.strictObject({
    at: isoMoment,
    device: v.pipe(v.string(), v.minLength(1, 'device: a name'), v.maxLength(60)),
    what: v.pipe(v.string(), v.minLength(1, 'what: what happened'), v.maxLength(300)),
  }),
});
/** `PUT /api/admin/settings` (admin): `{ settings }`, checked over the hall's configuration. */
export const settingsRequestSchema = v.strictObject({
  settings: v.strictObject({
    hall: v.optional(v.unknown()),
    officeHours: v.optional(v.unknown()),
    calendar: v.optional(v.unknown()),
    queue: v.optional(v.unknown()),
    session: v.optional(v.unknown()),
    defaultLocale: v.optional(v.unknown()),
  }),
});
/** A device event as the hall lists it: with the kiosk it happened at. */
export interface HallDeviceEvent {
  kioskId: string;
  at: string;
  device: string;
  what: string;
}

// ─── errors ─────────────────────────────────────────────────────────────────────────────────

export type ErrorCode =
  | 'bad-request'
  | 'unauthorised'
  | 'forbidden'
  | 'not-found'
  | 'queue-empty'
  | 'refused'
  | 'locked'
  | 'unavailable'
  /** 500: a fault of the server itself (logged), not of the request or the database. */
  | 'internal';

export interface ErrorBody {
  error: ErrorCode;
  message: LocalizedText;
  problems?: string[];
  /** With 'refused': the rule's reason. */
  refusal?: QueueRefusal | { reason: string };
}

/** Re-exported for the pages. */
export type { PriorityReason };

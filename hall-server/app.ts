/**
 * The hall server's HTTP side (issue 15): every endpoint of domain/hallProtocol.ts on Hono.
 *
 * The layer validates (valibot schemas of the protocol: a failure is a 400 with the problems),
 * authenticates (hall-server/auth.ts), calls the store once and maps its outcome to a status
 * code. It holds no queue or appointment rule: those are the store's (hall-server/store/), where
 * each call is one transaction. A store that throws (the database did not answer) is a 503 and
 * nothing half-written is kept. After every write the hall's event streams are woken
 * (hall-server/events.ts).
 *
 * The API is documented endpoint by endpoint in hall-server/README.md.
 */
import { Hono, type Context, type Next } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import * as v from 'valibot';
import {
  DEFAULT_HALL_TIME_ZONE,
  blockRequestSchema,
  bookingRequestSchema,
  cancelAppointmentSchema,
  checkInRequestSchema,
  deviceReportSchema,
  hallDateOf,
  moveAppointmentSchema,
  reconcileRequestSchema,
  registerKioskSchema,
  staffLoginSchema,
  ticketRequestSchema,
  transferSchema,
  type CalendarDate,
  type DisplaySnapshot,
  type ErrorBody,
  type ErrorCode,
  type LocalizedText,
  type QueueRefusal,
  type QueueServiceView,
  type TicketIssuedBody,
} from '../domain';
import { bearerToken, login, randomToken, roleAllows, sha256, type Role } from './auth';
import { registerAdminRoutes } from './adminRoutes';
import { HallEvents, type HallEventsOptions } from './events';
import type { HallConfig, HallStore, StaffSession } from './store/hallStore';

export interface HallAppOptions {
  store: HallStore;
  /** The server's clock (tests inject one); hall day and time are derived from it. */
  now?: () => Date;
  /** The hall of the public endpoints when a request names none (`?hall=`). */
  defaultHallId?: string;
  /** The event streams; made here when not given. */
  events?: HallEvents;
  eventOptions?: HallEventsOptions;
}

export interface HallApp {
  app: Hono;
  events: HallEvents;
}

// ─── errors ─────────────────────────────────────────────────────────────────────────────────

/** A reply other than success, thrown from a handler and written by `onError`. */
export class HttpProblem extends Error {
  readonly status: ContentfulStatusCode;
  readonly body: ErrorBody & Record<string, unknown>;
  constructor(status: ContentfulStatusCode, body: ErrorBody & Record<string, unknown>) {
    super(body.message.en);
    this.status = status;
    this.body = body;
  }
}

/** The store threw: the database did not answer (or refused): a 503, nothing kept. */
export class StoreUnavailable extends Error {
  constructor(override readonly cause: unknown) {
    super(`the hall database did not answer: ${cause instanceof Error ? cause.message : cause}`);
  }
}

function problem(
  status: ContentfulStatusCode,
  error: ErrorCode,
  zh: string,
  en: string,
  extra: Partial<ErrorBody> & Record<string, unknown> = {},
): HttpProblem {
  return new HttpProblem(status, { error, message: { 'zh-CN': zh, en }, ...extra });
}

const REFUSALS: Record<string, LocalizedText> = {
  'outside-issuing-hours': {
    'zh-CN': '当前不在取号时段',
    en: 'Numbers are not issued at this time',
  },
  'window-quota-used': {
    'zh-CN': '本时段号已取完',
    en: 'All numbers of this period have been issued',
  },
  'daily-max-reached': { 'zh-CN': '今日号已取完', en: "All of today's numbers have been issued" },
  'unknown-service': { 'zh-CN': '没有这项业务', en: 'There is no such service' },
  'slot-full': { 'zh-CN': '该时段已约满', en: 'This slot is fully booked' },
  'not-bookable': { 'zh-CN': '该时段不可预约', en: 'This slot cannot be booked' },
  'already-booked': {
    'zh-CN': '您当天已预约过这项业务',
    en: 'You already have an appointment for this service that day',
  },
  'too-early': { 'zh-CN': '还未到签到时间', en: 'Check-in has not opened yet' },
  'too-late': { 'zh-CN': '已过签到时间', en: 'Check-in has closed' },
  'other-day': { 'zh-CN': '预约不在今天', en: 'The appointment is not for today' },
  'checked-in': { 'zh-CN': '该预约已签到', en: 'The appointment has been checked in' },
  'same-slot': { 'zh-CN': '预约已在该时段', en: 'The appointment is already in that slot' },
  'no-current-ticket': {
    'zh-CN': '本窗口当前没有号',
    en: 'This window has no current ticket',
  },
};

function refused(refusal: QueueRefusal | { reason: string }, extra: Record<string, unknown> = {}) {
  const text = REFUSALS[refusal.reason] ?? {
    'zh-CN': `请求被拒绝：${refusal.reason}`,
    en: `Refused: ${refusal.reason}`,
  };
  return problem(409, 'refused', text['zh-CN'], text.en, { refusal, ...extra });
}

function notFound(zh: string, en: string): HttpProblem {
  return problem(404, 'not-found', zh, en);
}

/** Wraps every store method so that what it throws becomes `StoreUnavailable` (503). */
function guarded(store: HallStore): HallStore {
  return new Proxy(store, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        try {
          return await (value as (...a: unknown[]) => unknown).apply(target, args);
        } catch (error) {
          // The store's UnknownHallError: a hall nobody seeded is not a database failure.
          if (error instanceof Error && error.name === 'UnknownHallError')
            throw notFound('没有这个大厅', error.message);
          throw new StoreUnavailable(error);
        }
      };
    },
  });
}

// ─── input ──────────────────────────────────────────────────────────────────────────────────

function problemsOf(issues: readonly v.BaseIssue<unknown>[]): string[] {
  return issues.map((issue) => {
    const path = issue.path?.map((item) => String(item.key)).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}

function badRequest(problems: string[]): HttpProblem {
  return problem(400, 'bad-request', '请求内容有误', 'The request is not valid', { problems });
}

async function readBody<S extends v.GenericSchema>(
  c: Context,
  schema: S,
): Promise<v.InferOutput<S>> {
  let json: unknown;
  try {
    const text = await c.req.text();
    json = text === '' ? {} : JSON.parse(text);
  } catch {
    throw badRequest(['the body is not JSON']);
  }
  const result = v.safeParse(schema, json);
  if (!result.success) throw badRequest(problemsOf(result.issues));
  return result.output;
}

function parse<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, input);
  if (!result.success) throw badRequest(problemsOf(result.issues));
  return result.output;
}

const hallIdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,40}$/, 'hall: a hall id'));
const ticketIdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,80}$/, 'a ticket id'));
const windowSchema = v.pipe(
  v.string(),
  v.regex(/^\d{1,3}$/, 'a window number'),
  v.transform(Number),
  v.minValue(1, 'a window number'),
);
const dateSchema = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD'));
const datesSchema = v.pipe(
  v.string(),
  v.transform((text) => text.split(',').filter(Boolean)),
  v.array(dateSchema),
  v.minLength(1, 'dates: at least one date'),
  v.maxLength(62, 'dates: at most 62'),
);
const serviceCodeQuery = v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,40}$/, 'serviceCode'));
const eventIdSchema = v.pipe(
  v.string(),
  v.regex(/^\d{1,15}$/, 'an event id is a whole number'),
  v.transform(Number),
);
const limitSchema = v.pipe(
  v.string(),
  v.regex(/^\d{1,4}$/, 'limit: 1–1000'),
  v.transform(Number),
  v.minValue(1, 'limit: 1–1000'),
  v.maxValue(1000, 'limit: 1–1000'),
);

// ─── the app ────────────────────────────────────────────────────────────────────────────────

export interface Caller {
  hallId: string;
  /** For the audit log: `kiosk:<id>` or the staff user. */
  actor: string;
  kioskId: string | null;
  session: StaffSession | null;
}
export type StaffCaller = Caller & { session: StaffSession };

/** How long a kiosk token, once looked up, is trusted without reading it again. */
const KIOSK_CACHE_MS = 5000;
/** How many of the latest events the display's "last calls" are looked for in. */
const RECENT_EVENTS = 500;

export function createHallApp(options: HallAppOptions): HallApp {
  const store = guarded(options.store);
  const now = options.now ?? (() => new Date());
  const defaultHallId = options.defaultHallId ?? 'demo';
  const events = options.events ?? new HallEvents(options.store, options.eventOptions);
  const app = new Hono();

  app.onError((error, c) => {
    if (error instanceof HttpProblem) return c.json(error.body, error.status);
    if (error instanceof StoreUnavailable) {
      console.error(error.message, error.cause);
      return c.json(
        {
          error: 'unavailable',
          message: {
            'zh-CN': '大厅数据库暂时无响应，本次请求未保存任何内容，请稍后重试',
            en: 'The hall database did not answer; nothing of this request was kept. Try again shortly.',
          },
        } satisfies ErrorBody,
        503,
      );
    }
    console.error('hall server: unexpected error', error);
    return c.json(
      {
        error: 'internal',
        message: { 'zh-CN': '服务器内部错误', en: 'Internal server error' },
      } satisfies ErrorBody,
      500,
    );
  });

  const limitTo = (megabytes: number) => {
    const maxSize = megabytes * 1024 * 1024;
    const tooLarge = (c: Context) =>
      c.json(
        {
          error: 'bad-request',
          message: {
            'zh-CN': `请求内容过大（最多 ${megabytes} MB）`,
            en: `The request body is too large (${megabytes} MB at most)`,
          },
        } satisfies ErrorBody,
        413,
      );
    const streamed = bodyLimit({ maxSize, onError: tooLarge });
    return (c: Context, next: Next) => {
      // A GET has no body, and a body of a stated length is judged by its header; only a chunked
      // body is counted as it streams in. Hono's bodyLimit looks at the request's body stream
      // first, which makes @hono/node-server build a whole web Request (stream, AbortSignal) for
      // every request: a third of the server's time per ticket.
      if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
      const length = c.req.header('Content-Length');
      if (length !== undefined && c.req.header('Transfer-Encoding') === undefined)
        return Number(length) > maxSize ? Promise.resolve(tooLarge(c)) : next();
      return streamed(c, next);
    };
  };
  const smallBody = limitTo(1);
  // A catalog may be up to MAX_CATALOG_BYTES (2 MB), sent inside `{ "catalog": … }`.
  const catalogBody = limitTo(3);
  app.use('/api/*', (c, next) =>
    (c.req.path === '/api/admin/catalog' ? catalogBody : smallBody)(c, next),
  );
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  // ── helpers bound to this app ──

  async function hallConfig(hallId: string): Promise<HallConfig> {
    const config = await store.config(hallId);
    if (!config) throw notFound('没有这个大厅', `There is no hall "${hallId}"`);
    return config;
  }
  function todayOf(config: HallConfig): CalendarDate {
    return hallDateOf(now(), config.hall.timeZone ?? DEFAULT_HALL_TIME_ZONE);
  }
  function publicHall(c: Context): string {
    const hall = c.req.query('hall');
    return hall === undefined ? defaultHallId : parse(hallIdSchema, hall);
  }

  /**
   * Kiosk tokens seen in the last few seconds: a kiosk's every call would otherwise read its
   * token first. Registering a kiosk again clears it here at once (and within KIOSK_CACHE_MS on
   * other server processes of the same database).
   */
  const kiosks = new Map<string, { hallId: string; kioskId: string; until: number }>();
  async function kioskByToken(token: string): Promise<{ hallId: string; kioskId: string } | null> {
    const hash = sha256(token);
    const cached = kiosks.get(hash);
    if (cached && cached.until > Date.now()) return cached;
    const kiosk = await store.kioskByTokenHash(hash);
    if (kiosks.size >= 10_000) kiosks.clear();
    if (kiosk) kiosks.set(hash, { ...kiosk, until: Date.now() + KIOSK_CACHE_MS });
    else kiosks.delete(hash);
    return kiosk;
  }

  async function kioskCaller(c: Context): Promise<Caller | null> {
    const token = bearerToken(c.req.header('Authorization'));
    if (!token) return null;
    const kiosk = await kioskByToken(token);
    if (!kiosk) return null;
    return {
      hallId: kiosk.hallId,
      actor: `kiosk:${kiosk.kioskId}`,
      kioskId: kiosk.kioskId,
      session: null,
    };
  }
  async function staffCaller(c: Context): Promise<StaffCaller | null> {
    const token = bearerToken(c.req.header('Authorization'));
    if (!token) return null;
    const session = await store.sessionByTokenHash(sha256(token), now());
    if (!session) return null;
    return { hallId: session.hallId, actor: session.username, kioskId: null, session };
  }
  const unauthorised = (who: string) =>
    problem(
      401,
      'unauthorised',
      `需要${who === 'kiosk' ? '终端令牌' : '工作人员登录'}`,
      who === 'kiosk'
        ? 'A kiosk token is needed (Authorization: Bearer <token>)'
        : 'A staff login is needed (Authorization: Bearer <session token>)',
    );

  async function forbid(caller: Caller, what: string): Promise<never> {
    await store.audit(caller.hallId, {
      at: now().toISOString(),
      actor: caller.actor,
      action: 'forbidden',
      detail: what,
    });
    throw problem(403, 'forbidden', '无权进行此操作', `Not allowed: ${what}`);
  }

  async function kiosk(c: Context): Promise<Caller> {
    const caller = await kioskCaller(c);
    if (!caller) throw unauthorised('kiosk');
    return caller;
  }
  /** A body's `kioskId` must be the token's kiosk. */
  async function sameKiosk(caller: Caller, kioskId: string): Promise<void> {
    if (kioskId !== caller.kioskId)
      await forbid(caller, `kioskId ${kioskId} is not this token's kiosk (${caller.kioskId})`);
  }
  async function staff(c: Context, role: Role): Promise<StaffCaller> {
    const caller = await staffCaller(c);
    if (!caller) throw unauthorised('staff');
    if (!roleAllows(caller.session.role, role))
      await forbid(caller, `${c.req.method} ${c.req.path} needs the ${role} role`);
    return caller;
  }
  /** A kiosk, or staff with `role`. */
  async function kioskOrStaff(c: Context, role: Role): Promise<Caller> {
    const caller = (await kioskCaller(c)) ?? (await staffCaller(c));
    if (!caller) throw unauthorised('staff');
    if (caller.session && !roleAllows(caller.session.role, role))
      await forbid(caller, `${c.req.method} ${c.req.path} needs the ${role} role`);
    return caller;
  }
  async function audit(caller: Caller, action: string, detail: string): Promise<void> {
    await store.audit(caller.hallId, {
      at: now().toISOString(),
      actor: caller.actor,
      action,
      detail,
    });
  }

  // ── health ──

  app.get('/api/health', async (c) => {
    const lastEventId = await store.lastEventId(defaultHallId);
    return c.json({ ok: true, db: store.kind, openStreams: events.openStreams, lastEventId });
  });

  // ── queue ──

  app.get('/api/queue/services', async (c) => {
    const hallId = publicHall(c);
    const config = await hallConfig(hallId);
    const tickets = await store.tickets(hallId, todayOf(config));
    const services: QueueServiceView[] = config.queue.services.map((service) => ({
      code: service.code,
      prefix: service.prefix,
      name: service.name,
      windows: service.windows,
      waiting: tickets.filter((t) => t.serviceCode === service.code && t.state === 'waiting')
        .length,
    }));
    return c.json(services);
  });

  app.post('/api/queue/tickets', async (c) => {
    const caller = await kiosk(c);
    const body = await readBody(c, ticketRequestSchema);
    await sameKiosk(caller, body.kioskId);
    const outcome = await store.issueTicket(caller.hallId, {
      serviceCode: body.serviceCode,
      priority: body.priority !== null,
      kioskId: body.kioskId,
      requestId: body.requestId,
      holderKey: body.holderKey,
      now: now(),
    });
    if (!outcome.ok) throw refused(outcome.refusal);
    events.notify(caller.hallId);
    const reply: TicketIssuedBody & { repeated: boolean } = {
      ticket: outcome.ticket,
      waitingAhead: outcome.waitingAhead,
      reprint: outcome.reprint,
      repeated: outcome.repeated,
    };
    return c.json(reply, outcome.repeated || outcome.reprint ? 200 : 201);
  });

  const MARKS = { 'handed-out': 'handed-out', printed: 'printed', release: 'released' } as const;
  for (const [path, mark] of Object.entries(MARKS)) {
    app.post(`/api/queue/tickets/:id/${path}`, async (c) => {
      const id = parse(ticketIdSchema, c.req.param('id'));
      const caller = await kiosk(c);
      if (!(await store.markTicket(caller.hallId, id, mark)))
        throw notFound('没有这张号', `There is no ticket ${id}`);
      events.notify(caller.hallId);
      return c.json({ ok: true, id, mark });
    });
  }

  app.get('/api/queue/tickets', async (c) => {
    const caller = await kioskOrStaff(c, 'window');
    const date = c.req.query('date');
    const serviceCode = c.req.query('serviceCode');
    const day =
      date === undefined ? todayOf(await hallConfig(caller.hallId)) : parse(dateSchema, date);
    const service = serviceCode === undefined ? undefined : parse(serviceCodeQuery, serviceCode);
    return c.json(await store.tickets(caller.hallId, day, service));
  });

  app.post('/api/queue/blocks', async (c) => {
    const caller = await kiosk(c);
    const body = await readBody(c, blockRequestSchema);
    await sameKiosk(caller, body.kioskId);
    const blocks = await store.reserveBlocks(caller.hallId, body.kioskId, body.date, body.size);
    return c.json({ blocks });
  });

  app.post('/api/queue/blocks/reconcile', async (c) => {
    const caller = await kiosk(c);
    const body = await readBody(c, reconcileRequestSchema);
    await sameKiosk(caller, body.kioskId);
    const result = await store.reconcile(caller.hallId, body.kioskId, body.tickets, now());
    events.notify(caller.hallId);
    return c.json(result);
  });

  // ── appointments ──

  app.get('/api/appointments/places', async (c) => {
    const caller = await kioskOrStaff(c, 'window');
    const serviceCode = parse(serviceCodeQuery, c.req.query('serviceCode') ?? '');
    const dates = parse(datesSchema, c.req.query('dates') ?? '');
    return c.json(await store.placesLeft(caller.hallId, serviceCode, dates));
  });

  app.post('/api/appointments', async (c) => {
    const caller = await kiosk(c);
    const body = await readBody(c, bookingRequestSchema);
    await sameKiosk(caller, body.kioskId);
    const outcome = await store.book(caller.hallId, { ...body, now: now() });
    if (!outcome.ok)
      throw refused(
        { reason: outcome.reason },
        'appointment' in outcome ? { appointment: outcome.appointment } : {},
      );
    return c.json(
      { appointment: outcome.appointment, repeated: outcome.repeated },
      outcome.repeated ? 200 : 201,
    );
  });

  app.post('/api/appointments/check-in', async (c) => {
    const caller = await kiosk(c);
    const body = await readBody(c, checkInRequestSchema);
    if (body.appointmentId === undefined && body.holderKey === undefined)
      throw badRequest(['appointmentId or holderKey is required']);
    await sameKiosk(caller, body.kioskId);
    const outcome = await store.checkIn(caller.hallId, {
      ...(body.appointmentId !== undefined ? { appointmentId: body.appointmentId } : {}),
      ...(body.holderKey !== undefined ? { holderKey: body.holderKey } : {}),
      ticketKey: body.ticketKey,
      kioskId: body.kioskId,
      requestId: body.requestId,
      now: now(),
    });
    if (!outcome.ok) {
      if (outcome.reason === 'unknown-appointment')
        throw notFound('没有找到预约', 'No such appointment');
      throw refused(outcome);
    }
    events.notify(caller.hallId);
    return c.json(
      { appointment: outcome.appointment, ticket: outcome.ticket, repeated: outcome.repeated },
      outcome.repeated ? 200 : 201,
    );
  });

  app.get('/api/appointments', async (c) => {
    const caller = await kioskOrStaff(c, 'window');
    const dates = parse(datesSchema, c.req.query('dates') ?? '');
    return c.json(await store.appointments(caller.hallId, dates));
  });

  app.post('/api/appointments/:id/cancel', async (c) => {
    const id = parse(ticketIdSchema, c.req.param('id'));
    const caller = await kioskOrStaff(c, 'admin');
    const body = await readBody(c, cancelAppointmentSchema);
    const result = await store.cancelAppointment(caller.hallId, id, body.reason, now());
    if (!result.ok) {
      if (result.reason === 'unknown-appointment')
        throw notFound('没有这个预约（或已取消）', 'No such appointment (or already cancelled)');
      throw refused(result);
    }
    await audit(caller, 'appointment-cancel', `${id}: ${body.reason}`);
    return c.json({ appointment: result.appointment });
  });

  app.post('/api/appointments/:id/move', async (c) => {
    const id = parse(ticketIdSchema, c.req.param('id'));
    const caller = await kioskOrStaff(c, 'admin');
    const body = await readBody(c, moveAppointmentSchema);
    const result = await store.moveAppointment(caller.hallId, id, body.to, body.reason, now());
    if (!result.ok) {
      if (result.reason === 'unknown-appointment')
        throw notFound('没有这个预约（或已取消）', 'No such appointment (or already cancelled)');
      throw refused(result);
    }
    await audit(
      caller,
      'appointment-move',
      `${id} → ${body.to.date} ${body.to.slot.start}: ${body.reason}`,
    );
    return c.json({ appointment: result.appointment });
  });

  // ── windows ──

  app.get('/api/windows', async (c) => {
    const caller = await staff(c, 'window');
    const config = await hallConfig(caller.hallId);
    return c.json(await store.windows(caller.hallId, todayOf(config)));
  });

  app.get('/api/windows/:n/waiting', async (c) => {
    const window = parse(windowSchema, c.req.param('n'));
    const caller = await staff(c, 'window');
    const config = await hallConfig(caller.hallId);
    if (!config.windows.some((w) => w.number === window))
      throw notFound('没有这个窗口', `There is no window ${window}`);
    return c.json(await store.waitingFor(caller.hallId, window, todayOf(config)));
  });

  for (const action of ['call-next', 'recall', 'skip', 'finish', 'transfer'] as const) {
    app.post(`/api/windows/:n/${action}`, async (c) => {
      const window = parse(windowSchema, c.req.param('n'));
      const caller = await staff(c, 'window');
      const serviceCode =
        action === 'transfer' ? (await readBody(c, transferSchema)).serviceCode : undefined;
      const outcome = await store.windowAction(caller.hallId, {
        window,
        action,
        ...(serviceCode !== undefined ? { serviceCode } : {}),
        staff: caller.actor,
        now: now(),
      });
      if (!outcome.ok) {
        if (outcome.reason === 'queue-empty')
          throw problem(404, 'queue-empty', '没有等候的号', 'Nobody is waiting for this window');
        if (outcome.reason === 'unknown-window')
          throw notFound('没有这个窗口', `There is no window ${window}`);
        throw refused(outcome);
      }
      events.notify(caller.hallId);
      await audit(
        caller,
        `window-${action}`,
        `window ${window}: ${outcome.ticket.number}${serviceCode ? ` → ${serviceCode}` : ''}`,
      );
      return c.json({ ticket: outcome.ticket, eventId: outcome.eventId });
    });
  }

  // ── the display and the event stream (public) ──

  app.get('/api/display', async (c) => {
    const hallId = publicHall(c);
    const config = await hallConfig(hallId);
    const today = todayOf(config);
    // The snapshot is as of `lastEventId`: read it before and after, and again if it moved.
    for (let attempt = 0; ; attempt++) {
      const before = await store.lastEventId(hallId);
      // The last calls in the order they were made (commit order), from the recent events.
      const [windows, tickets, recent] = await Promise.all([
        store.windows(hallId, today),
        store.tickets(hallId, today),
        store.eventsAfter(hallId, Math.max(0, before - RECENT_EVENTS), RECENT_EVENTS),
      ]);
      const after = await store.lastEventId(hallId);
      if (before !== after && attempt < 5) continue;
      const snapshot: DisplaySnapshot = {
        hallName: config.hall.name,
        lastEventId: before,
        windows: windows.map((w) => ({
          number: w.number,
          current:
            w.current && w.current.calledAt
              ? { number: w.current.number, calledAt: w.current.calledAt }
              : null,
        })),
        recentCalls: recent
          .flatMap((record) =>
            record.id <= before &&
            record.event.type === 'call' &&
            record.event.ticket.date === today
              ? [{ number: record.event.ticket.number, window: record.event.window, at: record.at }]
              : [],
          )
          .reverse()
          .slice(0, 10),
        waiting: config.queue.services.map((service) => ({
          serviceCode: service.code,
          name: service.name,
          prefix: service.prefix,
          count: tickets.filter((t) => t.serviceCode === service.code && t.state === 'waiting')
            .length,
        })),
      };
      return c.json(snapshot);
    }
  });

  app.get('/api/events', async (c) => {
    const hallId = publicHall(c);
    await hallConfig(hallId);
    const header = c.req.header('Last-Event-ID');
    const query = c.req.query('after');
    // EventSource resends the URL it was opened with (?after=…) and the newer Last-Event-ID.
    const given = header !== undefined && header !== '' ? header : query;
    let after = given === undefined ? await store.lastEventId(hallId) : parse(eventIdSchema, given);
    // An id beyond the hall's last one (its database was replaced): start again from the first.
    if (after > 0 && after > (await store.lastEventId(hallId))) after = 0;
    return events.stream(hallId, after, c.req.raw.signal);
  });

  // ── devices ──

  // The hall's card-key secret, to registered kiosks only (stores/keys takes it up).
  app.get('/api/kiosk/holder-secret', async (c) => {
    const caller = await kiosk(c);
    c.header('Cache-Control', 'no-store');
    return c.json({ secret: await store.holderSecret(caller.hallId, now()) });
  });

  app.post('/api/devices/status', async (c) => {
    const caller = await kiosk(c);
    const body = await readBody(c, deviceReportSchema);
    await sameKiosk(caller, body.kioskId);
    await store.reportDevices(caller.hallId, body);
    events.notify(caller.hallId);
    return c.json({ ok: true });
  });

  app.get('/api/devices', async (c) => {
    const caller = await staff(c, 'window');
    return c.json(await store.devices(caller.hallId));
  });

  // ── staff ──

  app.post('/api/staff/login', async (c) => {
    const body = await readBody(c, staffLoginSchema);
    const outcome = await login(store, body.username, body.password, now());
    if (outcome.ok)
      return c.json({
        token: outcome.token,
        expiresAt: outcome.session.expiresAt,
        username: outcome.session.username,
        role: outcome.session.role,
        hallId: outcome.session.hallId,
      });
    if (outcome.reason === 'locked')
      throw problem(
        423,
        'locked',
        `登录已锁定，请于 ${outcome.lockedUntil} 后再试`,
        `Login is locked until ${outcome.lockedUntil}`,
        { lockedUntil: outcome.lockedUntil },
      );
    throw problem(401, 'unauthorised', '用户名或密码错误', 'Wrong username or password');
  });

  app.post('/api/staff/logout', async (c) => {
    const caller = await staffCaller(c);
    if (!caller) throw unauthorised('staff');
    await store.deleteSession(caller.session.tokenHash);
    await audit(caller, 'logout', caller.session.role);
    return c.json({ ok: true });
  });

  app.get('/api/staff/me', async (c) => {
    const caller = await staff(c, 'window');
    const { session } = caller;
    return c.json({
      username: session.username,
      role: session.role,
      hallId: session.hallId,
      expiresAt: session.expiresAt,
    });
  });

  app.post('/api/staff/kiosks', async (c) => {
    const caller = await staff(c, 'admin');
    const body = await readBody(c, registerKioskSchema);
    const token = randomToken();
    await store.registerKiosk(caller.hallId, body.kioskId, sha256(token));
    for (const [hash, kiosk] of kiosks)
      if (kiosk.hallId === caller.hallId && kiosk.kioskId === body.kioskId) kiosks.delete(hash);
    await audit(caller, 'kiosk-register', body.kioskId);
    return c.json({ kioskId: body.kioskId, token }, 201);
  });

  app.get('/api/staff/audit', async (c) => {
    const caller = await staff(c, 'admin');
    const limit = c.req.query('limit');
    return c.json(
      await store.auditLog(caller.hallId, limit === undefined ? 200 : parse(limitSchema, limit)),
    );
  });

  registerAdminRoutes(app, {
    store,
    now,
    hallConfig,
    kioskOrStaff,
    staff,
    sameKiosk,
    forbid,
    badRequest,
    notFound,
    problem,
    parse,
    readBody,
  });

  app.all('/api/*', () => {
    throw notFound('没有这个接口', 'No such endpoint');
  });

  return { app, events };
}

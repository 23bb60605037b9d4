/**
 * `/api/admin/*` (issue 15): the staff console's data kept once for the hall — the settings and
 * catalog staff saved, the audit log, 好差评's offers, ratings and work orders, and device events
 * per kiosk. Documented in hall-server/README.md ("Staff console data").
 *
 * Who may do what: a kiosk token reads the catalog and settings and writes offers, ratings,
 * device events and audit lines as its own kiosk (its console, behind its PIN, acts as that
 * kiosk); an admin session may do everything; a window session only reads. A kiosk token does
 * not read the lists (ratings hold call-back phones; the audit log staff actions): they are read
 * on the hall's 管理 page with a staff login.
 */
import { randomUUID } from 'node:crypto';
import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import * as v from 'valibot';
import {
  applyStaffSettings,
  auditLineSchema,
  deviceEventRequestSchema,
  offerRequestSchema,
  parseCatalog,
  parseKioskConfig,
  ratingRequestSchema,
  settingsRequestSchema,
  workOrderRequestSchema,
  type AuditLineBody,
  type ErrorBody,
  type ErrorCode,
  type KioskConfig,
  type StaffSettings,
} from '../domain';
import type { Role } from './auth';
import type { Caller, HttpProblem, StaffCaller } from './app';
import type { HallConfig, HallStore } from './store/hallStore';
import { kioskConfigOf } from './store/hallSettings';

export interface AdminRouteHelpers {
  store: HallStore;
  now: () => Date;
  hallConfig(hallId: string): Promise<HallConfig>;
  kioskOrStaff(c: Context, role: Role): Promise<Caller>;
  staff(c: Context, role: Role): Promise<StaffCaller>;
  sameKiosk(caller: Caller, kioskId: string): Promise<void>;
  forbid(caller: Caller, what: string): Promise<never>;
  badRequest(problems: string[]): HttpProblem;
  notFound(zh: string, en: string): HttpProblem;
  problem(
    status: ContentfulStatusCode,
    error: ErrorCode,
    zh: string,
    en: string,
    extra?: Partial<ErrorBody> & Record<string, unknown>,
  ): HttpProblem;
  parse<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S>;
  readBody<S extends v.GenericSchema>(c: Context, schema: S): Promise<v.InferOutput<S>>;
}

const afterSchema = v.pipe(
  v.string(),
  v.regex(/^\d{1,15}$/, 'after: a line number'),
  v.transform(Number),
);
const pageSchema = v.pipe(
  v.string(),
  v.regex(/^\d{1,4}$/, 'limit: 1–1000'),
  v.transform(Number),
  v.minValue(1, 'limit: 1–1000'),
  v.maxValue(1000, 'limit: 1–1000'),
);
const kioskQuery = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,40}$/, 'kioskId'));
const orderIdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{8,64}$/, 'a work order id'));
const catalogRequestSchema = v.strictObject({ catalog: v.unknown() });

/** Staff settings merged field by field over the configuration (as applyStaffSettings does). */
const MERGED: ReadonlySet<string> = new Set(['hall', 'session']);

/** The hall's configuration as a kiosk configuration, to check settings against. */
/** Every problem of settings that applyStaffSettings would reject over the hall's config. */
function settingsProblems(config: HallConfig, settings: StaffSettings): string[] {
  const { config: applied, rejected } = applyStaffSettings(kioskConfigOf(config), settings);
  return rejected.flatMap((key) => {
    const setting: unknown = settings[key as keyof StaffSettings];
    const value = MERGED.has(key)
      ? { ...(applied[key as keyof KioskConfig] as object), ...(setting as object) }
      : setting;
    const result = parseKioskConfig({ ...applied, [key]: value });
    return result.ok ? [`settings.${key}: not valid`] : result.problems.map((p) => `settings.${p}`);
  });
}

export function registerAdminRoutes(app: Hono, h: AdminRouteHelpers): void {
  const { store, now } = h;

  /** A line the server writes itself for a change made through these routes. */
  async function logChange(caller: Caller, line: Omit<AuditLineBody, 'id' | 'at'>) {
    await store.auditLine(caller.hallId, caller.actor, {
      id: randomUUID(),
      at: now().toISOString(),
      ...line,
    });
  }

  /** A kiosk writes as itself; staff name the kiosk. */
  async function writerKiosk(caller: Caller, kioskId: string): Promise<void> {
    if (caller.kioskId !== null) await h.sameKiosk(caller, kioskId);
  }

  // ── settings and catalog ──

  app.get('/api/admin/settings', async (c) => {
    const caller = await h.kioskOrStaff(c, 'window');
    return c.json({ settings: await store.staffSettings(caller.hallId) });
  });

  app.put('/api/admin/settings', async (c) => {
    const caller = await h.staff(c, 'admin');
    const body = await h.readBody(c, settingsRequestSchema);
    const settings = Object.fromEntries(
      Object.entries(body.settings).filter(([, value]) => value !== undefined),
    ) as StaffSettings;
    const problems = settingsProblems(await h.hallConfig(caller.hallId), settings);
    if (problems.length > 0) throw h.badRequest(problems);
    const before = await store.staffSettings(caller.hallId);
    await store.saveStaffSettings(caller.hallId, settings, now());
    await logChange(caller, {
      action: 'settings-change',
      subject: Object.keys(settings).join(', ') || '(all cleared)',
      before,
      after: settings,
    });
    return c.json({ settings });
  });

  app.get('/api/admin/catalog', async (c) => {
    const caller = await h.kioskOrStaff(c, 'window');
    return c.json({ catalog: await store.staffCatalog(caller.hallId) });
  });

  app.put('/api/admin/catalog', async (c) => {
    const caller = await h.staff(c, 'admin');
    const body = await h.readBody(c, catalogRequestSchema);
    const parsed = parseCatalog(body.catalog);
    if (!parsed.ok)
      throw h.problem(
        400,
        'bad-request',
        '事项目录有误，未保存',
        'The catalog is not valid; nothing was saved',
        {
          problems: parsed.problems.map(
            (p) => `${p.item || '(catalog)'}${p.field ? ` ${p.field}` : ''}: ${p.message}`,
          ),
          catalogProblems: parsed.problems,
        },
      );
    const before = await store.staffCatalog(caller.hallId);
    await store.saveStaffCatalog(caller.hallId, parsed.catalog, now());
    // Codes, not whole catalogs: a catalog may be 2 MB.
    await logChange(caller, {
      action: 'catalog-import',
      subject: `${parsed.catalog.items.length} items`,
      before: before ? before.items.map((item) => item.code) : null,
      after: parsed.catalog.items.map((item) => item.code),
    });
    return c.json({ catalog: parsed.catalog });
  });

  // ── audit ──

  app.get('/api/admin/audit', async (c) => {
    const caller = await h.staff(c, 'window');
    const after = c.req.query('after');
    const limit = c.req.query('limit');
    const entries = await store.auditLines(
      caller.hallId,
      after === undefined ? 0 : h.parse(afterSchema, after),
      limit === undefined ? 1000 : h.parse(pageSchema, limit),
    );
    return c.json({ entries });
  });

  app.post('/api/admin/audit', async (c) => {
    const caller = await h.kioskOrStaff(c, 'admin');
    const line = await h.readBody(c, auditLineSchema);
    const { entry, repeated } = await store.auditLine(caller.hallId, caller.actor, line);
    return c.json({ entry }, repeated ? 200 : 201);
  });

  // ── 好差评 ──

  app.post('/api/admin/offers', async (c) => {
    const caller = await h.kioskOrStaff(c, 'admin');
    const { offer } = await h.readBody(c, offerRequestSchema);
    await writerKiosk(caller, offer.kioskId);
    const { repeated } = await store.recordOffer(caller.hallId, offer);
    return c.json({ ok: true }, repeated ? 200 : 201);
  });

  app.get('/api/admin/offers', async (c) => {
    const caller = await h.staff(c, 'window');
    return c.json({ offers: await store.offers(caller.hallId) });
  });

  app.post('/api/admin/ratings', async (c) => {
    const caller = await h.kioskOrStaff(c, 'admin');
    const body = await h.readBody(c, ratingRequestSchema);
    await writerKiosk(caller, body.rating.kioskId);
    if (body.order && (body.order.ratingId !== body.rating.id || body.order.id !== body.rating.id))
      throw h.badRequest(['order: a work order has its rating’s id, as id and ratingId']);
    const outcome = await store.addRating(caller.hallId, body.rating, body.offerId, body.order);
    if (outcome.ok) return c.json({ ok: true }, outcome.repeated ? 200 : 201);
    throw outcome.reason === 'unknown-offer'
      ? h.problem(
          409,
          'refused',
          '没有这条评价邀请，请先记录邀请',
          `No rating offer ${body.offerId}: record the offer before its rating`,
          { refusal: { reason: 'unknown-offer' } },
        )
      : h.problem(
          409,
          'refused',
          '该次服务已评价，一次一评',
          `Rating offer ${body.offerId} is already rated: one rating each`,
          { refusal: { reason: 'already-rated' } },
        );
  });

  app.get('/api/admin/ratings', async (c) => {
    const caller = await h.staff(c, 'window');
    return c.json({ ratings: await store.ratings(caller.hallId) });
  });

  app.get('/api/admin/work-orders', async (c) => {
    const caller = await h.staff(c, 'window');
    return c.json({ workOrders: await store.workOrders(caller.hallId) });
  });

  app.put('/api/admin/work-orders/:id', async (c) => {
    const caller = await h.staff(c, 'admin');
    const id = h.parse(orderIdSchema, c.req.param('id'));
    const { order } = await h.readBody(c, workOrderRequestSchema);
    if (order.id !== id) throw h.badRequest([`order.id: ${order.id} is not the address's ${id}`]);
    const before = (await store.workOrders(caller.hallId)).find((o) => o.id === id) ?? null;
    if (!before || !(await store.saveWorkOrder(caller.hallId, order, now())))
      throw h.notFound('没有这个工单', `No work order ${id} (one is opened with its bad rating)`);
    await logChange(caller, {
      action: 'work-order',
      subject: `${id} ${before.state} → ${order.state}`,
      before: { state: before.state, callBacks: before.callBacks.length },
      after: { state: order.state, callBacks: order.callBacks.length },
    });
    return c.json({ order });
  });

  // ── device events ──

  app.post('/api/admin/device-events', async (c) => {
    const caller = await h.kioskOrStaff(c, 'admin');
    const body = await h.readBody(c, deviceEventRequestSchema);
    const kioskId = body.kioskId ?? caller.kioskId;
    if (kioskId === null) throw h.badRequest(['kioskId: staff name the kiosk the event was at']);
    await writerKiosk(caller, kioskId);
    await store.recordDeviceEvent(caller.hallId, kioskId, body.event);
    return c.json({ ok: true }, 201);
  });

  app.get('/api/admin/device-events', async (c) => {
    const caller = await h.kioskOrStaff(c, 'window');
    const asked = c.req.query('kioskId');
    const kioskId = asked === undefined ? caller.kioskId : h.parse(kioskQuery, asked);
    if (caller.kioskId !== null && kioskId !== caller.kioskId)
      await h.forbid(caller, `device events of ${kioskId} (a kiosk reads its own)`);
    return c.json({ events: await store.deviceEvents(caller.hallId, kioskId) });
  });
}

/**
 * The staff console's data kept once per hall (/api/admin/*, hall-server/adminRoutes.ts and the
 * store's admin methods), on SQLite and on PostgreSQL with the same bodies: the store's rules
 * (one rating per offer in one transaction, a retried rating kept once, audit lines numbered per
 * hall and kept once per id, device events per kiosk newest first with the oldest dropped, work
 * orders replaced only when known) and the routes' validation and rights.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  DEVICE_EVENTS_KEPT,
  type Catalog,
  type Rating,
  type RatingOffer,
  type WorkOrder,
} from '../../domain';
import { MIGRATIONS, SqliteDriver, migrate, type HallStore } from '../../hall-server/store';
import { describeOnBackends, demoHallConfig, useStore } from './storeBackends';
import { testHall, type TestHall } from './httpSupport';

vi.setConfig({ testTimeout: 20_000 });

const KIOSK = 'demo-kiosk-01';
const CATALOG = JSON.parse(readFileSync('public/catalog.json', 'utf8')) as Catalog;
const SUBJECT = { flow: 'queue', itemCode: null, title: '取号 A001', service: null, key: 'T:1' };

function offer(kioskId = 'kiosk-01'): RatingOffer {
  return {
    id: randomUUID(),
    at: '2026-12-02T02:00:00.000Z',
    kioskId,
    subject: SUBJECT,
    rated: false,
  };
}
function rating(kioskId = 'kiosk-01', level: Rating['level'] = 'very-dissatisfied'): Rating {
  return {
    id: randomUUID(),
    at: '2026-12-02T02:01:00.000Z',
    kioskId,
    subject: SUBJECT,
    level,
    reasons: ['attitude'],
    otherText: null,
    callbackPhone: '13812345678',
  };
}
function orderOf(r: Rating): WorkOrder {
  return {
    id: r.id,
    ratingId: r.id,
    openedAt: r.at,
    dueDate: '2026-12-23',
    state: 'open',
    callBacks: [],
    rectification: null,
    rectifiedAt: null,
    closedAt: null,
    closingNote: null,
  };
}

describeOnBackends('hall staff console data on $name', (backend) => {
  const store = useStore(backend);
  let hall: TestHall;
  let admin: string;
  let window: string;
  beforeAll(async () => {
    hall = await testHall(store());
    admin = await hall.login('admin');
    window = await hall.login('window');
  }, 30_000);
  afterAll(() => hall?.events.close());

  describe('store rules', () => {
    const s = (): HallStore => store();

    it('keeps a rating, its offer marked and its work order in one go; refuses a second or an unknown offer', async () => {
      const o = offer();
      await s().recordOffer('demo', o);
      expect(await s().recordOffer('demo', { ...o, rated: true })).toEqual({ repeated: true });
      const r = rating();
      expect(await s().addRating('demo', r, o.id, orderOf(r))).toEqual({
        ok: true,
        repeated: false,
      });
      // The same rating again (a retry): kept once.
      expect(await s().addRating('demo', r, o.id, orderOf(r))).toEqual({
        ok: true,
        repeated: true,
      });
      const other = rating();
      expect(await s().addRating('demo', other, o.id, null)).toEqual({
        ok: false,
        reason: 'already-rated',
      });
      expect(await s().addRating('demo', other, randomUUID(), null)).toEqual({
        ok: false,
        reason: 'unknown-offer',
      });
      expect((await s().ratings('demo')).filter((x) => x.id === r.id)).toEqual([r]);
      expect((await s().ratings('demo')).some((x) => x.id === other.id)).toBe(false);
      expect((await s().offers('demo')).find((x) => x.id === o.id)?.rated).toBe(true);
      expect((await s().workOrders('demo')).filter((x) => x.id === r.id)).toEqual([orderOf(r)]);
    });

    it('replaces only a work order it has', async () => {
      const o = offer();
      const r = rating();
      await s().recordOffer('demo', o);
      await s().addRating('demo', r, o.id, orderOf(r));
      const called = { ...orderOf(r), state: 'called' as const };
      expect(await s().saveWorkOrder('demo', called, new Date())).toBe(true);
      expect((await s().workOrders('demo')).find((x) => x.id === r.id)?.state).toBe('called');
      const unknown = { ...called, id: randomUUID(), ratingId: randomUUID() };
      expect(await s().saveWorkOrder('demo', unknown, new Date())).toBe(false);
      expect((await s().workOrders('demo')).some((x) => x.id === unknown.id)).toBe(false);
    });

    it('numbers audit lines per hall, keeps each id once, and numbers logins in the same series', async () => {
      await s().saveConfig('hall-b', demoHallConfig());
      const line = {
        id: randomUUID(),
        at: '2026-12-02T02:00:00.000Z',
        action: 'entry',
        subject: '',
        before: null,
        after: { a: 1 },
      };
      const first = await s().auditLine('hall-b', 'kiosk:k1', line);
      expect(first).toMatchObject({ repeated: false, entry: { seq: 1, kioskId: 'k1' } });
      expect(await s().auditLine('hall-b', 'kiosk:k1', line)).toEqual({ ...first, repeated: true });
      await s().audit('hall-b', { at: line.at, actor: 'admin', action: 'login', detail: 'admin' });
      const second = await s().auditLine('hall-b', 'kiosk:k2', { ...line, id: randomUUID() });
      expect(second.entry.seq).toBe(3);
      const lines = await s().auditLines('hall-b', 0, 100);
      expect(lines.map((l) => `${l.seq} ${l.actor} ${l.action}`)).toEqual([
        '1 kiosk:k1 entry',
        '2 admin login',
        '3 kiosk:k2 entry',
      ]);
      expect(lines[0]?.after).toEqual({ a: 1 });
      expect((await s().auditLines('hall-b', 1, 1)).map((l) => l.seq)).toEqual([2]);
    });

    it('numbers audit lines written at once without a gap or a repeat', async () => {
      await s().saveConfig('hall-c', demoHallConfig());
      await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          i % 3 === 0
            ? s().audit('hall-c', {
                at: new Date().toISOString(),
                actor: 'x',
                action: 'login',
                detail: '',
              })
            : s().auditLine('hall-c', 'kiosk:k', {
                id: randomUUID(),
                at: new Date().toISOString(),
                action: 'entry',
                subject: String(i),
                before: null,
                after: null,
              }),
        ),
      );
      expect((await s().auditLines('hall-c', 0, 100)).map((l) => l.seq)).toEqual(
        Array.from({ length: 12 }, (_, i) => i + 1),
      );
    });

    it('keeps device events per kiosk, newest first, the newest DEVICE_EVENTS_KEPT of each', async () => {
      await s().saveConfig('hall-d', demoHallConfig());
      for (let i = 0; i < DEVICE_EVENTS_KEPT + 3; i += 1)
        await s().recordDeviceEvent('hall-d', 'k1', {
          at: new Date(Date.UTC(2026, 11, 2, 0, 0, i)).toISOString(),
          device: 'printer',
          what: i % 2 ? 'jam' : 'online',
        });
      await s().recordDeviceEvent('hall-d', 'k2', {
        at: '2026-12-03T00:00:00.000Z',
        device: 'idCard',
        what: 'card-left',
      });
      const k1 = await s().deviceEvents('hall-d', 'k1');
      expect(k1).toHaveLength(DEVICE_EVENTS_KEPT);
      expect(k1[0]?.at).toBe(
        new Date(Date.UTC(2026, 11, 2, 0, 0, DEVICE_EVENTS_KEPT + 2)).toISOString(),
      );
      expect(k1.at(-1)?.at).toBe(new Date(Date.UTC(2026, 11, 2, 0, 0, 3)).toISOString());
      const all = await s().deviceEvents('hall-d', null);
      expect(all).toHaveLength(DEVICE_EVENTS_KEPT + 1);
      expect(all[0]).toEqual({
        kioskId: 'k2',
        at: '2026-12-03T00:00:00.000Z',
        device: 'idCard',
        what: 'card-left',
      });
    }, 60_000);
  });

  describe('routes', () => {
    it('serves settings and catalog to kiosks; only an admin changes them, checked whole', async () => {
      expect((await hall.call('GET', '/api/admin/settings', { token: KIOSK })).body).toEqual({
        settings: {},
      });
      expect((await hall.call('GET', '/api/admin/catalog', { token: KIOSK })).body).toEqual({
        catalog: null,
      });
      expect((await hall.call('GET', '/api/admin/catalog')).status).toBe(401);
      const settings = { session: { idleSeconds: 120 }, defaultLocale: 'en' };
      expect(
        (await hall.call('PUT', '/api/admin/settings', { token: KIOSK, body: { settings } }))
          .status,
      ).toBe(401);
      expect(
        (await hall.call('PUT', '/api/admin/settings', { token: window, body: { settings } }))
          .status,
      ).toBe(403);
      const bad = await hall.call('PUT', '/api/admin/settings', {
        token: admin,
        body: { settings: { session: { idleSeconds: -5 }, defaultLocale: 'fr' } },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.problems.join('\n')).toMatch(/session\.idleSeconds/);
      expect(bad.body.problems.join('\n')).toMatch(/defaultLocale/);
      expect(
        (
          await hall.call('PUT', '/api/admin/settings', {
            token: admin,
            body: { settings: { device: 'real' } },
          })
        ).status,
      ).toBe(400);
      expect(
        (await hall.call('GET', '/api/admin/settings', { token: KIOSK })).body.settings,
      ).toEqual({});
      const put = await hall.call('PUT', '/api/admin/settings', {
        token: admin,
        body: { settings },
      });
      expect(put.status).toBe(200);
      expect(
        (await hall.call('GET', '/api/admin/settings', { token: KIOSK })).body.settings,
      ).toEqual(settings);

      const broken = structuredClone(CATALOG) as unknown as { items: Record<string, unknown>[] };
      const [first, second] = broken.items;
      if (!first || !second) throw new Error('the demo catalog has items');
      first.legalDays = -1;
      delete second.name;
      const refused = await hall.call('PUT', '/api/admin/catalog', {
        token: admin,
        body: { catalog: broken },
      });
      expect(refused.status).toBe(400);
      expect(refused.body.problems).toEqual(
        expect.arrayContaining([
          expect.stringMatching(new RegExp(`^${String(first.code)} legalDays: `)),
          expect.stringMatching(new RegExp(`^${String(second.code)} name: `)),
        ]),
      );
      expect(
        (await hall.call('GET', '/api/admin/catalog', { token: KIOSK })).body.catalog,
      ).toBeNull();
      const saved = await hall.call('PUT', '/api/admin/catalog', {
        token: admin,
        body: { catalog: CATALOG },
      });
      expect(saved.status).toBe(200);
      const read = await hall.call('GET', '/api/admin/catalog', { token: KIOSK });
      expect(read.body.catalog.items.map((i: { code: string }) => i.code)).toEqual(
        CATALOG.items.map((i) => i.code),
      );
      const log = (await hall.call('GET', '/api/admin/audit', { token: admin })).body.entries;
      expect(log.map((e: { action: string }) => e.action)).toEqual(
        expect.arrayContaining(['settings-change', 'catalog-import']),
      );
    });

    it('takes a kiosk’s audit lines once, naming the kiosk; lists them to staff only', async () => {
      const line = {
        id: randomUUID(),
        at: '2026-12-02T02:00:00.000Z',
        action: 'entry',
        subject: '',
        before: null,
        after: null,
      };
      const first = await hall.call('POST', '/api/admin/audit', { token: KIOSK, body: line });
      expect(first.status).toBe(201);
      expect(first.body.entry).toMatchObject({ kioskId: 'kiosk-01', action: 'entry' });
      const again = await hall.call('POST', '/api/admin/audit', { token: KIOSK, body: line });
      expect(again.status).toBe(200);
      expect(again.body.entry.seq).toBe(first.body.entry.seq);
      expect(
        (
          await hall.call('POST', '/api/admin/audit', {
            token: window,
            body: { ...line, id: randomUUID() },
          })
        ).status,
      ).toBe(403);
      expect(
        (await hall.call('POST', '/api/admin/audit', { token: KIOSK, body: { ...line, id: 'x' } }))
          .status,
      ).toBe(400);
      expect((await hall.call('GET', '/api/admin/audit', { token: KIOSK })).status).toBe(401);
      const page = await hall.call(
        'GET',
        `/api/admin/audit?after=${first.body.entry.seq - 1}&limit=1`,
        { token: window },
      );
      expect(page.body.entries).toEqual([first.body.entry]);
    });

    it('keeps offers and ratings of a kiosk as itself; 409 for an unknown or rated offer', async () => {
      const o = offer();
      expect(
        (await hall.call('POST', '/api/admin/offers', { token: KIOSK, body: { offer: o } })).status,
      ).toBe(201);
      expect(
        (await hall.call('POST', '/api/admin/offers', { token: KIOSK, body: { offer: o } })).status,
      ).toBe(200);
      expect(
        (
          await hall.call('POST', '/api/admin/offers', {
            token: KIOSK,
            body: { offer: offer('kiosk-02') },
          })
        ).status,
      ).toBe(403);
      const r = rating();
      const body = { rating: r, offerId: o.id, order: orderOf(r) };
      expect((await hall.call('POST', '/api/admin/ratings', { token: KIOSK, body })).status).toBe(
        201,
      );
      expect((await hall.call('POST', '/api/admin/ratings', { token: KIOSK, body })).status).toBe(
        200,
      );
      const second = rating();
      const rated = await hall.call('POST', '/api/admin/ratings', {
        token: KIOSK,
        body: { rating: second, offerId: o.id, order: null },
      });
      expect(rated.status).toBe(409);
      expect(rated.body.refusal).toEqual({ reason: 'already-rated' });
      const unknown = await hall.call('POST', '/api/admin/ratings', {
        token: KIOSK,
        body: { rating: second, offerId: randomUUID(), order: null },
      });
      expect(unknown.status).toBe(409);
      expect(unknown.body.refusal).toEqual({ reason: 'unknown-offer' });
      const mismatched = await hall.call('POST', '/api/admin/ratings', {
        token: KIOSK,
        body: { rating: second, offerId: o.id, order: orderOf(rating()) },
      });
      expect(mismatched.status).toBe(400);
      expect((await hall.call('GET', '/api/admin/ratings', { token: KIOSK })).status).toBe(401);
      const ratings = (await hall.call('GET', '/api/admin/ratings', { token: window })).body
        .ratings;
      expect(ratings.filter((x: Rating) => x.id === r.id)).toEqual([r]);
      const offers = (await hall.call('GET', '/api/admin/offers', { token: admin })).body.offers;
      expect(offers.find((x: RatingOffer) => x.id === o.id)?.rated).toBe(true);

      const orders = (await hall.call('GET', '/api/admin/work-orders', { token: window })).body
        .workOrders;
      expect(orders.find((x: WorkOrder) => x.id === r.id)).toEqual(orderOf(r));
      const called = {
        ...orderOf(r),
        state: 'called',
        callBacks: [{ at: '2026-12-02T03:00:00.000Z', by: 'admin', reached: true, note: '已回访' }],
      };
      expect(
        (
          await hall.call('PUT', `/api/admin/work-orders/${r.id}`, {
            token: window,
            body: { order: called },
          })
        ).status,
      ).toBe(403);
      expect(
        (
          await hall.call('PUT', `/api/admin/work-orders/${r.id}`, {
            token: KIOSK,
            body: { order: called },
          })
        ).status,
      ).toBe(401);
      expect(
        (
          await hall.call('PUT', `/api/admin/work-orders/${r.id}`, {
            token: admin,
            body: { order: called },
          })
        ).status,
      ).toBe(200);
      const ghost = { ...called, id: randomUUID(), ratingId: randomUUID() };
      expect(
        (
          await hall.call('PUT', `/api/admin/work-orders/${ghost.id}`, {
            token: admin,
            body: { order: ghost },
          })
        ).status,
      ).toBe(404);
      expect(
        (
          await hall.call('PUT', `/api/admin/work-orders/${ghost.id}`, {
            token: admin,
            body: { order: called },
          })
        ).status,
      ).toBe(400);
      const after = (await hall.call('GET', '/api/admin/work-orders', { token: admin })).body
        .workOrders;
      expect(after.find((x: WorkOrder) => x.id === r.id)?.state).toBe('called');
      expect(after.some((x: WorkOrder) => x.id === ghost.id)).toBe(false);
    });

    it('keeps device events per kiosk; a kiosk reads its own, staff every kiosk’s', async () => {
      const event = { at: '2026-12-02T02:00:00.000Z', device: 'printer', what: 'paper-out' };
      expect(
        (await hall.call('POST', '/api/admin/device-events', { token: KIOSK, body: { event } }))
          .status,
      ).toBe(201);
      expect(
        (
          await hall.call('POST', '/api/admin/device-events', {
            token: 'demo-kiosk-02',
            body: { event: { ...event, what: 'jam' } },
          })
        ).status,
      ).toBe(201);
      expect(
        (
          await hall.call('POST', '/api/admin/device-events', {
            token: KIOSK,
            body: { kioskId: 'kiosk-02', event },
          })
        ).status,
      ).toBe(403);
      expect(
        (await hall.call('POST', '/api/admin/device-events', { token: admin, body: { event } }))
          .status,
      ).toBe(400);
      const own = (await hall.call('GET', '/api/admin/device-events', { token: KIOSK })).body
        .events;
      expect(own).toEqual([{ kioskId: 'kiosk-01', ...event }]);
      expect(
        (await hall.call('GET', '/api/admin/device-events?kioskId=kiosk-02', { token: KIOSK }))
          .status,
      ).toBe(403);
      const all = (await hall.call('GET', '/api/admin/device-events', { token: window })).body
        .events;
      expect(all.map((e: { kioskId: string }) => e.kioskId).sort()).toEqual([
        'kiosk-01',
        'kiosk-02',
      ]);
    });
  });
});

describeOnBackends('the hall works by the settings staff saved, on $name', (backend) => {
  const store = useStore(backend);
  let hall: TestHall;
  beforeAll(async () => {
    hall = await testHall(store());
  }, 30_000);
  afterAll(() => hall?.events.close());

  it('issues numbers by the quotas saved on the 管理 page, not the seeded ones', async () => {
    const admin = await hall.login('admin');
    const issue = () =>
      hall.call('POST', '/api/queue/tickets', {
        token: KIOSK,
        body: { serviceCode: 'tax', kioskId: 'kiosk-01', requestId: randomUUID() },
      });
    expect((await issue()).status).toBe(201);
    expect((await issue()).status).toBe(201);
    const queue = demoHallConfig().queue;
    const settings = {
      queue: {
        ...queue,
        services: queue.services.map((s) => (s.code === 'tax' ? { ...s, dailyMax: 3 } : s)),
      },
    };
    const saved = await hall.call('PUT', '/api/admin/settings', {
      token: admin,
      body: { settings },
    });
    expect(saved.status).toBe(200);
    expect((await issue()).status).toBe(201);
    const refused = await issue();
    expect(refused.status).toBe(409);
    expect(refused.body.refusal).toEqual({ reason: 'daily-max-reached' });
    // The hall's name staff saved is the display's too.
    await hall.call('PUT', '/api/admin/settings', {
      token: admin,
      body: {
        settings: {
          ...settings,
          hall: { name: { 'zh-CN': '新区政务服务中心', en: 'New District Centre' } },
        },
      },
    });
    const display = await hall.call('GET', '/api/display');
    expect(display.body.hallName['zh-CN']).toBe('新区政务服务中心');
    // A holiday staff enter for today closes issuing on the server too.
    const today = hall.clock.now.toISOString().slice(0, 10);
    await hall.call('PUT', '/api/admin/settings', {
      token: admin,
      body: { settings: { ...settings, calendar: { holidays: [today], makeupWorkdays: [] } } },
    });
    const closed = await issue();
    expect(closed.status).toBe(409);
    expect(closed.body.refusal).toEqual({ reason: 'outside-issuing-hours', nextWindowStart: null });
  });
});

describeOnBackends('the hall’s card-key secret on $name', (backend) => {
  const store = useStore(backend);
  let hall: TestHall;
  beforeAll(async () => {
    hall = await testHall(store());
  }, 30_000);
  afterAll(() => hall?.events.close());

  it('is made once per hall, the same to every kiosk, and only to kiosks', async () => {
    const first = await hall.call('GET', '/api/kiosk/holder-secret', { token: KIOSK });
    expect(first.status).toBe(200);
    expect(Buffer.from(first.body.secret, 'base64')).toHaveLength(32);
    const other = await hall.call('GET', '/api/kiosk/holder-secret', { token: 'demo-kiosk-02' });
    expect(other.body.secret).toBe(first.body.secret);
    expect((await hall.call('GET', '/api/kiosk/holder-secret')).status).toBe(401);
    const admin = await hall.login('admin');
    expect((await hall.call('GET', '/api/kiosk/holder-secret', { token: admin })).status).toBe(401);
    await store().saveConfig('hall-other', demoHallConfig());
    expect(await store().holderSecret('hall-other', new Date())).not.toBe(first.body.secret);
    expect(await store().holderSecret('hall-other', new Date())).toBe(
      await store().holderSecret('hall-other', new Date()),
    );
  });
});

describe('migration 2 over a hall database of version 1', () => {
  it('numbers the audit lines already kept per hall, in their order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hall-migrate-'));
    try {
      const driver = new SqliteDriver(join(dir, 'hall.sqlite3'));
      const [first] = MIGRATIONS;
      if (!first) throw new Error('migration 1');
      await migrate(driver, [first]);
      await driver.transaction(async (tx) => {
        for (const [hall, actor] of [
          ['a', 'admin'],
          ['b', 'admin'],
          ['a', 'window'],
        ] as const)
          await tx.run(
            'INSERT INTO audit_log (hall_id, at, actor, action, detail) VALUES (?, ?, ?, ?, ?)',
            [hall, '2026-12-01T00:00:00.000Z', actor, 'login', ''],
          );
      });
      expect(await migrate(driver)).toEqual([2, 3, 4]);
      const rows = await driver.transaction((tx) =>
        tx.all<{ hall_id: string; actor: string; hall_seq: number }>(
          'SELECT hall_id, actor, hall_seq FROM audit_log ORDER BY seq',
        ),
      );
      expect(rows.map((r) => `${r.hall_id} ${r.hall_seq} ${r.actor}`)).toEqual([
        'a 1 admin',
        'b 1 admin',
        'a 2 window',
      ]);
      await driver.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * The kiosk's and the admin page's clients of /api/admin (stores/hall: HttpHallAdmin and
 * HallBackedAdmin) against the REAL hall server in this process — the app of hall-server/app.ts
 * over SQLite in a temporary directory, reached through a fetch handed to `app.fetch` — with a
 * link that can be cut, or made to lose the server's answer after the server did the work.
 */
import 'fake-indexeddb/auto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  isBadRating,
  type Catalog,
  type Rating,
  type RatingOffer,
  type WorkOrder,
} from '../../domain';
import { createHallApp } from '../../hall-server/app';
import { seedDemoAccess } from '../../hall-server/auth';
import { openHallStore, seedDemoHall, type HallStore } from '../../hall-server/store';
import { IndexedDbHallAdmin } from '../../stores/admin';
import {
  HallBackedAdmin,
  HallListUnavailableError,
  HallManagedError,
  HallRefusedError,
  HttpHallAdmin,
} from '../../stores/hall';

const CATALOG = JSON.parse(readFileSync('public/catalog.json', 'utf8')) as Catalog;
const TEN_AM = new Date('2026-12-02T02:00:00Z');
const SUBJECT = {
  flow: 'queue' as const,
  itemCode: null,
  title: '取号 B001',
  service: 'tax',
  key: 'T:b1',
};

/** The network between a client and the hall server. */
class Link {
  mode: 'up' | 'down' | 'lose' = 'up';
  requests: string[] = [];
  constructor(
    private readonly app: { fetch: (request: Request) => Response | Promise<Response> },
  ) {}
  fetch = async (request: Request): Promise<Response> => {
    this.requests.push(`${request.method} ${new URL(request.url).pathname}`);
    if (this.mode === 'down') throw new TypeError('fetch failed');
    const answer = await this.app.fetch(request);
    if (this.mode === 'lose')
      return new Promise<Response>((_, reject) =>
        request.signal.addEventListener('abort', () =>
          reject(new DOMException('aborted', 'AbortError')),
        ),
      );
    return answer;
  };
}

const open: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (let close = open.pop(); close; close = open.pop()) await close();
});

async function startHall() {
  const dir = mkdtempSync(join(tmpdir(), 'hall-admin-client-'));
  const store: HallStore = await openHallStore({ dataDir: dir });
  await seedDemoHall(store);
  await seedDemoAccess(store);
  const { app } = createHallApp({ store, now: () => TEN_AM });
  open.push(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const link = new Link(app);
  const login = await app.request('/api/staff/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: '246810' }),
  });
  const { token } = (await login.json()) as { token: string };
  const staff = new HttpHallAdmin({
    baseUrl: 'http://hall.test/',
    token,
    fetch: async (r) => app.fetch(r),
  });
  return { store, app, link, staff };
}

let databases = 0;
function kiosk(link: Link, name = `hall-admin-${(databases += 1)}`) {
  const local = new IndexedDbHallAdmin({ kioskId: 'kiosk-01', databaseName: `${name}-local` });
  const admin = new HallBackedAdmin({
    local,
    remote: new HttpHallAdmin({
      baseUrl: 'http://hall.test/',
      token: 'demo-kiosk-01',
      fetch: link.fetch,
      timeoutMs: 300,
    }),
    kioskId: 'kiosk-01',
    outboxName: `${name}-outbox`,
    retryEveryMs: 60_000,
  });
  open.push(async () => {
    await admin.close();
    await local.close();
  });
  return { admin, local, name };
}

function offer(): RatingOffer {
  return {
    id: crypto.randomUUID(),
    at: TEN_AM.toISOString(),
    kioskId: 'kiosk-01',
    subject: SUBJECT,
    rated: false,
  };
}
function badRating(): { rating: Rating; order: WorkOrder } {
  const id = crypto.randomUUID();
  const rating: Rating = {
    id,
    at: TEN_AM.toISOString(),
    kioskId: 'kiosk-01',
    subject: SUBJECT,
    level: 'dissatisfied',
    reasons: ['efficiency'],
    otherText: null,
    callbackPhone: '13912345678',
  };
  expect(isBadRating(rating.level)).toBe(true);
  const order: WorkOrder = {
    id,
    ratingId: id,
    openedAt: rating.at,
    dueDate: '2026-12-23',
    state: 'open',
    callBacks: [],
    rectification: null,
    rectifiedAt: null,
    closedAt: null,
    closingNote: null,
  };
  return { rating, order };
}

describe('HttpHallAdmin (a staff session, as the hall admin page uses it)', () => {
  it('refuses a bad catalog whole, naming every problem, and changes nothing', async () => {
    const { staff } = await startHall();
    await staff.saveCatalog(CATALOG);
    const broken = structuredClone(CATALOG) as unknown as { items: Record<string, unknown>[] };
    const [first] = broken.items;
    if (!first) throw new Error('the demo catalog has items');
    first.promisedDays = 'soon';
    broken.items.push({ ...first, promisedDays: 3 });
    const refusal = await staff.saveCatalog(broken as unknown as Catalog).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(HallRefusedError);
    const { status, body } = refusal as HallRefusedError;
    expect(status).toBe(400);
    expect(body?.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^${String(first.code)} promisedDays: `)),
        `${String(first.code)} code: the code is used twice`,
      ]),
    );
    expect((await staff.catalog())?.items.map((i) => i.code)).toEqual(
      CATALOG.items.map((i) => i.code),
    );
  });

  it('keeps settings for the hall and says the PIN is not the hall’s', async () => {
    const { staff } = await startHall();
    await staff.saveSettings({
      session: {
        ...{ idleSeconds: 100, elderlyIdleSeconds: 200, warningSeconds: 15, goodbyeSeconds: 10 },
      },
    });
    expect(await staff.settings()).toEqual({
      session: {
        idleSeconds: 100,
        elderlyIdleSeconds: 200,
        warningSeconds: 15,
        goodbyeSeconds: 10,
      },
    });
    await expect(staff.saveSettings({ defaultLocale: 'xx' as never })).rejects.toThrow(
      /defaultLocale/,
    );
    await expect(staff.pin()).rejects.toThrow(/kept on each kiosk/);
    const line = await staff.audit(
      { action: 'catalog-export', subject: 'x', before: null, after: null },
      TEN_AM,
    );
    expect(line).toMatchObject({ kioskId: 'admin', action: 'catalog-export' });
    expect((await staff.auditLog()).at(-1)).toEqual(line);
  });
});

describe('HallBackedAdmin (a kiosk of the hall)', () => {
  it('keeps a rating made while the server is down and delivers it once when it is back', async () => {
    const { link, staff, store } = await startHall();
    const { admin } = kiosk(link);
    link.mode = 'down';
    const o = offer();
    const { rating, order } = badRating();
    await admin.recordOffer(o);
    await admin.addRating(rating, o.id, order);
    await admin.audit({ action: 'entry', subject: '', before: null, after: null }, TEN_AM);
    expect((await admin.pending()).map((p) => p.kind)).toEqual(['offer', 'rating', 'audit']);
    expect(await staff.ratings()).toEqual([]);

    // Back, but the first answer is lost after the server kept the offer: sent again, kept once.
    link.mode = 'lose';
    await admin.flush(true);
    expect((await store.offers('demo')).map((x) => x.id)).toEqual([o.id]);
    link.mode = 'up';
    await admin.flush(true);
    expect(await admin.pending()).toEqual([]);
    expect(await staff.ratings()).toEqual([rating]);
    expect(await staff.workOrders()).toEqual([order]);
    expect((await staff.offers()).map((x) => [x.id, x.rated])).toEqual([[o.id, true]]);
    const entries = (await staff.auditLog()).filter((e) => e.kioskId === 'kiosk-01');
    expect(entries.map((e) => e.action)).toEqual(['entry']);
    await admin.flush(true);
    expect(await staff.ratings()).toHaveLength(1);
    expect(await admin.problems()).toEqual([]);
  });

  it('sends at once while the server answers, and reports a refused rating to its caller', async () => {
    const { link, staff } = await startHall();
    const { admin } = kiosk(link);
    const o = offer();
    await admin.recordOffer(o);
    const first = badRating();
    await admin.addRating(first.rating, o.id, first.order);
    expect(await admin.pending()).toEqual([]);
    expect(await staff.ratings()).toEqual([first.rating]);
    const second = badRating();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(admin.addRating(second.rating, o.id, second.order)).rejects.toThrow(
      /already rated/,
    );
    expect(logged).toHaveBeenCalledWith(expect.stringMatching(/kept for staff/), expect.anything());
    logged.mockRestore();
    expect((await admin.problems()).map((p) => p.write.kind)).toEqual(['rating']);
    expect(await staff.ratings()).toEqual([first.rating]);
  });

  it('starts cut off with the catalog and settings it last had', async () => {
    const { link, staff } = await startHall();
    await staff.saveCatalog(CATALOG);
    await staff.saveSettings({ defaultLocale: 'en' });
    const online = kiosk(link);
    expect(await online.admin.settings()).toEqual({ defaultLocale: 'en' });
    expect((await online.admin.catalog())?.items).toHaveLength(CATALOG.items.length);
    await online.admin.close();

    link.mode = 'down';
    const { admin } = kiosk(link, online.name);
    expect(await admin.settings()).toEqual({ defaultLocale: 'en' });
    expect((await admin.catalog())?.items.map((i) => i.code)).toEqual(
      CATALOG.items.map((i) => i.code),
    );
    // The PIN stays the kiosk's own, server or not.
    await admin.setEntryLock({ wrong: 2, locks: 0, lockedUntil: null });
    expect(await admin.entryLock()).toEqual({ wrong: 2, locks: 0, lockedUntil: null });
  });

  it('never reached the server: its own console’s settings stand', async () => {
    const { link } = await startHall();
    const { admin, local } = kiosk(link);
    await local.saveSettings({ defaultLocale: 'en' });
    link.mode = 'down';
    expect(await admin.settings()).toEqual({ defaultLocale: 'en' });
    expect(await admin.catalog()).toBeNull();
  });

  it('says clearly why a list cannot be read, and that the hall’s catalog is changed on its admin page', async () => {
    const { link } = await startHall();
    const { admin } = kiosk(link);
    await expect(admin.ratings()).rejects.toThrow(HallListUnavailableError);
    await expect(admin.ratings()).rejects.toThrow(/管理页面.*staff login/);
    link.mode = 'down';
    await expect(admin.workOrders()).rejects.toThrow(/cannot be reached/);
    await expect(admin.saveCatalog()).rejects.toThrow(HallManagedError);
    link.mode = 'up';
    await admin.recordDeviceEvent({ at: TEN_AM.toISOString(), device: 'printer', what: 'jam' });
    expect(await admin.deviceEvents()).toEqual([
      { kioskId: 'kiosk-01', at: TEN_AM.toISOString(), device: 'printer', what: 'jam' },
    ]);
  });
});

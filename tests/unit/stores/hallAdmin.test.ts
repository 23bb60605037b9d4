import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_KIOSK_CONFIG,
  OPEN_ENTRY,
  afterWrongPin,
  type AuditRecord,
  type Catalog,
  type CatalogSource,
  type Rating,
  type RatingOffer,
  type WorkOrder,
} from '../../../domain';
import {
  AdminCatalogSource,
  HALL_ADMIN_DATABASE,
  IndexedDbHallAdmin,
  hashPin,
  verifyPin,
} from '../../../stores/admin';
import { catalogItem } from '../../support/catalogItems';

let count = 0;
const databaseName = () => `admin-unit-${(count += 1)}`;
const admin = (name = databaseName()) =>
  new IndexedDbHallAdmin({ kioskId: 'kiosk-07', databaseName: name });
const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 2, minute));
// Fast enough for tests; the kiosk uses the default.
const FEW = 1000;

const record = (subject: string): AuditRecord => ({
  action: 'item-change',
  subject,
  before: { enabled: true },
  after: { enabled: false },
});

const catalog = (version: number, name = '社会保险个人参保证明查询打印'): Catalog => ({
  version,
  savedAt: '2026-12-01T00:00:00.000Z',
  items: [catalogItem({ name })],
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the console PIN hash', () => {
  it('knows the right PIN and refuses a wrong one', async () => {
    const pin = await hashPin('246810', at(0), FEW);
    expect(await verifyPin('246810', pin)).toBe(true);
    expect(await verifyPin('246811', pin)).toBe(false);
    expect(await verifyPin('2468100', pin)).toBe(false);
  });

  it('keeps a 16-byte salt, a 32-byte hash, the iterations and the moment, never the PIN', async () => {
    const pin = await hashPin('246810', at(3), FEW);
    expect(atob(pin.salt)).toHaveLength(16);
    expect(atob(pin.hash)).toHaveLength(32);
    expect(pin.iterations).toBe(FEW);
    expect(pin.setAt).toBe('2026-11-23T02:03:00.000Z');
    expect(JSON.stringify(pin)).not.toContain('246810');
  });

  it('salts each hash, so the same PIN twice gives two different records', async () => {
    const first = await hashPin('13579246', at(0), FEW);
    const second = await hashPin('13579246', at(0), FEW);
    expect(first.salt).not.toBe(second.salt);
    expect(first.hash).not.toBe(second.hash);
    expect(await verifyPin('13579246', second)).toBe(true);
  });

  it('checks with the record’s own salt and iterations', async () => {
    const pin = await hashPin('246810', at(0), FEW);
    expect(await verifyPin('246810', { ...pin, iterations: FEW + 1 })).toBe(false);
    const other = await hashPin('246810', at(0), FEW);
    expect(await verifyPin('246810', { ...pin, salt: other.salt })).toBe(false);
  });

  it('refuses to hash a PIN that is not 6 to 12 digits', async () => {
    for (const bad of ['12345', '1234567890123', '12345a', ' 123456', ''])
      await expect(hashPin(bad, at(0), FEW)).rejects.toThrow('a console PIN is 6 to 12 digits');
    expect(await verifyPin('12345', await hashPin('123456', at(0), FEW))).toBe(false);
  });
});

describe('the staff console’s IndexedDB store', () => {
  it('is its own database', () => {
    expect(HALL_ADMIN_DATABASE).toBe('budayang-admin');
  });

  it('keeps the PIN record; none before one is set', async () => {
    const store = admin();
    expect(await store.pin()).toBeNull();
    const pin = await hashPin('246810', at(0), FEW);
    await store.setPin(pin);
    expect(await store.pin()).toEqual(pin);
  });

  it('numbers the audit log 1, 2, 3 with the kiosk and the moment', async () => {
    const store = admin();
    const first = await store.audit(record('SB-0001'), at(1));
    expect(first).toEqual({
      seq: 1,
      at: '2026-11-23T02:01:00.000Z',
      kioskId: 'kiosk-07',
      action: 'item-change',
      subject: 'SB-0001',
      before: { enabled: true },
      after: { enabled: false },
    });
    await store.audit(record('SB-0002'), at(2));
    await store.audit({ action: 'exit', subject: '', before: null, after: null }, at(3));
    const log = await store.auditLog();
    expect(log.map((e) => [e.seq, e.subject, e.action])).toEqual([
      [1, 'SB-0001', 'item-change'],
      [2, 'SB-0002', 'item-change'],
      [3, '', 'exit'],
    ]);
    expect(log[0]).toEqual(first);
  });

  it('gives appends made at the same time distinct, consecutive numbers', async () => {
    const store = admin();
    const written = await Promise.all(
      Array.from({ length: 10 }, (_, i) => store.audit(record(`item-${i}`), at(i))),
    );
    expect(written.map((e) => e.seq).sort((a, b) => a - b)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
    const log = await store.auditLog();
    expect(log.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(new Set(log.map((e) => e.subject)).size).toBe(10);
  });

  it('keeps everything through a reopen, and goes on numbering where it stopped', async () => {
    const name = databaseName();
    const before = admin(name);
    await before.audit(record('a'), at(1));
    await before.audit(record('b'), at(2));
    await before.setEntryLock({ wrong: 2, locks: 1, lockedUntil: null });
    await before.saveSettings({ defaultLocale: 'en' });
    await before.saveCatalog(catalog(4));
    await before.close();

    const after = admin(name);
    expect((await after.audit(record('c'), at(3))).seq).toBe(3);
    expect((await after.auditLog()).map((e) => e.subject)).toEqual(['a', 'b', 'c']);
    expect(await after.entryLock()).toEqual({ wrong: 2, locks: 1, lockedUntil: null });
    expect(await after.settings()).toEqual({ defaultLocale: 'en' });
    expect((await after.catalog())?.version).toBe(4);
  });

  it('has an open entry until a lock is written, then keeps the lock', async () => {
    const store = admin();
    expect(await store.entryLock()).toEqual(OPEN_ENTRY);
    let lock = OPEN_ENTRY;
    for (let i = 0; i < 5; i += 1) lock = afterWrongPin(lock, at(10));
    await store.setEntryLock(lock);
    expect(await store.entryLock()).toEqual({
      wrong: 0,
      locks: 1,
      lockedUntil: '2026-11-23T02:15:00.000Z',
    });
    await store.setEntryLock(OPEN_ENTRY);
    expect(await store.entryLock()).toEqual(OPEN_ENTRY);
  });

  it('has no settings until staff save some, then exactly those', async () => {
    const store = admin();
    expect(await store.settings()).toEqual({});
    const settings = {
      officeHours: { ...DEFAULT_KIOSK_CONFIG.officeHours, close: '17:30' },
      session: DEFAULT_KIOSK_CONFIG.session,
    };
    await store.saveSettings(settings);
    // What was saved is a copy: changing the object afterwards changes nothing stored.
    settings.officeHours.close = '23:00';
    expect(await store.settings()).toEqual({
      officeHours: { ...DEFAULT_KIOSK_CONFIG.officeHours, close: '17:30' },
      session: DEFAULT_KIOSK_CONFIG.session,
    });
    await store.saveSettings({ defaultLocale: 'en' });
    expect(await store.settings()).toEqual({ defaultLocale: 'en' });
  });

  it('has no catalog until staff save one, then the last saved', async () => {
    const store = admin();
    expect(await store.catalog()).toBeNull();
    await store.saveCatalog(catalog(2, '第一版'));
    await store.saveCatalog(catalog(3, '第二版'));
    expect(await store.catalog()).toEqual(catalog(3, '第二版'));
  });

  it('keeps each kind of value apart', async () => {
    const store = admin();
    await store.saveSettings({ defaultLocale: 'en' });
    await store.setPin(await hashPin('246810', at(0), FEW));
    expect(await store.catalog()).toBeNull();
    expect(await store.entryLock()).toEqual(OPEN_ENTRY);
    expect(await store.settings()).toEqual({ defaultLocale: 'en' });
  });
});

describe('device events for 设备状态', () => {
  it('keeps the newest 500, newest first', async () => {
    const store = admin();
    for (let i = 0; i < 503; i += 1)
      await store.recordDeviceEvent({
        at: at(i % 60).toISOString(),
        device: 'document',
        what: `e${i}`,
      });
    const kept = await store.deviceEvents();
    expect(kept).toHaveLength(500);
    expect(kept[0]?.what).toBe('e502');
    expect(kept.at(-1)?.what).toBe('e3');
  });

  it('upgrades a version-1 database without losing its audit log', async () => {
    const name = databaseName();
    const old = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(name, 1);
      open.onupgradeneeded = () => {
        open.result.createObjectStore('meta');
        open.result.createObjectStore('audit', { keyPath: 'seq' }).add({
          seq: 1,
          at: at(0).toISOString(),
          kioskId: 'k',
          action: 'entry',
          subject: 'console',
        });
      };
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    old.close();
    const store = admin(name);
    expect((await store.auditLog()).map((e) => e.action)).toEqual(['entry']);
    await store.recordDeviceEvent({ at: at(1).toISOString(), device: 'idCard', what: 'card-left' });
    expect(await store.deviceEvents()).toEqual([
      { at: at(1).toISOString(), device: 'idCard', what: 'card-left' },
    ]);
  });
});

describe('好差评: offers, ratings and work orders', () => {
  const subject = {
    flow: 'licence-print',
    itemCode: 'SB-0001',
    title: '社会保险个人参保证明打印',
    service: null,
    key: 'job-1',
  };
  const offer = (id: string, minute: number): RatingOffer => ({
    id,
    at: at(minute).toISOString(),
    kioskId: 'kiosk-07',
    subject,
    rated: false,
  });
  const rating = (id: string, minute: number, phone: string | null = null): Rating => ({
    id,
    at: at(minute).toISOString(),
    kioskId: 'kiosk-07',
    subject,
    level: 'very-dissatisfied',
    reasons: ['attitude'],
    otherText: null,
    callbackPhone: phone,
  });
  const order = (id: string, minute: number): WorkOrder => ({
    id,
    ratingId: id,
    openedAt: at(minute).toISOString(),
    dueDate: '2026-12-14',
    state: 'open',
    callBacks: [],
    rectification: null,
    rectifiedAt: null,
    closedAt: null,
    closingNote: null,
  });

  it('rates an offer: the rating, its order and the offer marked rated, together', async () => {
    const store = admin();
    await store.recordOffer(offer('o1', 1));
    await store.recordOffer(offer('o2', 2));
    expect((await store.offers()).map((o) => [o.id, o.rated])).toEqual([
      ['o1', false],
      ['o2', false],
    ]);
    await store.addRating(rating('r1', 3, '13800138000'), 'o1', order('r1', 3));
    expect((await store.offers()).map((o) => [o.id, o.rated])).toEqual([
      ['o1', true],
      ['o2', false],
    ]);
    expect(await store.ratings()).toEqual([rating('r1', 3, '13800138000')]);
    expect(await store.workOrders()).toEqual([order('r1', 3)]);
  });

  it('keeps a good rating with no order', async () => {
    const store = admin();
    await store.recordOffer(offer('o1', 1));
    await store.addRating({ ...rating('r1', 2), level: 'satisfied' }, 'o1', null);
    expect((await store.ratings()).map((r) => r.level)).toEqual(['satisfied']);
    expect(await store.workOrders()).toEqual([]);
  });

  it('keeps the call-back phone in the rating alone', async () => {
    const store = admin();
    await store.recordOffer(offer('o1', 1));
    await store.addRating(rating('r1', 2, '13800138000'), 'o1', order('r1', 2));
    expect(JSON.stringify(await store.ratings())).toContain('13800138000');
    expect(JSON.stringify(await store.offers())).not.toContain('13800138000');
    expect(JSON.stringify(await store.workOrders())).not.toContain('13800138000');
  });

  it('refuses a second rating of one offer, and one of an offer it does not have', async () => {
    const store = admin();
    await store.recordOffer(offer('o1', 1));
    await store.addRating(rating('r1', 2), 'o1', order('r1', 2));
    await expect(store.addRating(rating('r2', 3), 'o1', order('r2', 3))).rejects.toThrow(
      'rating offer o1 is already rated: one rating each',
    );
    await expect(store.addRating(rating('r3', 4), 'o9', null)).rejects.toThrow(
      'no rating offer o9: record the offer before its rating',
    );
    expect((await store.ratings()).map((r) => r.id)).toEqual(['r1']);
    expect((await store.workOrders()).map((o) => o.id)).toEqual(['r1']);
  });

  it('writes nothing when any part fails: the offer stays unrated', async () => {
    const store = admin();
    await store.recordOffer(offer('o1', 1));
    await store.recordOffer(offer('o2', 2));
    await store.addRating(rating('r1', 3), 'o1', order('r1', 3));
    // A second rating under the same id fails at its add, after the offer was marked.
    await expect(store.addRating(rating('r1', 4), 'o2', null)).rejects.toThrow();
    expect((await store.offers()).map((o) => [o.id, o.rated])).toEqual([
      ['o1', true],
      ['o2', false],
    ]);
    // An order already kept under this id fails after the offer and the rating were written.
    await store.recordOffer(offer('o3', 5));
    await expect(
      store.addRating({ ...rating('r2', 5), id: 'r1x' }, 'o3', {
        ...order('r1', 5),
        ratingId: 'r1x',
      }),
    ).rejects.toThrow();
    expect((await store.offers()).find((o) => o.id === 'o3')?.rated).toBe(false);
    expect((await store.ratings()).map((r) => r.id)).toEqual(['r1']);
  });

  it('refuses an order that is not the rating’s', async () => {
    const store = admin();
    await store.recordOffer(offer('o1', 1));
    await expect(store.addRating(rating('r1', 2), 'o1', order('r2', 2))).rejects.toThrow(
      'work order r2 is for rating r2, not r1',
    );
    expect(await store.offers()).toEqual([offer('o1', 1)]);
  });

  it('does not turn a rated offer back when it is recorded again', async () => {
    const store = admin();
    await store.recordOffer(offer('o1', 1));
    await store.addRating(rating('r1', 2), 'o1', null);
    await store.recordOffer(offer('o1', 1));
    expect((await store.offers()).map((o) => o.rated)).toEqual([true]);
  });

  it('lists ratings, offers and orders oldest first, whatever their ids', async () => {
    const store = admin();
    for (const [id, minute] of [
      ['c', 1],
      ['a', 3],
      ['b', 2],
    ] as const) {
      await store.recordOffer(offer(`o-${id}`, minute));
      await store.addRating(rating(id, minute), `o-${id}`, order(id, minute));
    }
    expect((await store.ratings()).map((r) => r.id)).toEqual(['c', 'b', 'a']);
    expect((await store.offers()).map((o) => o.id)).toEqual(['o-c', 'o-b', 'o-a']);
    expect((await store.workOrders()).map((o) => o.id)).toEqual(['c', 'b', 'a']);
  });

  it('replaces a work order by its id, and refuses one it does not have', async () => {
    const store = admin();
    await store.recordOffer(offer('o1', 1));
    await store.addRating(rating('r1', 2), 'o1', order('r1', 2));
    const called: WorkOrder = {
      ...order('r1', 2),
      state: 'called',
      callBacks: [{ at: at(30).toISOString(), by: '王敏', reached: true, note: '已联系' }],
    };
    await store.saveWorkOrder(called);
    expect(await store.workOrders()).toEqual([called]);
    await expect(store.saveWorkOrder(order('r9', 3))).rejects.toThrow(
      'no work order r9: a work order is opened with its rating (addRating)',
    );
    expect(await store.workOrders()).toEqual([called]);
  });

  it('keeps them through a reopen', async () => {
    const name = databaseName();
    const before = admin(name);
    await before.recordOffer(offer('o1', 1));
    await before.addRating(rating('r1', 2), 'o1', order('r1', 2));
    await before.close();
    const after = admin(name);
    expect((await after.ratings()).map((r) => r.id)).toEqual(['r1']);
    expect((await after.offers()).map((o) => o.rated)).toEqual([true]);
    expect((await after.workOrders()).map((o) => o.id)).toEqual(['r1']);
  });

  it('upgrades a version-2 database keeping its audit log and device events', async () => {
    const name = databaseName();
    const old = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(name, 2);
      open.onupgradeneeded = () => {
        open.result.createObjectStore('meta').put({ defaultLocale: 'en' }, 'settings');
        open.result.createObjectStore('audit', { keyPath: 'seq' }).add({
          seq: 1,
          at: at(0).toISOString(),
          kioskId: 'k',
          action: 'entry',
          subject: 'console',
          before: null,
          after: null,
        });
        open.result
          .createObjectStore('deviceEvents', { autoIncrement: true })
          .add({ at: at(1).toISOString(), device: 'document', what: 'jam' });
      };
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    old.close();
    const store = admin(name);
    expect((await store.auditLog()).map((e) => [e.seq, e.action])).toEqual([[1, 'entry']]);
    expect(await store.deviceEvents()).toEqual([
      { at: at(1).toISOString(), device: 'document', what: 'jam' },
    ]);
    expect(await store.settings()).toEqual({ defaultLocale: 'en' });
    expect((await store.audit(record('after'), at(2))).seq).toBe(2);
    await store.recordOffer(offer('o1', 3));
    await store.addRating(rating('r1', 4), 'o1', order('r1', 4));
    expect((await store.ratings()).map((r) => r.id)).toEqual(['r1']);
  });
});

describe('the catalog staff saved, over the file', () => {
  const file = (version: number): CatalogSource & { reads: number } => {
    const source = {
      reads: 0,
      current: async () => {
        source.reads += 1;
        return catalog(version, '文件版');
      },
    };
    return source;
  };

  it('serves the staff’s catalog when there is one, without reading the file', async () => {
    const store = admin();
    await store.saveCatalog(catalog(7, '员工版'));
    const fallback = file(9);
    const source = new AdminCatalogSource(store, fallback);
    expect((await source.current()).items[0]?.name).toBe('员工版');
    expect(fallback.reads).toBe(0);
  });

  it('serves the file’s when staff never saved one', async () => {
    const source = new AdminCatalogSource(admin(), file(9));
    expect((await source.current()).items[0]?.name).toBe('文件版');
  });

  it('keeps serving the file’s when the store cannot be read, and says so once', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const broken = { catalog: () => Promise.reject(new Error('disk gone')) };
    const source = new AdminCatalogSource(broken, file(9));
    expect((await source.current()).items[0]?.name).toBe('文件版');
    expect((await source.current()).items[0]?.name).toBe('文件版');
    expect(logged).toHaveBeenCalledTimes(1);
    expect(logged.mock.calls[0]?.[1]).toEqual(new Error('disk gone'));
  });

  it('fails as the file does when neither can give a catalog', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const broken = { catalog: () => Promise.reject(new Error('disk gone')) };
    const missing: CatalogSource = { current: () => Promise.reject(new Error('no file')) };
    await expect(new AdminCatalogSource(broken, missing).current()).rejects.toThrow('no file');
  });
});

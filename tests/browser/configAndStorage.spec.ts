import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { attractButton, openKiosk, shot, wake } from './support';
// The service worker would answer /kiosk.config.json from its cache on a reload; these tests
// serve the file themselves.
test.use({ serviceWorkers: 'block' });

type Json = Record<string, unknown>;
const shipped = () => JSON.parse(readFileSync('public/kiosk.config.json', 'utf8')) as Json;

/** Serves this configuration as /kiosk.config.json. */
async function serveConfig(page: Page, config: unknown) {
  await page.route('**/kiosk.config.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(config) }),
  );
}

/** The shipped file with a typo in the opening hour (8:30 for 08:30). */
const withTypo = (devices: string) => {
  const file = shipped();
  file.devices = devices;
  (file.officeHours as Json).open = '8:30';
  return file;
};

const outOfService = (page: Page) => page.locator('.out-of-service');
const staffNotice = (page: Page) => page.getByRole('complementary', { name: '工作人员提示' });
const simButton = (page: Page) => page.getByRole('button', { name: /打开设备模拟器/ });
const hasKioskSim = (page: Page) => page.evaluate(() => 'kioskSim' in window);

test.describe('a configuration that fails validation', () => {
  test('a typo in a real terminal keeps it real: no simulator, the rest of the file in use, staff told', async ({
    page,
  }) => {
    await serveConfig(page, withTypo('real'));
    await page.goto('/');
    await expect(attractButton(page)).toBeVisible();
    await page.waitForLoadState('networkidle'); // the simulator's chunk would have come by now
    expect(await hasKioskSim(page)).toBe(false);
    await expect(simButton(page)).toHaveCount(0);
    await expect(staffNotice(page)).toBeVisible();
    await expect(staffNotice(page)).toContainText('officeHours.open');
    await expect(page.locator('html')).toHaveAttribute('data-kiosk', 'mounted');
    await shot(page, 'staff-notice-rejected-fields');
    // A citizen can still use the kiosk, and 取号 and 预约 are still offered.
    await wake(page);
    await expect(page.getByRole('button', { name: /^取号/ })).toBeVisible();
    await expect(page.getByRole('button', { name: /^预约/ })).toBeVisible();
    // The staff notice is for attract only, never in a citizen's visit.
    await expect(staffNotice(page)).toBeHidden();
  });

  test('a typo in a mock kiosk keeps it mock; the SIM button stays off a citizen screen without ?sim=1', async ({
    page,
  }) => {
    await serveConfig(page, withTypo('mock'));
    await openKiosk(page, {}, { tester: false });
    expect(await hasKioskSim(page)).toBe(true); // the scripting API is still there for tests
    await expect(simButton(page)).toHaveCount(0);
    await expect(staffNotice(page)).toContainText('officeHours.open');
    await openKiosk(page, { sim: '1' }, { tester: false });
    await expect(page.getByRole('region', { name: /设备模拟器/ })).toBeVisible();
  });

  test('a valid mock configuration shows no SIM button by default either, but does for a tester', async ({
    page,
  }) => {
    await openKiosk(page, {}, { tester: false });
    await expect(simButton(page)).toHaveCount(0);
    await expect(staffNotice(page)).toBeHidden();
    await openKiosk(page); // the tester setting (localStorage budayang.kiosk.simulator = 1)
    await expect(simButton(page)).toBeVisible();
  });

  test('without a readable devices value the kiosk is out of service, not simulated', async ({
    page,
  }) => {
    await serveConfig(page, { ...shipped(), devices: 'rael' });
    await page.goto('/');
    await expect(outOfService(page)).toBeVisible();
    await expect(outOfService(page)).toContainText('终端暂停服务');
    await expect(outOfService(page)).toContainText('devices');
    await expect(attractButton(page)).toHaveCount(0);
    expect(await hasKioskSim(page)).toBe(false);
    await expect(page.locator('html')).toHaveAttribute('data-kiosk', 'out-of-service');
    await shot(page, 'out-of-service-config');
  });

  test('the last good configuration stands in: its device profile, and its values for rejected fields', async ({
    page,
  }) => {
    const good = { ...shipped(), devices: 'real', kioskId: 'hall-2-east' };
    await serveConfig(page, good);
    await page.goto('/');
    await expect(attractButton(page)).toBeVisible();
    await page.unrouteAll();
    await serveConfig(page, { ...good, devices: 'mock', kioskId: 'hall 2' });
    await page.reload();
    await expect(attractButton(page)).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(await hasKioskSim(page)).toBe(false);
    await expect(staffNotice(page)).toContainText('devices');
    await expect(staffNotice(page)).toContainText('kioskId');
  });
});

test.describe('storage', () => {
  test('a start that hangs shows the out-of-service screen after its time limit', async ({
    page,
  }) => {
    await page.clock.install();
    await page.route('**/kiosk.config.json', () => {}); // never answered
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('data-kiosk', 'booting');
    await expect(outOfService(page)).toHaveCount(0);
    await page.clock.runFor(20_000);
    await expect(outOfService(page)).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-kiosk', 'out-of-service');
    await shot(page, 'out-of-service');
  });

  test('an older page holding the queue database blocks the upgrade: out of service, then back when it lets go', async ({
    page,
    context,
  }) => {
    // The older page: the queue database at version 2, held open, deaf to version changes.
    const old = await context.newPage();
    await old.goto('/kiosk.config.json');
    await old.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('budayang-queue', 2);
          request.onupgradeneeded = () => {
            const db = request.result;
            db.createObjectStore('tickets', { keyPath: 'id' }).createIndex('byServiceDay', [
              'serviceCode',
              'date',
            ]);
            const appointments = db.createObjectStore('appointments', { keyPath: 'id' });
            appointments.createIndex('byServiceDay', ['serviceCode', 'date']);
            appointments.createIndex('byHolder', 'holderKey');
          };
          request.onsuccess = () => {
            (window as unknown as { held: IDBDatabase }).held = request.result;
            resolve();
          };
          request.onerror = () => reject(request.error);
        }),
    );
    await openKiosk(page);
    await expect(outOfService(page)).toBeVisible();
    await expect(outOfService(page)).toContainText('旧版本数据库');
    await shot(page, 'out-of-service-blocked');
    await old.evaluate(() => (window as unknown as { held: IDBDatabase }).held.close());
    await expect(outOfService(page)).toHaveCount(0);
    await expect(page.locator('html')).toHaveAttribute('data-kiosk', 'mounted');
    await wake(page);
  });

  test('a newer page asking for the database: this page lets go at once and reloads at attract', async ({
    page,
    context,
  }) => {
    await openKiosk(page);
    // The queue store opens at start (the retention purge); wait until it has.
    await expect
      .poll(() =>
        page.evaluate(async () =>
          (await indexedDB.databases()).some((db) => db.name === 'budayang-queue'),
        ),
      )
      .toBe(true);
    const reloaded = page.waitForEvent('load');
    const newer = await context.newPage();
    await newer.goto('/kiosk.config.json');
    const version = await newer.evaluate(
      () =>
        new Promise<number | string>((resolve) => {
          const request = indexedDB.open('budayang-queue', 99);
          request.onsuccess = () => {
            resolve(request.result.version);
            request.result.close();
          };
          request.onerror = () => resolve(String(request.error));
          setTimeout(() => resolve('still blocked'), 10_000);
        }),
    );
    expect(version).toBe(99);
    await reloaded;
  });

  test('a write refused for want of space says 暂停服务 and pauses 取号; persistent storage asked once', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      const w = window as unknown as { full: boolean; persistCalls: number };
      w.full = false;
      w.persistCalls = 0;
      for (const method of ['put', 'add'] as const) {
        const original = IDBObjectStore.prototype[method];
        IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: unknown[]) {
          if (w.full && this.transaction.db.name === 'budayang-queue')
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          return (original as (...a: unknown[]) => IDBRequest).apply(this, args);
        } as typeof original;
      }
      if (navigator.storage) {
        navigator.storage.persist = async () => {
          w.persistCalls += 1;
          return false; // refused: the kiosk goes on
        };
      }
    });
    await page.clock.install({ time: new Date('2026-11-23T10:00:00') });
    await openKiosk(page);
    expect(
      await page.evaluate(() => (window as unknown as { persistCalls: number }).persistCalls),
    ).toBe(1);
    await page.evaluate(() => ((window as unknown as { full: boolean }).full = true));
    await wake(page);
    await page.getByRole('button', { name: /^取号/ }).click();
    await page.getByRole('button', { name: /税务办理/ }).click();
    await page.getByRole('button', { name: '不刷证，直接取号' }).click();
    await page.getByRole('button', { name: '不需要，直接取号' }).click();
    const notice = page.getByText(/本机存储空间已满，此项业务暂停服务/);
    await expect(notice).toBeVisible();
    await expect(page.locator('main')).not.toContainText('装好纸');
    await shot(page, 'storage-full-queue');
    // The next 取号 stops at once, before the citizen chooses anything.
    await page.getByRole('button', { name: '返回首页' }).click();
    await page.getByRole('button', { name: /^取号/ }).click();
    await expect(notice).toBeVisible();
    await expect(page.getByRole('button', { name: /税务办理/ })).toHaveCount(0);
  });
});

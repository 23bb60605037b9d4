import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { freePort, killHard, startHall, type HallServer } from './hallSupport';
import { PICTURES, axeViolations, shot, skipWithoutShots } from './support';

/**
 * The hall's 管理 page (/admin, kiosk-ui/hallAdmin/) against a real hall server that serves this
 * run's kiosk build (PW_DIST): staff login with its refusals, every kiosk's devices in one list,
 * a setting saved over HTTP and its audit line, logout. One server per worker, real clock; the
 * kiosks' reports are posted with the demo kiosk tokens. The lockout test locks the `window`
 * user, so only it signs in as `window`; the others sign in as `admin`.
 */

const ADMIN = { username: 'admin', password: '246810' };

let hall: HallServer;

test.beforeAll(async () => {
  hall = await startHall(await freePort(), mkdtempSync(join(tmpdir(), 'budayang-hall-admin-')));
});

test.afterEach(async ({ browserName: _ }, testInfo) => {
  if (hall && testInfo.status !== testInfo.expectedStatus)
    await testInfo.attach('hall server output', {
      body: hall.output.join(''),
      contentType: 'text/plain',
    });
});

test.afterAll(async () => {
  if (!hall) return;
  await killHard(hall);
  rmSync(hall.dataDir, { recursive: true, force: true });
});

/** A kiosk's device report, as its HallDeviceReporter sends it. */
async function report(kiosk: string, devices: Record<string, string>, agoMs = 0): Promise<void> {
  const response = await fetch(`${hall.url}/api/devices/status`, {
    method: 'POST',
    headers: { authorization: `Bearer demo-${kiosk}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      kioskId: kiosk,
      at: new Date(Date.now() - agoMs).toISOString(),
      devices,
    }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
}

async function signIn(page: Page, who: { username: string; password: string }) {
  await page.getByLabel('用户名 Username').fill(who.username);
  await page.getByLabel('密码 Password').fill(who.password);
  await page.getByRole('button', { name: '登录' }).click();
}

const kioskRow = (page: Page, kiosk: string) =>
  page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: kiosk }) });

// axe is injected as a script: these tests lift the page's CSP; the others run under it.
test.describe('with axe', () => {
  test.use({ bypassCSP: true });

  test('staff sign in, see every kiosk’s devices in one list with paper-out marked, and sign out', async ({
    page,
  }) => {
    await report('kiosk-01', { receipt: 'paper-out', document: 'online', idCard: 'online' });
    await report('kiosk-02', { receipt: 'online', document: 'paper-low', idCard: 'online' });
    await report('kiosk-03', { receipt: 'online', document: 'online' }, 5 * 60_000);
    // The page's timers run on a clock the test moves: the 10-second refresh without waiting 10 s.
    await page.clock.install();
    await page.goto(`${hall.url}/admin`);

    await signIn(page, { username: 'admin', password: 'wrong-password' });
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('用户名或密码错误');
    await expect(alert).toContainText('Wrong username or password');
    await expect(page.getByLabel('用户名 Username')).toHaveValue('admin');
    await expect(page.getByLabel('密码 Password')).toHaveValue('');

    await signIn(page, ADMIN);
    await expect(page.getByRole('heading', { name: '设备状态（全大厅）' })).toBeVisible();
    await expect(page.getByText('共 3 台终端：1 台需处理，1 台失联。')).toBeVisible();

    const first = kioskRow(page, 'kiosk-01');
    await expect(first).toContainText('需处理（1 项）');
    const paperOut = first.getByRole('listitem').filter({ hasText: '凭条打印机' });
    await expect(paperOut).toHaveText(/凭条打印机：缺纸/);
    await expect(paperOut).toHaveClass(/hall-device--fault/);
    await expect(first.getByRole('listitem').filter({ hasText: '文件打印机' })).toHaveClass(
      /hall-device--fine/,
    );
    const second = kioskRow(page, 'kiosk-02');
    await expect(second).toContainText('纸张将尽');
    await expect(second.getByRole('listitem').filter({ hasText: '文件打印机' })).toHaveClass(
      /hall-device--warning/,
    );
    await expect(kioskRow(page, 'kiosk-03')).toContainText('失联');
    // Those that need someone first: the silent kiosk, then the fault, then paper low.
    await expect(page.getByRole('rowheader')).toHaveText(['kiosk-03', 'kiosk-01', 'kiosk-02']);

    // kiosk-02 jams: the list shows it at the next refresh, with nobody pressing 刷新.
    await report('kiosk-02', { receipt: 'online', document: 'jam', idCard: 'online' });
    await expect(second).not.toContainText('卡纸');
    await page.clock.fastForward(10_000);
    await expect(second).toContainText('文件打印机：卡纸');
    await expect(page.getByText('共 3 台终端：2 台需处理，1 台失联。')).toBeVisible();

    expect(await axeViolations(page)).toEqual([]);

    // The session is the tab's: a reload keeps it; 退出 ends it on the server too.
    const token = await page.evaluate(
      () =>
        JSON.parse(sessionStorage.getItem('budayang.hallAdmin.session') ?? '{}').token as string,
    );
    expect(token).toMatch(/\S{20,}/);
    await page.reload();
    await expect(page.getByRole('heading', { name: '设备状态（全大厅）' })).toBeVisible();
    await page.getByRole('button', { name: '退出' }).click();
    await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    const me = await fetch(`${hall.url}/api/staff/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.status).toBe(401);
    expect(await axeViolations(page)).toEqual([]);
  });

  test('a setting saved on the 管理 page is kept by the hall and written to its audit log', async ({
    page,
  }) => {
    await page.goto(`${hall.url}/admin`);
    await signIn(page, ADMIN);
    await page.getByRole('button', { name: '终端设置' }).click();
    const telephone = page.getByLabel('大厅咨询电话');
    await expect(telephone).toBeEditable();
    // The settings are the hall's: no one kiosk's id or devices here.
    await expect(page.getByText('对本大厅的所有终端生效')).toBeVisible();
    await expect(page.getByText('终端编号')).toHaveCount(0);
    await telephone.fill('0571-12345678');
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('已保存到大厅服务器。')).toBeVisible();

    // Another staff computer sees it: the hall keeps it, not this page.
    await page.reload();
    await page.getByRole('button', { name: '终端设置' }).click();
    await expect(page.getByLabel('大厅咨询电话')).toHaveValue('0571-12345678');

    await page.getByRole('button', { name: '审计日志' }).click();
    const line = page.getByRole('row').filter({ hasText: '修改终端设置' }).first();
    await expect(line).toContainText('0571-12345678');
    expect(await axeViolations(page)).toEqual([]);
  });
});

test('a window clerk sees the devices and the day only; a locked login says until when', async ({
  page,
}) => {
  await page.goto(`${hall.url}/admin`);
  await signIn(page, { username: 'window', password: '246810' });
  await expect(page.getByRole('heading', { name: '设备状态（全大厅）' })).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('button')).toHaveText([
    '设备状态',
    '今日概况',
  ]);
  // 今日概况 reads the hall's tickets and appointments with the clerk's session.
  await page.getByRole('button', { name: '今日概况' }).click();
  await expect(page.getByRole('heading', { name: '今日概况', level: 2 })).toBeVisible();
  await expect(page.getByRole('table').first()).toBeVisible();
  await expect(page.getByText('读取失败，请稍后刷新。')).toHaveCount(0);
  await page.getByRole('button', { name: '退出' }).click();

  // Five wrong passwords lock the login; then even the right one is refused, in both languages.
  for (let i = 0; i < 5; i++)
    await fetch(`${hall.url}/api/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'window', password: `wrong-${i}` }),
    });
  await signIn(page, { username: 'window', password: '246810' });
  await expect(page.getByRole('alert')).toContainText(/登录已锁定，请于 .+ 后再试/);
  await expect(page.getByRole('alert')).toContainText(/login is locked until/);
  await expect(page.getByRole('button', { name: '退出' })).toBeHidden();
});

test('pictures: the 管理 page', PICTURES, async ({ page }) => {
  skipWithoutShots();
  await report('kiosk-01', { receipt: 'paper-out', document: 'online', idCard: 'online' });
  await report('kiosk-02', { receipt: 'online', document: 'paper-low', idCard: 'online' });
  await report('kiosk-04', { receipt: 'online', document: 'online', idCard: 'online' });
  await report('kiosk-03', { receipt: 'online', document: 'online' }, 5 * 60_000);
  await page.goto(`${hall.url}/admin`);
  await signIn(page, { username: 'admin', password: 'wrong-password' });
  await expect(page.getByRole('alert')).toContainText('Wrong username or password');
  await shot(page, 'hall-admin-login');
  await signIn(page, ADMIN);
  await expect(page.getByText(/共 4 台终端/)).toBeVisible();
  // The console has one look for staff (console.css: elderly mode's scale does not apply).
  await shot(page, 'hall-admin-devices', { fullPage: true });
  await page.getByRole('button', { name: '今日概况' }).click();
  await expect(page.getByRole('heading', { name: '今日概况', level: 2 })).toBeVisible();
  await shot(page, 'hall-admin-today');
  await page.getByRole('button', { name: '终端设置' }).click();
  await expect(page.getByText('对本大厅的所有终端生效')).toBeVisible();
  await shot(page, 'hall-admin-settings', { fullPage: true });
  await page.getByRole('button', { name: '审计日志' }).click();
  await expect(page.getByRole('heading', { name: '审计日志' })).toBeVisible();
  await shot(page, 'hall-admin-audit');
});

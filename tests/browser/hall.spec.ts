import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { freePort, killHard, startHall as startHallServer, type HallServer } from './hallSupport';
import {
  PICTURES,
  axeViolations,
  openKiosk,
  shot,
  skipRating,
  skipWithoutShots,
  wake,
} from './support';

/**
 * The hall server's pages (issue 15) against a real hall server: 叫号屏 (/display) and 窗口
 * (/window), built into dist-hall/ (`npm run build:hall`), and kiosk pages served by the same
 * server. Each worker starts its own server (`node --import tsx hall-server/main.ts`) on a free
 * port with a fresh data directory; HALL_CLOCK sets the server's clock to a Monday morning, so
 * issuing hours never depend on when the test runs. Each test works its own service and window,
 * so the tests need no order.
 */

const MONDAY_MORNING = '2026-11-23T10:00:00+08:00';
const STAFF = { username: 'window', password: '246810' };

let hall: HallServer;
// The server's clock runs on from MONDAY_MORNING; a restart continues it where it was.
const clockStartedAt = Date.now();

function startHall(port: number, dataDir: string): Promise<HallServer> {
  const clock = new Date(Date.parse(MONDAY_MORNING) + (Date.now() - clockStartedAt));
  return startHallServer(port, dataDir, { clock });
}

test.beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'budayang-hall-'));
  hall = await startHall(await freePort(), dataDir);
});

// A failed test carries what the server said (a 503's cause is in its log, not the page's).
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

// ─── the API, as a kiosk and as staff ──────────────────────────────────────────────────────

let requestCount = 0;

/** A ticket as kiosk-01 takes it (POST /api/queue/tickets); its number. */
async function issueTicket(serviceCode: string): Promise<string> {
  const response = await fetch(`${hall.url}/api/queue/tickets`, {
    method: 'POST',
    headers: { authorization: 'Bearer demo-kiosk-01', 'content-type': 'application/json' },
    body: JSON.stringify({
      serviceCode,
      kioskId: 'kiosk-01',
      requestId: `hall-spec-${process.pid}-${Date.now()}-${++requestCount}`,
    }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  const { ticket } = (await response.json()) as { ticket: { number: string } };
  return ticket.number;
}

async function staffToken(): Promise<string> {
  const response = await fetch(`${hall.url}/api/staff/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(STAFF),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

/** 叫号 at a window through the API; the number called. */
async function callNext(token: string, window: number): Promise<string> {
  const response = await fetch(`${hall.url}/api/windows/${window}/call-next`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return ((await response.json()) as { ticket: { number: string } }).ticket.number;
}

// ─── the pages ─────────────────────────────────────────────────────────────────────────────

declare global {
  interface Window {
    /** The speech stub's record (installed by `recordSpeech`). */
    __speech?: { spoken: string[]; cancelled: number; overlapped: number };
  }
}

/**
 * Replaces speechSynthesis in the page with a recorder: each utterance "plays" for 1.5 s, and
 * the record says what was said, how often anything was cancelled, and whether one utterance
 * started while another was still playing.
 */
async function recordSpeech(page: Page) {
  await page.addInitScript(() => {
    const record = { spoken: [] as string[], cancelled: 0, overlapped: 0 };
    let playing = 0;
    window.__speech = record;
    class RecordedUtterance extends EventTarget {
      text: string;
      lang = '';
      rate = 1;
      voice: unknown = null;
      onend: ((event: Event) => void) | null = null;
      onerror: ((event: Event) => void) | null = null;
      constructor(text: string) {
        super();
        this.text = text;
      }
    }
    const synth = {
      speaking: false,
      pending: false,
      paused: false,
      getVoices: () => [],
      cancel: () => void record.cancelled++,
      pause: () => undefined,
      resume: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      speak(utterance: RecordedUtterance) {
        if (playing > 0) record.overlapped++;
        playing++;
        record.spoken.push(utterance.text);
        setTimeout(() => {
          playing--;
          utterance.onend?.(new Event('end'));
        }, 1_500);
      },
    };
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: RecordedUtterance });
    Object.defineProperty(window, 'speechSynthesis', { value: synth });
  });
}

const speech = (page: Page) =>
  page.evaluate(() => window.__speech ?? { spoken: [], cancelled: -1, overlapped: -1 });

async function openDisplay(page: Page) {
  await recordSpeech(page);
  await page.goto(`${hall.url}/display`);
  await expect(page.getByRole('heading', { name: /正在叫号/ })).toBeVisible();
}

const displayCall = (page: Page, window: number) =>
  page.locator(`.calls .call[data-window="${window}"] .call-number`);
const recentNumbers = (page: Page) => page.locator('.recent-list li .recent-number');

async function openWindowConsole(page: Page, window: number) {
  await page.goto(`${hall.url}/window`);
  await page.getByLabel(/用户名/).fill(STAFF.username);
  await page.getByLabel(/密码/).fill(STAFF.password);
  await page.getByRole('button', { name: /登录/ }).click();
  await page.getByRole('button', { name: new RegExp(`^${window}号窗口`) }).click();
  await expect(page.locator('.console-title')).toContainText(`${window}号窗口`);
}

const consoleButton = (page: Page, name: string) =>
  page.locator('.actions').getByRole('button', { name: new RegExp(`^${name}`) });

/** A page of its own (its own sessionStorage) at the hall server's origin, in the hall's zone. */
async function newPage(
  browser: Browser,
  viewport = { width: 1280, height: 800 },
  { bypassCSP = false } = {},
) {
  const context = await browser.newContext({
    viewport,
    bypassCSP,
    baseURL: hall.url,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  const seen: string[] = [];
  pageProblems.set(page, seen);
  page.on('pageerror', (error) => seen.push(error.message));
  // A refused request (404 queue-empty) is logged too: it is an answer, not a problem.
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      seen.push(message.text());
  });
  return page;
}

const pageProblems = new WeakMap<Page, string[]>();
/** The uncaught errors and console errors (CSP refusals among them) of a page so far. */
const problems = (page: Page) => pageProblems.get(page) ?? [];

// ─── tests ─────────────────────────────────────────────────────────────────────────────────

test('叫号: the window console calls the next number, the display shows it within 1 s and says it once, queued', async ({
  browser,
}) => {
  // 不动产登记 (D) at window 11: this test's own service and window.
  const first = await issueTicket('real-estate');
  const second = await issueTicket('real-estate');
  const display = await newPage(browser, { width: 1920, height: 1080 });
  await openDisplay(display);
  const staff = await newPage(browser);
  await openWindowConsole(staff, 11);
  await expect(staff.locator('.tickets li[data-number]')).toHaveText([
    new RegExp(`^${first}`),
    new RegExp(`^${second}`),
  ]);

  await consoleButton(staff, '叫号').click();
  await expect(staff.getByTestId('current-number')).toHaveText(first);
  await expect(displayCall(display, 11)).toHaveText(first, { timeout: 1_000 });
  await expect(recentNumbers(display).first()).toHaveText(first, { timeout: 1_000 });

  // A recall and the next call come while the first is still being said: both wait their turn.
  await consoleButton(staff, '重呼').click();
  await expect(staff.getByRole('status')).toContainText(`已再次呼叫 ${first}`);
  await consoleButton(staff, '办结').click();
  await expect(staff.getByRole('status')).toContainText(`${first} 已办结`);
  await consoleButton(staff, '叫号').click();
  await expect(displayCall(display, 11)).toHaveText(second, { timeout: 1_000 });
  const spell = (n: string) => [...n].map((c) => '零一二三四五六七八九'[Number(c)] ?? c).join('');
  await expect
    .poll(async () => (await speech(display)).spoken)
    .toEqual([
      `请 ${spell(first)} 号到 11 号窗口`,
      `再次呼叫，请 ${spell(first)} 号到 11 号窗口`,
      `请 ${spell(second)} 号到 11 号窗口`,
    ]);
  const record = await speech(display);
  expect(record.cancelled).toBe(0);
  expect(record.overlapped).toBe(0);
  await expect(recentNumbers(display)).toHaveText([second, first]);

  // 办结 offers the visit's rating: the ticket's code as a QR, to scan at a kiosk.
  await consoleButton(staff, '办结').click();
  const offer = staff.locator('.rating-offer');
  await expect(offer).toContainText('请扫码评价本次服务 (在自助终端“好差评”扫描)');
  await expect(offer.locator('img.rating-qr')).toHaveAttribute('data-qr', /^BDY1:T:[\w-]+$/);
  await expect(displayCall(display, 11)).toHaveCount(0);

  // Nobody waits: 叫号 says so, and nothing on screen is lost.
  await consoleButton(staff, '叫号').click();
  await expect(staff.getByRole('alert')).toContainText('没有等候的号');
  await expect(offer).toBeVisible();
  await expect(staff.locator('.console-title')).toContainText('11号窗口');
  // Nothing refused by the pages' Content-Security-Policy, nothing thrown.
  expect(problems(display)).toEqual([]);
  expect(problems(staff)).toEqual([]);
});

test('过号 and 转移 at a window; a failed action says why and loses nothing', async ({
  browser,
}) => {
  // 不动产登记 (D) at window 12; the transfer goes to 社保医保 (C, windows 8–10) and is served there.
  const first = await issueTicket('real-estate');
  const second = await issueTicket('real-estate');
  const staff = await newPage(browser);
  await openWindowConsole(staff, 12);
  await consoleButton(staff, '叫号').click();
  await expect(staff.getByTestId('current-number')).toHaveText(first);
  await consoleButton(staff, '过号').click();
  await expect(staff.getByRole('status')).toContainText(`${first} 已过号`);
  await expect(staff.getByTestId('current-number')).toHaveCount(0);

  // The server does not answer, then refuses: each time a message, and the list stays.
  await staff.route('**/api/windows/12/call-next', (route) => route.abort());
  await consoleButton(staff, '叫号').click();
  await expect(staff.getByRole('alert')).toContainText('连接不上叫号服务器');
  await expect(staff.getByRole('alert')).toContainText('The hall server does not answer');
  await expect(staff.locator('.tickets li[data-number]')).toHaveText([new RegExp(`^${second}`)]);
  await staff.unroute('**/api/windows/12/call-next');
  await consoleButton(staff, '叫号').click();
  await expect(staff.getByTestId('current-number')).toHaveText(second);

  await staff.route('**/api/windows/12/transfer', (route) =>
    route.fulfill({
      status: 409,
      contentType: 'application/json',
      body: JSON.stringify({
        error: 'refused',
        message: { 'zh-CN': '该号码已办结', en: 'That ticket is finished' },
      }),
    }),
  );
  await consoleButton(staff, '转移').click();
  await staff
    .getByRole('group')
    .getByRole('button', { name: /社保医保/ })
    .click();
  await expect(staff.getByRole('alert')).toContainText('该号码已办结 That ticket is finished');
  await expect(staff.getByTestId('current-number')).toHaveText(second);
  await staff.unroute('**/api/windows/12/transfer');
  await staff
    .getByRole('group')
    .getByRole('button', { name: /社保医保/ })
    .click();
  await expect(staff.getByRole('status')).toContainText(`${second} 已转移到「社保医保」`);
  await expect(staff.getByTestId('current-number')).toHaveCount(0);
  await expect(staff.getByText('没有等候的号码')).toBeVisible();

  // The transferred ticket keeps its number and is called at a 社保医保 window.
  const token = await staffToken();
  expect(await callNext(token, 9)).toBe(second);
  const finished = await fetch(`${hall.url}/api/windows/9/finish`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  expect(finished.status).toBe(200);
});

test('staff sign-in: a wrong password and a locked account are told in Chinese and English', async ({
  browser,
}) => {
  // The admin account, so the other tests' window account stays open.
  const page = await newPage(browser);
  await page.goto(`${hall.url}/window`);
  await page.getByLabel(/用户名/).fill('admin');
  await page.getByLabel(/密码/).fill('wrong-1');
  await page.getByRole('button', { name: /登录/ }).click();
  await expect(page.getByRole('alert')).toHaveText('用户名或密码错误 Wrong username or password');
  await expect(page.getByLabel(/密码/)).toHaveValue('');
  let attempts = 1;
  while (!(await page.getByRole('alert').textContent())?.includes('锁定') && attempts < 8) {
    await page.getByLabel(/密码/).fill(`wrong-${++attempts}`);
    await page.getByRole('button', { name: /登录/ }).click();
    await expect(page.getByRole('alert')).toHaveText(/错误|锁定/);
  }
  await expect(page.getByRole('alert')).toContainText(/已锁定，请于 \d{2}:\d{2} 后再试/);
  await expect(page.getByRole('alert')).toContainText(/locked until \d{2}:\d{2}/);
  expect(attempts).toBeLessThanOrEqual(6);
  await expect(page.getByLabel(/用户名/)).toHaveValue('admin');
  // Even the right password waits for the lock to open.
  await page.getByLabel(/密码/).fill(STAFF.password);
  await page.getByRole('button', { name: /登录/ }).click();
  await expect(page.getByRole('alert')).toContainText('锁定');
  await expect(page.locator('.console-header')).toHaveCount(0);
});

test('the display survives a server restart (kill -9): 连接中断 within 5 s, then every call, none twice', async ({
  browser,
}) => {
  // 社保医保 (C) at window 8.
  const numbers: string[] = [];
  for (let i = 0; i < 4; i++) numbers.push(await issueTicket('social-security'));
  const [a, b, c, d] = numbers as [string, string, string, string];
  const token = await staffToken();
  const display = await newPage(browser, { width: 1280, height: 720 });
  const reads: string[] = [];
  display.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) reads.push(`${url.pathname}${url.search}`);
  });
  await openDisplay(display);
  expect(await callNext(token, 8)).toBe(a);
  await expect(displayCall(display, 8)).toHaveText(a, { timeout: 1_000 });
  await expect(display.getByRole('alert')).toHaveCount(0);

  await killHard(hall);
  await expect(display.getByRole('alert')).toContainText('连接中断', { timeout: 5_000 });
  await expect(display.getByRole('alert')).toContainText('Connection lost — reconnecting');

  // The display stays away while two calls are made after the restart, then comes back.
  await display.route('**/api/events**', (route) => route.abort());
  hall = await startHall(hall.port, hall.dataDir);
  expect(await callNext(token, 8)).toBe(b);
  expect(await callNext(token, 8)).toBe(c);
  await display.unroute('**/api/events**');
  await expect(display.getByRole('alert')).toHaveCount(0, { timeout: 10_000 });
  await expect(displayCall(display, 8)).toHaveText(c);
  // And one call after it is back.
  expect(await callNext(token, 8)).toBe(d);
  await expect(displayCall(display, 8)).toHaveText(d, { timeout: 1_000 });

  // One snapshot; every reconnection resumed after the last event it had (ids only grow).
  expect(reads.filter((r) => r === '/api/display')).toHaveLength(1);
  const resumedAfter = reads
    .filter((r) => r.startsWith('/api/events?after='))
    .map((r) => Number(r.split('=')[1]));
  expect(resumedAfter.length).toBeGreaterThan(1);
  expect(resumedAfter).toEqual([...resumedAfter].sort((x, y) => x - y));

  const shown = await recentNumbers(display).allTextContents();
  for (const number of numbers) expect(shown.filter((n) => n === number)).toHaveLength(1);
  await expect
    .poll(async () => (await speech(display)).spoken.length, { timeout: 10_000 })
    .toBe(numbers.length);
  const spoken = (await speech(display)).spoken;
  expect(new Set(spoken).size).toBe(numbers.length);
  expect(spoken.every((text) => text.endsWith('号到 8 号窗口'))).toBe(true);
});

test('the display and the window console pass axe', async ({ browser }) => {
  // 商事登记 (A) at window 2, and nothing left waiting; axe needs the CSP bypassed to run.
  const number = await issueTicket('business-registration');
  const display = await newPage(browser, { width: 1920, height: 1080 }, { bypassCSP: true });
  await openDisplay(display);
  const staff = await newPage(browser, undefined, { bypassCSP: true });
  await openWindowConsole(staff, 2);
  await consoleButton(staff, '叫号').click();
  await expect(displayCall(display, 2)).toHaveText(number);
  expect(await axeViolations(display)).toEqual([]);
  await consoleButton(staff, '转移').click();
  await expect(staff.getByRole('group')).toBeVisible();
  expect(await axeViolations(staff)).toEqual([]);
  await staff.getByRole('group').getByRole('button', { name: /取消/ }).click();
  await consoleButton(staff, '办结').click();
  await expect(staff.locator('.rating-offer')).toBeVisible();
});

test('two kiosk pages and one window console: numbers from both kiosks interleave without clashing', async ({
  browser,
}) => {
  // 税务办理 (B, no card needed) at window 6; each kiosk takes numbers in turn.
  const kiosks = await Promise.all(
    ['kiosk-01', 'kiosk-02'].map(async (kioskId) => {
      const page = await newPage(browser, { width: 1280, height: 900 });
      await page.clock.install({ time: new Date(MONDAY_MORNING) });
      await openKiosk(page, { kiosk: kioskId });
      return page;
    }),
  );
  const taken: string[] = [];
  for (const round of [0, 1]) {
    for (const kiosk of kiosks) {
      await wake(kiosk);
      await kiosk.getByRole('button', { name: /^取号/ }).click();
      await kiosk.getByRole('button', { name: /税务办理/ }).click();
      await kiosk.getByRole('button', { name: '不刷证，直接取号' }).click();
      await kiosk.getByRole('button', { name: '不需要，直接取号' }).click();
      const number = kiosk.locator('.ticket-number');
      await expect(number).toHaveText(/^B\d{3}$/);
      taken.push((await number.textContent()) ?? '');
      await kiosk.getByRole('button', { name: '完成' }).click();
      await skipRating(kiosk);
      await expect(kiosk.getByRole('heading', { name: '感谢使用' })).toBeVisible();
      await kiosk.getByRole('button', { name: '完成' }).click();
    }
    expect(taken).toHaveLength(2 * (round + 1));
  }
  // Four numbers, in the order taken, alternating kiosks, none twice, gap-free.
  expect(new Set(taken).size).toBe(4);
  const sequence = taken.map((n) => Number(n.slice(1)));
  expect(sequence).toEqual([...sequence].sort((a, b) => a - b));
  expect((sequence.at(-1) ?? 0) - (sequence[0] ?? 0)).toBe(3);

  const staff = await newPage(browser);
  await openWindowConsole(staff, 6);
  await expect(staff.locator('.tickets li[data-number]')).toHaveText(
    taken.map((n) => new RegExp(`^${n}`)),
  );
  for (const number of taken) {
    await consoleButton(staff, '叫号').click();
    await expect(staff.getByTestId('current-number')).toHaveText(number);
  }
});

test('a kiosk cut off from the hall issues 备用号 from its block; back online, the hall lists each once and calls it', async ({
  browser,
}) => {
  const kiosk = await newPage(browser, { width: 1280, height: 900 });
  await kiosk.clock.install({ time: new Date(MONDAY_MORNING) });
  // The kiosk reserves its blocks at start, while the hall answers.
  const blocks = kiosk.waitForResponse(
    (r) => r.url().endsWith('/api/queue/blocks') && r.status() === 200,
  );
  await openKiosk(kiosk, { kiosk: 'kiosk-03' });
  await blocks;
  // Cut off: no call to the hall's API gets through (the page itself is already loaded).
  await kiosk.route('**/api/**', (route) => route.abort('connectionrefused'));
  const taken: string[] = [];
  for (const elderly of [false, true]) {
    await wake(kiosk);
    if (elderly)
      await kiosk
        .getByRole('button', { name: /长者模式/ })
        .first()
        .click();
    await kiosk.getByRole('button', { name: /^取号/ }).click();
    await kiosk.getByRole('button', { name: /税务办理/ }).click();
    await kiosk.getByRole('button', { name: '不刷证，直接取号' }).click();
    await kiosk.getByRole('button', { name: '不需要，直接取号' }).click();
    const number = kiosk.locator('.ticket-number');
    await expect(number).toHaveText(/^BR\d{3}$/, { timeout: 20_000 });
    await expect(kiosk.getByText(/备用号/).first()).toBeVisible();
    taken.push((await number.textContent()) ?? '');
    await shot(kiosk, `hall-kiosk-reserve-ticket-${elderly ? 'elderly' : 'normal'}`);
    await kiosk.getByRole('button', { name: '完成' }).click();
    await skipRating(kiosk);
    await kiosk.getByRole('button', { name: '完成' }).click();
    await expect(
      kiosk.getByRole('button', { name: /轻触屏幕开始办理|Touch the screen/ }),
    ).toBeVisible();
  }
  expect(new Set(taken).size).toBe(2);
  // Back online: the kiosk hands its reserve numbers to the hall (every 10 s while any wait).
  await kiosk.unroute('**/api/**');
  const token = await staffToken();
  const listed = async () => {
    const response = await fetch(`${hall.url}/api/queue/tickets?serviceCode=tax`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const tickets = (await response.json()) as { number: string; reserve: boolean }[];
    return tickets.filter((t) => t.reserve).map((t) => t.number);
  };
  await expect.poll(listed, { timeout: 30_000 }).toEqual(taken);
  // Each once, and a window calls them like any other number (in the order they were taken).
  expect(await callNext(token, 6)).toBe(taken[0]);
  expect(await callNext(token, 6)).toBe(taken[1]);
  const finished = await fetch(`${hall.url}/api/windows/6/finish`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  expect(finished.status).toBe(200);
});

test(
  'pictures: the call display at 1920×1080 and 1280×720, and the window console',
  PICTURES,
  async ({ browser }) => {
    skipWithoutShots();
    // 商事登记 (A) at windows 1–4: a busy morning.
    for (let i = 0; i < 7; i++) await issueTicket('business-registration');
    const token = await staffToken();
    for (const window of [1, 2, 3]) await callNext(token, window);
    const display = await newPage(browser, { width: 1920, height: 1080 });
    await openDisplay(display);
    await callNext(token, 4);
    await expect(displayCall(display, 4)).toBeVisible();
    await shot(display, 'hall-display-1920x1080');
    await display.setViewportSize({ width: 1280, height: 720 });
    await shot(display, 'hall-display-1280x720');
    // A full hall: eight windows calling at once.
    for (const service of ['tax', 'tax', 'social-security', 'real-estate'])
      await issueTicket(service);
    for (const window of [5, 6, 8, 11]) await callNext(token, window);
    await expect(display.locator('.calls .call')).toHaveCount(8);
    await display.setViewportSize({ width: 1920, height: 1080 });
    await shot(display, 'hall-display-busy-1920x1080');
    await killHard(hall);
    await expect(display.getByRole('alert')).toBeVisible({ timeout: 5_000 });
    await shot(display, 'hall-display-connection-lost');
    hall = await startHall(hall.port, hall.dataDir);

    const staff = await newPage(browser, { width: 1280, height: 800 });
    await staff.goto(`${hall.url}/window`);
    await staff.getByLabel(/用户名/).fill(STAFF.username);
    await staff.getByLabel(/密码/).fill('wrong');
    await staff.getByRole('button', { name: /登录/ }).click();
    await expect(staff.getByRole('alert')).toBeVisible();
    await shot(staff, 'hall-window-login-refused');
    await openWindowConsole(staff, 1);
    const waiting = await staff.locator('.tickets li[data-number]').count();
    const next = await staff
      .locator('.tickets li[data-number]')
      .first()
      .getAttribute('data-number');
    await consoleButton(staff, '叫号').click();
    await expect(staff.getByRole('status')).toContainText(`已呼叫 ${next}`);
    await expect(staff.getByTestId('current-number')).toHaveText(next ?? '');
    await expect(staff.locator('.tickets li[data-number]')).toHaveCount(waiting - 1);
    await expect(consoleButton(staff, '叫号')).toBeEnabled();
    await shot(staff, 'hall-window-console');
    await consoleButton(staff, '办结').click();
    await expect(staff.locator('.rating-offer')).toBeVisible();
    await shot(staff, 'hall-window-rating', { fullPage: true });
  },
);

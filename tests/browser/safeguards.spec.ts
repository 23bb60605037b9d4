import { expect, test, type Page } from '@playwright/test';
import { openKiosk, shot, skipRating, wake } from './support';

// The hall's clock: times are written in its zone, and the browser runs in it.
test.use({ timezoneId: 'Asia/Shanghai' });
const MONDAY_MORNING = new Date('2026-11-23T10:00:00+08:00');

const LOCKED = '此身份证暂停在本机自助核验';

/** A 证照打印 visit whose face check fails three times: ends refused, or locked out. */
async function failedRound(page: Page, person: string): Promise<'refused' | 'locked'> {
  await wake(page);
  await page.getByRole('button', { name: /^证照打印/ }).click();
  await page.evaluate((id) => {
    window.kioskSim?.face.next('mismatch');
    window.kioskSim?.idCard.insert(id);
  }, person);
  for (const left of [2, 1]) {
    await expect(page.getByText(`人脸核验未通过，还可以再试 ${left} 次。`)).toBeVisible({
      timeout: 10_000,
    });
    await page.evaluate(() => window.kioskSim?.face.next('mismatch'));
    await page.getByRole('button', { name: '再试一次' }).click();
  }
  const ended = page.getByRole('heading', { name: /未能核验您的身份|此身份证暂停在本机自助核验/ });
  await expect(ended).toBeVisible({ timeout: 10_000 });
  const how = (await ended.textContent())?.includes(LOCKED) ? 'locked' : 'refused';
  await endVisit(page);
  return how;
}

/** The card taken, 我知道了, and back to attract. */
async function endVisit(page: Page) {
  await page.evaluate(() => window.kioskSim?.idCard.remove());
  await page.getByRole('button', { name: '我知道了' }).click();
  await expect(page.getByRole('heading', { name: '感谢使用' })).toBeVisible();
  await page.getByRole('button', { name: '完成' }).click();
}

/** A visit with `person`'s card in 证照打印: the lock-out refusal, or the face check. */
async function tryCard(page: Page, person: string) {
  await wake(page);
  await page.getByRole('button', { name: /^证照打印/ }).click();
  await page.evaluate((id) => window.kioskSim?.idCard.insert(id), person);
}

test('three failed face rounds: the same card is refused here and sent to a window; another card is not', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openKiosk(page, { idle: '300' });
  expect(await failedRound(page, 'adult')).toBe('refused');
  expect(await failedRound(page, 'adult')).toBe('refused');
  expect(await failedRound(page, 'adult')).toBe('locked');

  // The fourth attempt, after a reload: refused before the camera, with where to go instead.
  await page.reload();
  await expect(page.getByRole('button', { name: /轻触屏幕开始办理/ })).toBeVisible();
  await page.waitForFunction(() => window.kioskSim !== undefined);
  await tryCard(page, 'adult');
  await expect(page.getByRole('heading', { name: LOCKED })).toBeVisible({ timeout: 10_000 });
  await expect(page.getByText(/请携带本人身份证到一楼综合受理窗口办理/)).toBeVisible();
  await expect(page.getByText('咨询电话：0000-12345')).toBeVisible();
  await expect(page.getByText('请摘下帽子和口罩，正对屏幕上方的摄像头')).toHaveCount(0);
  await shot(page, 'face-lockout-normal');
  await endVisit(page);

  // Elderly mode shows the same refusal, large.
  await page
    .getByRole('button', { name: /长者模式/ })
    .first()
    .click();
  await tryCard(page, 'adult');
  await expect(page.getByRole('heading', { name: LOCKED })).toBeVisible({ timeout: 10_000 });
  await shot(page, 'face-lockout-elderly');
  await endVisit(page);

  // Another card goes on to the face check.
  await tryCard(page, 'senior-60');
  await expect(
    page.getByText('请摘下帽子和口罩，正对屏幕上方的摄像头').or(page.getByText('请选择')),
  ).toBeVisible({
    timeout: 10_000,
  });
  await expect(page.getByRole('heading', { name: LOCKED })).toHaveCount(0);

  // What staff will read: time, kiosk and a key; never the name or the number.
  const record = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('budayang-face-lockout');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const refusals = await new Promise<unknown[]>((resolve, reject) => {
      const request = db.transaction('refusals').objectStore('refusals').index('byAt').getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    const adult = window.kioskSim?.persons.find((p) => p.id === 'adult')?.record;
    return { refusals, adult };
  });
  const stored = JSON.stringify(record.refusals);
  expect(record.refusals.map((r) => (r as { kind: string }).kind)).toEqual([
    'locked',
    'refused',
    'refused',
  ]);
  expect(stored).toContain('kiosk-01');
  expect(stored).not.toContain(record.adult?.idNumber ?? 'missing');
  expect(stored).not.toContain(record.adult?.name ?? 'missing');
});

/** A citizen without a card takes a 税务办理 number through the screen; the number shown. */
async function takeTaxNumber(page: Page): Promise<string> {
  await wake(page);
  await page.getByRole('button', { name: /^取号/ }).click();
  await page.getByRole('button', { name: /税务办理/ }).click();
  await page.getByRole('button', { name: '不刷证，直接取号' }).click();
  await page.getByRole('button', { name: '不需要，直接取号' }).click();
  const number = page.locator('.ticket-number');
  await expect(number).toBeVisible({ timeout: 10_000 });
  const shown = (await number.textContent()) ?? '';
  await page.getByRole('button', { name: '完成' }).click();
  await skipRating(page);
  await expect(page.getByRole('heading', { name: '感谢使用' })).toBeVisible();
  await page.getByRole('button', { name: '完成' }).click();
  return shown;
}

test("two pages of the kiosk racing never give one number to two citizens, nor a live page's number", async ({
  context,
}) => {
  const [a, b] = [await context.newPage(), await context.newPage()];
  for (const page of [a, b]) {
    await page.clock.install({ time: MONDAY_MORNING });
    await openKiosk(page);
  }
  // Page A has B001 allocated and is about to print it: the page is alive.
  expect(await a.evaluate(() => window.kioskSim?.queue.allocate('tax'))).toBe('B001');
  // A citizen at page B meanwhile gets a number of their own.
  expect(await takeTaxNumber(b)).toBe('B002');
  // Both pages allocate at once.
  const race = () =>
    Promise.all(Array.from({ length: 8 }, () => window.kioskSim?.queue.allocate('tax')));
  const [fromA, fromB] = await Promise.all([a.evaluate(race), b.evaluate(race)]);
  const numbers = ['B001', 'B002', ...fromA, ...fromB];
  expect(numbers).not.toContain(null);
  expect(new Set(numbers).size).toBe(numbers.length);
  expect(new Set(await b.evaluate(() => window.kioskSim?.queue.issued('tax'))).size).toBe(18);
  // Page A is closed: its numbers never handed out are orphans, and B001 goes to the next citizen.
  await a.close();
  expect(await takeTaxNumber(b)).toBe('B001');
});

test('a clock set back across midnight never numbers a closed day again', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-11-24T09:30:00+08:00') }); // Tuesday
  await openKiosk(page);
  expect(await takeTaxNumber(page)).toBe('B001');
  // The clock jumps back to Monday afternoon.
  await page.clock.setSystemTime(new Date('2026-11-23T16:00:00+08:00'));
  await wake(page);
  await page.getByRole('button', { name: /^取号/ }).click();
  await page.getByRole('button', { name: /税务办理/ }).click();
  await page.getByRole('button', { name: '不刷证，直接取号' }).click();
  await page.getByRole('button', { name: '不需要，直接取号' }).click();
  await expect(page.getByRole('alert')).toContainText('暂停取号');
  await expect(page.getByRole('alert')).toContainText('请联系工作人员');
  await expect(page.locator('.ticket-number')).toHaveCount(0);
  expect(await page.evaluate(() => window.kioskSim?.printed().map((p) => p.title))).toEqual([
    '排队凭条 B001',
  ]);
});

import { expect, test, type Page } from '@playwright/test';
import { openKiosk, skipRating, wake } from './support';

// A Monday morning in office hours, and 2 a.m. the same night; the hall clock is the page's.
const MONDAY_MORNING = new Date('2026-11-23T10:00:00');
const MONDAY_NIGHT = new Date('2026-11-23T02:00:00');

const queueTile = (page: Page) => page.getByRole('button', { name: /^取号/ });

test('a 70-year-old swipes a card, takes a priority number, and the ticket lists the materials', async ({
  page,
}) => {
  await page.clock.install({ time: MONDAY_MORNING });
  await openKiosk(page);
  await wake(page);
  await queueTile(page).click();
  await page.getByRole('button', { name: /不动产登记/ }).click();
  await expect(page.getByText('请将身份证放在读卡区')).toBeVisible();
  await page.evaluate(() => window.kioskSim?.idCard.insert('elderly-70'));
  await expect(page.getByText('您的号码')).toBeVisible({ timeout: 10_000 });
  await expect(page.locator('.ticket-number')).toHaveText(/^D\d{3}$/);
  await expect(page.getByText('绿色通道优先号')).toBeVisible();
  await expect
    .poll(() =>
      page.evaluate(() => window.kioskSim?.printed().filter((p) => p.device === 'receipt').length),
    )
    .toBe(1);
  const [ticket] = (await page.evaluate(() => window.kioskSim?.printed())) ?? [];
  expect(ticket?.title).toMatch(/^排队凭条 D\d{3}/);
  expect(ticket?.text).toContain('老年人优先');
  expect(ticket?.text).toContain('请准备以下材料');
  expect(ticket?.text).toContain('□ 不动产权证书');
  expect(ticket?.text).toContain('过号请重新取号');
  expect(ticket?.text).toMatch(/证件号码：\d{4}\*{10}[\dX]{4}/);
  const idNumber = await page.evaluate(
    () => window.kioskSim?.persons.find((p) => p.id === 'elderly-70')?.record.idNumber,
  );
  expect(ticket?.text).not.toContain(String(idNumber));
  await page.getByRole('button', { name: '完成' }).click();
  await skipRating(page);
  await expect(page.getByRole('heading', { name: '感谢使用' })).toBeVisible();
});

test('the same card again reprints the same number instead of taking a new one', async ({
  page,
}) => {
  await page.clock.install({ time: MONDAY_MORNING });
  await openKiosk(page);
  for (const round of [1, 2]) {
    await wake(page);
    await queueTile(page).click();
    await page.getByRole('button', { name: /社保医保/ }).click();
    await page.evaluate(() => window.kioskSim?.idCard.insert('adult'));
    await page.getByRole('button', { name: '不需要，直接取号' }).click();
    await expect(page.locator('.ticket-number')).toHaveText('C001');
    if (round === 2) await expect(page.getByText('已为您补打原号码')).toBeVisible();
    await page.getByRole('button', { name: '完成' }).click();
    await skipRating(page);
    await page.evaluate(() => window.kioskSim?.idCard.remove());
    await page.getByRole('button', { name: '完成' }).click();
  }
  const titles = await page.evaluate(() => window.kioskSim?.printed().map((p) => p.title));
  expect(titles).toEqual(['排队凭条 C001', '排队凭条 C001（补打）']);
});

test('out of paper: the number stays on screen, and the retry prints it without a new number', async ({
  page,
}) => {
  await page.clock.install({ time: MONDAY_MORNING });
  await openKiosk(page);
  await wake(page);
  await page.evaluate(() => window.kioskSim?.fault('receipt', { slow: 1500 }));
  await queueTile(page).click();
  await page.getByRole('button', { name: /税务办理/ }).click();
  await page.getByRole('button', { name: '不刷证，直接取号' }).click();
  await page.getByRole('button', { name: '不需要，直接取号' }).click();
  await expect(page.getByText('正在打印凭条')).toBeVisible();
  await page.evaluate(() => window.kioskSim?.fault('receipt', 'paper-out'));
  await expect(page.getByRole('alert')).toContainText('号码有效');
  await expect(page.locator('.ticket-number')).toHaveText('B001');
  await page.evaluate(() => window.kioskSim?.clear('receipt'));
  await page.getByRole('button', { name: '重新打印' }).click();
  await expect(page.getByText(/请取走凭条/)).toBeVisible({ timeout: 10_000 });
  await expect(page.locator('.ticket-number')).toHaveText('B001');
  expect(await page.evaluate(() => window.kioskSim?.printed().map((p) => p.title))).toEqual([
    '排队凭条 B001',
  ]);
});

test('at 2 a.m. it says when the windows open instead of printing a useless number', async ({
  page,
}) => {
  await page.clock.install({ time: MONDAY_NIGHT });
  await openKiosk(page);
  await wake(page);
  await queueTile(page).click();
  await expect(page.getByText('现在不是窗口办公时间，无法取号。')).toBeVisible();
  await expect(page.getByText('11月23日 周一（今天） 08:30 起可取号。')).toBeVisible();
  expect(await page.evaluate(() => window.kioskSim?.printed().length)).toBe(0);
});

// The number went to the printer before the reload: it may be on paper in the citizen's hand, so
// it is never given to anyone else. (A number cut off before it was handed out is given to the
// next citizen: tests/unit/queue/indexedDbQueueService.test.ts.)
test('a reload while the ticket prints never hands its number to another citizen', async ({
  page,
}) => {
  await page.clock.install({ time: MONDAY_MORNING });
  await openKiosk(page);
  await wake(page);
  await page.evaluate(() => window.kioskSim?.fault('receipt', { slow: 3000 }));
  await queueTile(page).click();
  await page.getByRole('button', { name: /税务办理/ }).click();
  await page.getByRole('button', { name: '不刷证，直接取号' }).click();
  await page.getByRole('button', { name: '不需要，直接取号' }).click();
  await expect(page.getByText('正在打印凭条')).toBeVisible();
  await page.reload(); // B001 was on its way to the printer
  await wake(page);
  await queueTile(page).click();
  await page.getByRole('button', { name: /税务办理/ }).click();
  await page.getByRole('button', { name: '不刷证，直接取号' }).click();
  await page.getByRole('button', { name: '不需要，直接取号' }).click();
  await expect(page.locator('.ticket-number')).toHaveText('B002');
  await page.getByRole('button', { name: '完成' }).click();
  await skipRating(page);
  await wake(page);
  await queueTile(page).click();
  await page.getByRole('button', { name: /税务办理/ }).click();
  await page.getByRole('button', { name: '不刷证，直接取号' }).click();
  await page.getByRole('button', { name: '不需要，直接取号' }).click();
  await expect(page.locator('.ticket-number')).toHaveText('B003');
});

import { expect, test } from '@playwright/test';
import { openKiosk, wake } from './support';

test('at 2 a.m. 取号 hands over to 预约; a booked citizen checks in with the same card for a priority number', async ({
  page,
}) => {
  await page.clock.install({ time: new Date('2026-11-23T02:00:00') });
  await openKiosk(page, { idle: '300' });
  await wake(page);
  await page.getByRole('button', { name: /^取号/ }).click();
  await page.getByRole('button', { name: '预约下一个工作日' }).click();
  await expect(page.getByRole('heading', { name: '请选择要预约的业务' })).toBeVisible();
  await page.getByRole('button', { name: '不动产登记' }).click();
  // Days say their weekday and 今天/明天 (at 2 a.m. this morning's slots are open).
  await expect(page.getByRole('heading', { name: '11月23日 周一（今天）' })).toBeVisible();
  await page
    .getByRole('button', { name: /^09:30–10:00/ })
    .first()
    .click();
  await page.evaluate(() => window.kioskSim?.idCard.insert('adult'));
  await expect(page.getByText('请输入手机号码')).toBeVisible();
  for (const digit of '1381234567')
    await page.getByRole('button', { name: digit, exact: true }).click();
  await expect(page.getByRole('button', { name: '请输入 11 位手机号码' })).toBeVisible();
  await page.getByRole('button', { name: '8', exact: true }).click();
  await page.getByRole('button', { name: '下一步' }).click();
  // The confirmation shows the whole number, so a mistyped digit can be seen.
  await expect(page.getByText('138 1234 5678')).toBeVisible();
  await page.getByRole('button', { name: '确认预约' }).click();
  await expect(page.getByText('预约成功')).toBeVisible({ timeout: 10_000 });
  const [slip] = (await page.evaluate(() => window.kioskSim?.printed())) ?? [];
  expect(slip?.title).toBe('预约凭条 2026-11-23 09:30');
  expect(slip?.text).toContain('签到二维码');
  await page.getByRole('button', { name: '完成' }).click();
  await page.evaluate(() => window.kioskSim?.idCard.remove());
  await page.getByRole('button', { name: '完成' }).click();

  // Too early at 08:00; on time at 09:10.
  await page.clock.setSystemTime(new Date('2026-11-23T08:00:00'));
  await wake(page);
  await page.getByRole('button', { name: /^预约/ }).click();
  await page.getByRole('button', { name: /刷身份证签到/ }).click();
  await page.evaluate(() => window.kioskSim?.idCard.insert('adult'));
  await expect(page.getByRole('alert')).toHaveText('还未到签到时间，09:00 起可签到。');
  await page.getByRole('button', { name: '完成' }).click();
  await page.evaluate(() => window.kioskSim?.idCard.remove());
  await page.getByRole('button', { name: '结束办理' }).click();
  await page.getByRole('button', { name: '完成' }).click();

  await page.clock.setSystemTime(new Date('2026-11-23T09:10:00'));
  await wake(page);
  await page.getByRole('button', { name: /^预约/ }).click();
  await page.getByRole('button', { name: /刷身份证签到/ }).click();
  await page.evaluate(() => window.kioskSim?.idCard.insert('adult'));
  await expect(page.getByText('签到成功，您的号码')).toBeVisible({ timeout: 10_000 });
  await expect(page.locator('.ticket-number')).toHaveText('D001');
  const titles = await page.evaluate(() => window.kioskSim?.printed().map((p) => p.title));
  expect(titles).toEqual(['预约凭条 2026-11-23 09:30', '排队凭条 D001']);
});

test('scanning the slip’s QR at the attract screen checks in, once, without touching anything', async ({
  page,
}) => {
  await page.clock.install({ time: new Date('2026-11-23T02:00:00') });
  await openKiosk(page, { idle: '300' });
  await wake(page);
  await page.getByRole('button', { name: /^预约/ }).click();
  await page.getByRole('button', { name: '社保医保' }).click();
  await page
    .getByRole('button', { name: /^10:00–10:30/ })
    .first()
    .click();
  await page.evaluate(() => window.kioskSim?.idCard.insert('dot-name'));
  for (const digit of '13912345678')
    await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '确认预约' }).click();
  await expect(page.getByText('预约成功')).toBeVisible({ timeout: 10_000 });
  const [slipCode] = (await page.evaluate(() => window.kioskSim?.printed()[0]?.qr)) ?? [];
  expect(slipCode).toMatch(/^BDY1:A:/);
  await page.getByRole('button', { name: '完成' }).click();
  await page.evaluate(() => window.kioskSim?.idCard.remove());
  await page.getByRole('button', { name: '完成' }).click();

  await page.clock.setSystemTime(new Date('2026-11-23T09:45:00'));
  await page.evaluate((code) => window.kioskSim?.scanner.scan(code), String(slipCode));
  await expect(page.getByText('签到成功，您的号码')).toBeVisible({ timeout: 10_000 });
  await expect(page.locator('.ticket-number')).toHaveText('C001');
  await page.getByRole('button', { name: '完成' }).click();
  await page.getByRole('button', { name: '完成' }).click();
  // The same slip again gives the same number, never a second one.
  await page.evaluate((code) => window.kioskSim?.scanner.scan(code), String(slipCode));
  await expect(page.locator('.ticket-number')).toHaveText('C001');
});

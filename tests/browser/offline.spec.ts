import { expect, test } from '@playwright/test';
import { attractButton, openKiosk, wake } from './support';

test('after one online visit the kiosk starts and works with the network cut', async ({
  page,
  context,
}) => {
  await openKiosk(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  // The configuration is cached on its first fetch through the worker: load once more under it.
  await page.reload();
  await expect(attractButton(page)).toBeVisible();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await context.setOffline(true);
  await page.reload();
  await expect(attractButton(page)).toBeVisible();
  await expect(page.getByText('县政务服务中心')).toBeVisible();
  await expect(page.getByText(/配置文件有误/)).toHaveCount(0);
  await wake(page);
  await expect(page.getByText('周一至周五 09:00–12:00, 13:30–17:00')).toBeVisible();
  await page.goto('/?devices=mock&idle=30');
  await expect(attractButton(page)).toBeVisible();
  await context.setOffline(false);
});

test('with the network cut, a flow never opened before still opens: every flow chunk is precached', async ({
  page,
  context,
}) => {
  await openKiosk(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await expect(attractButton(page)).toBeVisible();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await context.setOffline(true);
  // A fresh page offline: no flow chunk is in memory, and home is tapped before any prefetch.
  await page.reload();
  await wake(page);
  await page.getByRole('button', { name: /^身份证复印/ }).click();
  await expect(page.getByText('请将身份证正面朝上')).toBeVisible();
  await context.setOffline(false);
});

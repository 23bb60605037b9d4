import { expect, test } from '@playwright/test';
import { attractButton, wake } from './support';

test('?devices=real builds the hardware drivers: with no bridge and no printer port, home says which services pause', async ({
  page,
}) => {
  await page.clock.install({ time: new Date('2026-11-23T10:00:00') });
  await page.goto('/?devices=real');
  await expect(attractButton(page)).toBeVisible();
  expect(await page.evaluate(() => 'kioskSim' in window)).toBe(false);
  await wake(page);
  await expect(page.getByText('凭条打印机未连接，取号暂停服务')).toBeVisible();
  await expect(page.getByRole('button', { name: /^取号/ })).toBeDisabled();
  await expect(page.getByRole('button', { name: /打开设备模拟器/ })).toHaveCount(0);
});

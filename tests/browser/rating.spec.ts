import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import {
  attractButton,
  axeViolations,
  openKiosk,
  PICTURES,
  placesHolding,
  shot,
  skipWithoutShots,
  wake,
} from './support';
import { auditLog, CONSOLE_KIOSK, enterConsole, leaveConsole, section } from './staffSupport';

// 好差评 (issue 14): a finished item is offered for rating; a bad rating opens a work order that
// staff follow up in the console, due in working days of the hall's calendar.

const PHONE = '13912345678';

/** Takes a 税务办理 number without a card, Monday 7 December 2026 at 10:00. */
async function takeTicket(page: Page) {
  await wake(page);
  await page.getByRole('button', { name: /^取号/ }).click();
  await page.getByRole('button', { name: /税务办理/ }).click();
  await page.getByRole('button', { name: '不刷证，直接取号' }).click();
  await page.getByRole('button', { name: '不需要，直接取号' }).click();
  await expect(page.getByText(/请取走凭条/)).toBeVisible({ timeout: 10_000 });
  await page.getByRole('button', { name: '完成' }).click();
}

test.use({ bypassCSP: true });

test('after a ticket the rating appears; a 非常不满意 with reasons and a call-back becomes a work order due in working days, and is closed', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.clock.install({ time: new Date('2026-12-07T10:00:00') });
  await openKiosk(page, CONSOLE_KIOSK);
  // A holiday on Wednesday the 9th: the 15 working days end a day later.
  await enterConsole(page);
  await section(page, '办公时间与节假日');
  await page.getByLabel('日期').fill('2026-12-09');
  await page.getByRole('button', { name: '设为节假日' }).click();
  await expect(page.getByText('已保存，退出管理台后生效。')).toBeVisible();
  await leaveConsole(page);

  await takeTicket(page);
  await expect(page.getByText('您对本次“取号 B001”服务满意吗？')).toBeVisible();
  const levels = page.getByRole('group', { name: '评价等级' });
  await expect(levels.getByRole('button')).toHaveText([
    '非常满意',
    '满意',
    '基本满意',
    '不满意',
    '非常不满意',
  ]);
  expect(await axeViolations(page)).toEqual([]);
  await shot(page, 'rating-levels-normal');
  await levels.getByRole('button', { name: '非常不满意' }).click();
  await page.getByRole('button', { name: '服务态度' }).click();
  await page.getByRole('button', { name: '办事效率' }).click();
  await expect(page.getByRole('button', { name: '办事效率' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.getByRole('button', { name: '其他' }).click();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: '其他' }).click();
  await page.getByRole('button', { name: '下一步' }).click();
  for (const digit of PHONE) await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: '提交评价' }).click();
  await expect(page.getByRole('alert')).toContainText('需勾选同意回访');
  await page.getByLabel(/我同意将此手机号码用于本次评价的回访/).check();
  expect(await axeViolations(page)).toEqual([]);
  await shot(page, 'rating-callback-normal');
  await page.getByRole('button', { name: '提交评价' }).click();
  await expect(page.getByText(/感谢您的评价。我们会认真核查整改/)).toBeVisible();
  await page.getByRole('button', { name: '完成' }).click();
  await expect(page.getByRole('heading', { name: '感谢使用' })).toBeVisible();
  await expect(attractButton(page)).toBeVisible({ timeout: 20_000 });
  // The number is kept in the rating and nowhere else.
  expect(await placesHolding(page, PHONE)).toEqual(['IndexedDB budayang-admin/ratings']);

  await enterConsole(page);
  await section(page, '好差评');
  const row = page.locator('tr', { hasText: '取号 B001' });
  await expect(row).toContainText('非常不满意');
  await expect(row).toContainText('服务态度、办事效率');
  await expect(row).toContainText(PHONE);
  // 15 working days from Monday the 7th, the 9th a holiday: Tuesday the 29th.
  await expect(row).toContainText('12月29日 周二');
  await expect(row).toContainText('已受理');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出评价明细 CSV' }).click();
  const csv = readFileSync((await (await download).path()) ?? '', 'utf8');
  expect(csv).toContain('非常不满意');
  expect(csv).toContain(PHONE);
  expect(csv).toContain('2026-12-29');

  await row.getByRole('button', { name: /^处理：取号 B001/ }).click();
  await page.getByLabel('已联系上').check();
  await page.getByLabel('回访人').fill('王科员');
  await page.getByLabel('回访内容').fill('已致歉，说明当日窗口人手不足，已增开窗口');
  await page.getByRole('button', { name: '保存回访记录' }).click();
  await expect(page.getByText(/已记录回访/)).toBeVisible();
  await page.getByLabel('办结说明').fill('办事人表示满意');
  await page.getByRole('button', { name: '办结', exact: true }).click();
  await expect(page.getByText(/已办结：取号 B001/)).toBeVisible();
  await expect(page.locator('tr', { hasText: '取号 B001' })).toContainText('已办结');
  await shot(page, 'staff-ratings');
  const log = await auditLog(page);
  expect(log.filter((e) => e.action === 'work-order')).toHaveLength(2);
  expect(log.filter((e) => e.action === 'ratings-export')).toHaveLength(1);
});

test('a good rating is one tap; skipping is one tap and keeps no rating', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-12-07T10:00:00') });
  await openKiosk(page, CONSOLE_KIOSK);
  await takeTicket(page);
  await page
    .getByRole('group', { name: '评价等级' })
    .getByRole('button', { name: '满意', exact: true })
    .click();
  await expect(page.getByText('感谢您的评价！')).toBeVisible();
  await page.getByRole('button', { name: '完成' }).click();
  await expect(page.getByRole('heading', { name: '感谢使用' })).toBeVisible();

  await expect(attractButton(page)).toBeVisible({ timeout: 20_000 });
  await takeTicket(page);
  await page.getByRole('button', { name: '不评价' }).click();
  await expect(page.getByRole('heading', { name: '感谢使用' })).toBeVisible();
});

test('the five levels in the elderly theme', PICTURES, async ({ page }) => {
  skipWithoutShots();
  await page.clock.install({ time: new Date('2026-12-07T10:00:00') });
  await openKiosk(page, CONSOLE_KIOSK);
  await page.getByRole('button', { name: /长者模式/ }).click();
  await takeTicket(page);
  await expect(page.getByRole('group', { name: '评价等级' })).toBeVisible();
  await shot(page, 'rating-levels-elderly');
});

import { expect, test, type Page } from '@playwright/test';
import { openKiosk, PICTURES, shot, skipWithoutShots, wake } from './support';

// 办事指南 (issue 12): the hall's items found by department or pinyin initials on the on-screen
// keyboard, a guide that tells everything at once, printed as an A4 with a phone QR.

async function openGuides(page: Page) {
  await wake(page);
  await page.getByRole('button', { name: /^办事指南/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: '办事指南' })).toBeVisible();
  await expect(page.getByText(/^共 \d+ 项$/)).toBeVisible();
}

/** Taps keys of the on-screen keyboard, as a finger would. */
async function typeOnKeyboard(page: Page, keys: string) {
  for (const key of keys)
    await page.locator(`.keyboard__keys [data-skbtn="${key}"]`).first().click();
}

test('"bdc" typed on the on-screen keyboard finds 不动产 items; a guide prints with its QR', async ({
  page,
}) => {
  await openKiosk(page);
  await openGuides(page);
  await page.getByRole('button', { name: '搜索事项' }).click();
  await typeOnKeyboard(page, 'bdc');
  await expect(page.getByRole('status').filter({ hasText: /^共 \d+ 项$/ })).toBeVisible();
  const names = await page.locator('.guide-list__name').allTextContents();
  expect(names.length).toBeGreaterThan(0);
  for (const name of names) expect(name).toContain('不动产');
  await shot(page, 'guide-search');

  await page.locator('.guide-list__item').first().click();
  const title = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
  expect(title).toContain('不动产');
  for (const heading of ['受理条件', '申请材料', '办理流程', '办理时限', '收费标准', '设定依据'])
    await expect(page.locator('.guide dt', { hasText: heading })).toBeVisible();
  await shot(page, 'guide-item', { fullPage: true });

  await page.getByRole('button', { name: '打印一次性告知书' }).click();
  await expect(page.getByText('请取走您的一次性告知书')).toBeVisible({ timeout: 20_000 });
  const printed = await page.evaluate(() =>
    window.kioskSim?.printed().filter((p) => p.device === 'document'),
  );
  expect(printed).toHaveLength(1);
  expect(printed?.[0]?.text).toContain(`${title} 一次性告知书`);
  expect(printed?.[0]?.text).toContain('【申请材料】');
  await page.getByRole('button', { name: '完成' }).click();
});

test('departments and audiences narrow the list; a guide hands over to 取号', async ({ page }) => {
  await openKiosk(page);
  await openGuides(page);
  await page.getByRole('group', { name: '部门' }).getByRole('button', { name: '公积金' }).click();
  const metas = await page.locator('.guide-list__meta').allTextContents();
  expect(metas.length).toBeGreaterThanOrEqual(3);
  for (const meta of metas) expect(meta).toContain('公积金');
  await page.getByRole('group', { name: '对象' }).getByRole('button', { name: '法人' }).click();
  await page.locator('.guide-list__item').first().click();
  await page.getByRole('button', { name: '取号办理' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /取号|请选择/ })).toBeVisible();
});

test('with the document printer out, guides are read but not printed', async ({ page }) => {
  await openKiosk(page);
  await page.evaluate(() => window.kioskSim?.fault('document', 'offline'));
  await openGuides(page);
  await page.locator('.guide-list__item').first().click();
  await expect(page.getByText('文件打印机暂停使用：现在可以查看指南，但不能打印。')).toBeVisible();
  await expect(page.getByRole('button', { name: '打印一次性告知书' })).toHaveCount(0);
});

test('a broken catalog file is said plainly, and the kiosk goes home', async ({ page }) => {
  await page.route('**/catalog.json', (route) => route.fulfill({ body: '{"version": 1,' }));
  await openKiosk(page);
  await wake(page);
  await page.getByRole('button', { name: /^办事指南/ }).click();
  await expect(page.getByText('事项目录暂时无法读取。请稍后再试，或到窗口咨询。')).toBeVisible();
  await page.locator('.flow').getByRole('button', { name: '上一步' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '请选择要办理的业务' })).toBeVisible();
});

for (const elderly of [false, true]) {
  test(
    `screenshots of 办事指南 (${elderly ? 'elderly' : 'normal'})`,
    PICTURES,
    async ({ page }) => {
      skipWithoutShots();
      await openKiosk(page);
      await wake(page);
      if (elderly) await page.getByRole('button', { name: /长者模式/ }).click();
      await page.getByRole('button', { name: /^办事指南/ }).click();
      await expect(page.getByText(/^共 \d+ 项$/)).toBeVisible();
      const theme = elderly ? 'elderly' : 'normal';
      await shot(page, `guide-list-${theme}`);
      await page.getByRole('button', { name: '搜索事项' }).click();
      await typeOnKeyboard(page, 'gjj');
      await page.waitForTimeout(300);
      await shot(page, `guide-keyboard-${theme}`);
      await page.locator('.guide-list__item').first().click();
      await shot(page, `guide-item-${theme}`);
    },
  );
}

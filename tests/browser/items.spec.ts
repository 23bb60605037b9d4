import { expect, test, type Page } from '@playwright/test';
import {
  attractButton,
  openKiosk,
  PICTURES,
  placesHolding,
  shot,
  skipWithoutShots,
  wake,
} from './support';

// 一证通办 and 进度查询 (issue 12), driven through window.kioskSim: a card lists what it alone
// lets a person do; a kiosk item prints one result; a submitted item is followed by its slip.

const documents = (page: Page) =>
  page.evaluate(() => window.kioskSim?.printed().filter((p) => p.device === 'document') ?? []);
const receipts = (page: Page) =>
  page.evaluate(() => window.kioskSim?.printed().filter((p) => p.device === 'receipt') ?? []);

async function swipeForItems(page: Page, person = 'adult') {
  await wake(page);
  await page.getByRole('button', { name: /^一证通办/ }).click();
  await page.getByRole('button', { name: '个人：刷身份证办理' }).click();
  await page.evaluate((who) => window.kioskSim?.idCard.insert(who), person);
  await expect(page.getByRole('heading', { level: 1, name: '您可以办理的事项' })).toBeVisible({
    timeout: 20_000,
  });
}

test('a card lists its 一证可办 items; a kiosk item prints one result, and a second try prints nothing more', async ({
  page,
}) => {
  await openKiosk(page, { idle: '300' });
  await swipeForItems(page);
  await expect(page.getByRole('button', { name: /个人社会保险参保证明打印/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /无犯罪记录证明开具/ })).toBeVisible();
  // 一照可办 only: not for a person's card.
  await expect(page.getByRole('button', { name: /单位社会保险参保缴费证明打印/ })).toHaveCount(0);

  await page.getByRole('button', { name: /个人社会保险参保证明打印/ }).click();
  await expect(page.getByText('已为您办结，可以打印“社会保险个人参保证明”。')).toBeVisible();
  await page.getByRole('button', { name: '打印办理结果' }).click();
  await expect(page.getByText('请取走您的办理结果')).toBeVisible({ timeout: 20_000 });
  expect(await documents(page)).toHaveLength(1);

  await page.getByRole('button', { name: '返回事项列表' }).click();
  await page.getByRole('button', { name: /个人社会保险参保证明打印/ }).click();
  await page.getByRole('button', { name: '打印办理结果' }).click();
  await expect(page.getByText('1 张此前已打印，未重复打印。')).toBeVisible({ timeout: 20_000 });
  expect(await documents(page)).toHaveLength(1);
});

test('a submitted item is found by scanning its slip in 进度查询, and 补正材料 says what to bring; nothing typed stays', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const PHONE = '13912345678';
  // A short idle time: the visit left on the 补正 screen at the end ends by itself.
  await openKiosk(page, { idle: '12' });
  await swipeForItems(page);
  await page.getByRole('button', { name: /城乡居民基本医疗保险参保登记/ }).click();
  await expect(page.getByText('请核对并填写申请信息')).toBeVisible();
  // Name, number and address come from the card; the telephone is typed on the keyboard.
  await page.locator('.form-fields__row', { hasText: '联系电话' }).getByRole('button').click();
  for (const digit of PHONE)
    await page.locator(`.keyboard__keys [data-skbtn="${digit}"]`).first().click();
  await expect(page.locator('.form-fields__row', { hasText: '联系电话' })).toContainText(PHONE);
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByText('告知承诺')).toBeVisible();
  await page.getByRole('button', { name: '我已阅读并承诺' }).click();
  await expect(page.getByText('申请已提交')).toBeVisible({ timeout: 20_000 });
  const number = (await page.locator('.application-number').textContent()) ?? '';
  expect(number).toMatch(/^SQ\d{15}$/);
  await expect(page.getByText('请取走申请回执，凭回执上的二维码可查询进度。')).toBeVisible();
  const [slip] = await receipts(page);
  expect(slip?.text).toContain(`申请编号：${number}`);
  const qr = slip?.qr[0] ?? '';
  expect(qr).toMatch(/^BDY1:S:SQ\d{15}\.[0-9a-f]+$/);
  await page.getByRole('button', { name: '完成' }).click();
  await page.evaluate(() => window.kioskSim?.idCard.remove());
  await page.locator('main').getByRole('button', { name: '完成' }).click();
  await expect(attractButton(page)).toBeVisible();

  // The next day's visit: the slip's QR at home opens 进度查询 at the application.
  await wake(page);
  await page.evaluate((code) => window.kioskSim?.scanner.scan(code), qr);
  await expect(page.getByText('城乡居民基本医疗保险参保登记：已受理')).toBeVisible({
    timeout: 20_000,
  });
  await page.evaluate(async (n) => {
    await window.kioskSim?.applications.move(n, 'reviewing');
    await window.kioskSim?.applications.move(n, 'correction', {
      missing: ['居民户口簿首页和本人页复印件 1 份'],
    });
  }, number);
  await page.locator('main').getByRole('button', { name: '上一步' }).click();
  await page.evaluate((code) => window.kioskSim?.scanner.scan(code), qr);
  await expect(page.getByText('城乡居民基本医疗保险参保登记：补正材料')).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByText('请补正以下材料，带到窗口或在本机重新提交：')).toBeVisible();
  await expect(page.getByText('居民户口簿首页和本人页复印件 1 份')).toBeVisible();

  // Left there: the idle timeout ends the visit, and the telephone typed is nowhere.
  await expect(attractButton(page)).toBeVisible({ timeout: 30_000 });
  expect(await placesHolding(page, PHONE)).toEqual([]);
});

test('进度查询: a mistyped application number is refused before anything is looked up', async ({
  page,
}) => {
  await openKiosk(page, { idle: '300' });
  await wake(page);
  await page.getByRole('button', { name: /^进度查询/ }).click();
  await page.getByRole('button', { name: '输入申请编号' }).click();
  for (const key of 'SQ2026')
    await page.locator(`.keyboard__keys [data-skbtn="${key}"]`).first().click();
  await page.getByRole('button', { name: '查询', exact: true }).click();
  await expect(
    page.getByText('申请编号不正确：应为 SQ 加 15 位数字，请核对后重新输入。'),
  ).toBeVisible();
});

for (const elderly of [false, true]) {
  test(
    `screenshots of 一证通办 and 进度查询 (${elderly ? 'elderly' : 'normal'})`,
    PICTURES,
    async ({ page }) => {
      skipWithoutShots();
      const theme = elderly ? 'elderly' : 'normal';
      await openKiosk(page, { idle: '300' });
      await wake(page);
      if (elderly) await page.getByRole('button', { name: /长者模式/ }).click();
      await page.getByRole('button', { name: /^一证通办/ }).click();
      await shot(page, `items-choose-${theme}`);
      await page.getByRole('button', { name: '个人：刷身份证办理' }).click();
      await page.evaluate(() => window.kioskSim?.idCard.insert('adult'));
      await expect(page.getByRole('heading', { level: 1, name: '您可以办理的事项' })).toBeVisible({
        timeout: 20_000,
      });
      await shot(page, `items-list-${theme}`);
      await page.getByRole('button', { name: /失业保险金申领/ }).click();
      await page.locator('.form-fields__row', { hasText: '联系电话' }).getByRole('button').click();
      await shot(page, `items-form-${theme}`, { fullPage: true });
      for (const digit of '13800138000')
        await page.locator(`.keyboard__keys [data-skbtn="${digit}"]`).first().click();
      await page.locator('.form-fields__row', { hasText: '银行卡号' }).getByRole('button').click();
      for (const digit of '6222021200001234')
        await page.locator(`.keyboard__keys [data-skbtn="${digit}"]`).first().click();
      await page.getByRole('button', { name: '下一步' }).click();
      await shot(page, `items-materials-${theme}`);
      await page.getByRole('button', { name: '拍照' }).click();
      await expect(page.getByText('告知承诺')).toBeVisible();
      await shot(page, `items-declaration-${theme}`);
      await page.getByRole('button', { name: '我已阅读并承诺' }).click();
      await expect(page.getByText('申请已提交')).toBeVisible({ timeout: 20_000 });
      await shot(page, `items-submitted-${theme}`);
      const number = (await page.locator('.application-number').textContent()) ?? '';
      await page.evaluate(async (n) => {
        await window.kioskSim?.applications.move(n, 'reviewing');
        await window.kioskSim?.applications.move(n, 'correction', {
          missing: ['解除劳动合同证明原件'],
        });
      }, number);
      const [slip] = await receipts(page);
      await page.getByRole('button', { name: '完成' }).click();
      await page.evaluate(() => window.kioskSim?.idCard.remove());
      await page.locator('main').getByRole('button', { name: '完成' }).click();
      await wake(page);
      if (elderly) await page.getByRole('button', { name: /长者模式/ }).click();
      await page.evaluate((code) => window.kioskSim?.scanner.scan(code), slip?.qr[0] ?? '');
      await expect(page.getByText(/：补正材料$/)).toBeVisible({ timeout: 20_000 });
      await shot(page, `progress-correction-${theme}`, { fullPage: true });
    },
  );
}

import { expect, test, type Page } from '@playwright/test';
import { axeViolations, openKiosk, wake } from './support';

async function expectNoViolations(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

for (const elderly of [false, true]) {
  const theme = elderly ? 'elderly' : 'normal';
  test.describe(`${theme} theme`, () => {
    // axe injects its own script, which the kiosk's CSP would rightly refuse.
    test.use({ bypassCSP: true });

    test(`attract has no axe violations (${theme})`, async ({ page }) => {
      await openKiosk(page);
      if (elderly) {
        await page.getByRole('button', { name: /长者模式/ }).click();
        await expect(page.locator('html')).toHaveClass(/elderly/);
      }
      await expectNoViolations(page);
      await page.getByRole('button', { name: /切换语言/ }).click();
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expectNoViolations(page);
    });

    test(`home has no axe violations (${theme})`, async ({ page }) => {
      await openKiosk(page);
      await wake(page);
      if (elderly) {
        await page.getByRole('button', { name: /长者模式/ }).click();
        await expect(page.locator('html')).toHaveClass(/elderly/);
      }
      await expectNoViolations(page);
      await page.getByRole('button', { name: /切换语言/ }).click();
      await expectNoViolations(page);
    });

    test(`证照打印 and 不动产查询 have no axe violations (${theme})`, async ({ page }) => {
      await openKiosk(page, { timing: 'instant' });
      await wake(page);
      if (elderly) await page.getByRole('button', { name: /长者模式/ }).click();
      await page.getByRole('button', { name: /^证照打印/ }).click();
      await page.evaluate(() => window.kioskSim?.idCard.insert('adult'));
      await expect(page.getByRole('heading', { name: '请选择要打印的证照' })).toBeVisible();
      await expectNoViolations(page);
      await page.getByRole('button', { name: /北京云杉数字科技有限公司/ }).click();
      await expect(page.locator('.document-preview img')).toHaveCount(2);
      await expectNoViolations(page);
      await page.getByRole('button', { name: '返回首页' }).click();
      await page.getByRole('button', { name: /^不动产查询/ }).click();
      for (const part of ['朝阳区', '建国路街道', '建国路88号院', '3号楼', '2单元501'])
        await page.getByRole('button', { name: part, exact: true }).click();
      await expect(page.getByRole('heading', { name: '查询结果' })).toBeVisible();
      await expectNoViolations(page);
    });

    test(`办事指南, 一证通办 and 进度查询 have no axe violations (${theme})`, async ({ page }) => {
      await openKiosk(page, { timing: 'instant' });
      await wake(page);
      if (elderly) await page.getByRole('button', { name: /长者模式/ }).click();
      await page.getByRole('button', { name: /^办事指南/ }).click();
      await expect(page.getByText(/^共 \d+ 项$/)).toBeVisible();
      await page.getByRole('button', { name: '搜索事项' }).click();
      await expect(page.locator('.keyboard__keys .hg-button').first()).toBeVisible();
      await expectNoViolations(page);
      await page.getByRole('button', { name: '收起键盘' }).click();
      await page.locator('.guide-list__item').first().click();
      await expectNoViolations(page);
      await page.getByRole('button', { name: '返回首页' }).click();
      await page.getByRole('button', { name: /^一证通办/ }).click();
      await page.getByRole('button', { name: '个人：刷身份证办理' }).click();
      await page.evaluate(() => window.kioskSim?.idCard.insert('adult'));
      await expect(page.getByRole('heading', { name: '您可以办理的事项' })).toBeVisible();
      await expectNoViolations(page);
      await page.getByRole('button', { name: /失业保险金申领/ }).click();
      await expectNoViolations(page);
      await page.getByRole('button', { name: '返回首页' }).click();
      await page.getByRole('button', { name: /^进度查询/ }).click();
      await page.getByRole('button', { name: '输入申请编号' }).click();
      await expect(page.locator('.keyboard__keys .hg-button').first()).toBeVisible();
      await expectNoViolations(page);
    });
  });
}

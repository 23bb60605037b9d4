import { expect, test, type Page } from '@playwright/test';
import { openKiosk, wake } from './support';

// Pictures of each screen in both themes, for a person to look at (screenshots/, not committed).
// A portrait 1080×1920 terminal, the commonest shape in service halls, shot at half scale.
test.use({ viewport: { width: 1080, height: 1920 }, deviceScaleFactor: 0.5 });

const shot = (page: Page, name: string) => page.screenshot({ path: `screenshots/${name}.png` });

for (const elderly of [false, true]) {
  const theme = elderly ? 'elderly' : 'normal';
  test(`screens in the ${theme} theme`, async ({ page }) => {
    await openKiosk(page, { idle: '40' });
    if (elderly) await page.getByRole('button', { name: /长者模式/ }).click();
    await shot(page, `attract-${theme}`);
    await wake(page);
    await shot(page, `home-${theme}`);
    await page.getByRole('button', { name: /切换语言/ }).click();
    await shot(page, `home-${theme}-en`);
    await page.getByRole('button', { name: /Switch language/ }).click();
    await expect(page.getByRole('alertdialog')).toBeVisible({ timeout: 30_000 });
    await shot(page, `idle-warning-${theme}`);
    await page.getByRole('button', { name: '继续办理' }).click();
    await page.getByRole('button', { name: '结束办理' }).click();
    await expect(page.getByRole('heading', { name: '感谢使用' })).toBeVisible();
    await shot(page, `goodbye-${theme}`);
  });
}

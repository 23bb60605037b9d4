import { expect, test } from '@playwright/test';
import { attractButton, openKiosk, wake } from './support';

test('a touch wakes the kiosk from attract to home, and Finish returns to attract', async ({
  page,
}) => {
  await openKiosk(page);
  await expect(page.getByText('7×24小时不打烊 自助服务')).toBeVisible();
  await wake(page);
  await expect(page.getByRole('button', { name: '返回首页' })).toBeVisible();
  await expect(page.getByText('窗口办公时间')).toBeVisible();
  await expect(page.getByText('周一至周五 09:00–12:00, 13:30–17:00')).toBeVisible();
  await page.getByRole('button', { name: '结束办理' }).click();
  await expect(page.getByRole('heading', { name: '感谢使用' })).toBeVisible();
  await page.getByRole('button', { name: '完成' }).click();
  await expect(attractButton(page)).toBeVisible();
});

test('elderly mode and English can be switched on and off', async ({ page }) => {
  await openKiosk(page);
  await wake(page);
  const html = page.locator('html');
  const before = await page
    .getByRole('heading', { level: 1 })
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  await page.getByRole('button', { name: /长者模式/ }).click();
  await expect(html).toHaveClass(/elderly/);
  const after = await page
    .getByRole('heading', { level: 1 })
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(after).toBeGreaterThan(before * 1.3);
  await page.getByRole('button', { name: /切换语言/ }).click();
  await expect(html).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'Hello, please choose a service' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Home' })).toBeVisible();
  await page.getByRole('button', { name: /Senior mode/ }).click();
  await expect(html).not.toHaveClass(/elderly/);
  await page.getByRole('button', { name: /Switch language/ }).click();
  await expect(html).toHaveAttribute('lang', 'zh-CN');
});

test('the idle warning counts down and returns to attract; "continue" keeps the visit', async ({
  page,
}) => {
  await openKiosk(page, { idle: '6' });
  await wake(page);
  await page.getByRole('button', { name: /切换语言/ }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toBeVisible({ timeout: 8_000 });
  await expect(dialog).toContainText(/Your visit ends in \d+ s/);
  await dialog.getByRole('button', { name: 'I need more time' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Hello, please choose a service' })).toBeVisible();
  await expect(dialog).toBeVisible({ timeout: 8_000 });
  await expect(attractButton(page)).toBeVisible({ timeout: 8_000 });
  // The next citizen starts in Chinese and the normal mode.
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('citizen screens refuse the context menu, selection and zoom gestures', async ({ page }) => {
  await openKiosk(page);
  await wake(page);
  const prevented = await page.evaluate(() => {
    const kinds = ['contextmenu', 'selectstart', 'dragstart'];
    return kinds.map((type) => {
      const event = new Event(type, { bubbles: true, cancelable: true });
      document.querySelector('h1')?.dispatchEvent(event);
      return event.defaultPrevented;
    });
  });
  expect(prevented).toEqual([true, true, true]);
  const zoomKey = await page.evaluate(() => {
    const event = new KeyboardEvent('keydown', {
      key: '+',
      ctrlKey: true,
      bubbles: true,
      cancelable: true,
    });
    document.body.dispatchEvent(event);
    return event.defaultPrevented;
  });
  expect(zoomKey).toBe(true);
  const css = await page.evaluate(() => {
    const style = getComputedStyle(document.body);
    return { userSelect: style.userSelect, touchAction: style.touchAction };
  });
  // Pinch-zoom is refused by touch-action rather than by the viewport, which must stay zoomable for axe.
  expect(css).toEqual({ userSelect: 'none', touchAction: 'pan-x pan-y' });
});

test('attract lays out home once, unseen (issue 16): hidden, inert, out of the flow, gone after a frame', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const g = window as unknown as {
      __warmups: { hidden: boolean; inert: boolean; tiles: number }[];
      __warmupGone: number;
    };
    g.__warmups = [];
    g.__warmupGone = 0;
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes)
          if (node instanceof HTMLElement && node.classList.contains('home-warmup'))
            g.__warmups.push({
              hidden: getComputedStyle(node).visibility === 'hidden',
              inert: node.inert && node.getAttribute('aria-hidden') === 'true',
              tiles: node.querySelectorAll('button.tile').length,
            });
        for (const node of record.removedNodes)
          if (node instanceof HTMLElement && node.classList.contains('home-warmup'))
            g.__warmupGone += 1;
      }
    }).observe(document, { subtree: true, childList: true });
  });
  await openKiosk(page);
  const state = () =>
    page.evaluate(() => {
      const g = window as unknown as { __warmups: unknown[]; __warmupGone: number };
      return { warmups: g.__warmups, gone: g.__warmupGone };
    });
  await expect.poll(async () => (await state()).gone, { timeout: 10_000 }).toBe(1);
  const { warmups } = await state();
  expect(warmups).toHaveLength(1);
  expect(warmups[0]).toMatchObject({ hidden: true, inert: true });
  expect((warmups[0] as { tiles: number }).tiles).toBeGreaterThan(0);
  await expect(page.locator('.home-warmup')).toHaveCount(0);
  // Attract is still what shows, and the visit after it goes as ever; no second warm-up.
  await expect(attractButton(page)).toBeVisible();
  await wake(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('您好，请选择要办理的业务');
  await page.getByRole('button', { name: '结束办理' }).click();
  await page.getByRole('button', { name: '完成' }).click(); // goodbye
  await expect(attractButton(page)).toBeVisible();
  await page.waitForTimeout(3000);
  expect((await state()).warmups).toHaveLength(1);
});

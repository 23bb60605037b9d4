import { expect, type Page } from '@playwright/test';

/** Opens the kiosk with the mock devices and waits for attract. */
export async function openKiosk(page: Page, params: Record<string, string> = {}) {
  const query = new URLSearchParams({ devices: 'mock', ...params });
  await page.goto(`/?${query.toString()}`);
  await expect(attractButton(page)).toBeVisible();
  // The simulator loads after the first screen: a test that drives a device waits for it, or
  // `window.kioskSim?.…` does nothing on a busy machine.
  if (query.get('devices') === 'mock')
    await page.waitForFunction(() => window.kioskSim !== undefined);
}

export const attractButton = (page: Page) =>
  page.getByRole('button', { name: /轻触屏幕开始办理|Touch the screen to start/ });

export async function wake(page: Page) {
  await attractButton(page).click();
  await expect(
    page.getByRole('heading', { level: 1, name: /请选择要办理的业务|choose a service/ }),
  ).toBeVisible();
}

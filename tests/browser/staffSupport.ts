import { expect, type Page } from '@playwright/test';
import { attractButton } from './support';

// The staff console as staff reach it (issue 13): shared by the console's and 好差评's tests.

/**
 * The kiosk as these tests open it: a long idle time, and the hall name held 0.5 s instead of
 * 5 (?hold=, mock devices only; tests/unit/ui/staffEntry.test.ts holds the real five seconds).
 */
export const CONSOLE_KIOSK = { idle: '300', hold: '500' };

/** The test PIN of the mock profile (README, Staff console). */
export const PIN = '246810';
export const console_ = (page: Page) => page.getByRole('dialog', { name: '工作人员管理台' });

/**
 * Holds the hall name (attract's, or the top bar's) until the console opens, as staff do. Not
 * for a fixed time: the console's code loads at its first opening, and a finger lifted before it
 * is on screen would tap the attract screen behind it (on a busy machine, a visit began).
 */
export async function holdHallName(page: Page) {
  const hall = page.locator('[data-staff-entry]').first();
  const box = await hall.boundingBox();
  if (!box) throw new Error('no hall name on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await expect(console_(page)).toBeVisible();
  await page.mouse.up();
}

export async function typePin(page: Page, pin: string) {
  const keys = page.getByRole('group', { name: '密码键盘' });
  for (const digit of pin) await keys.getByRole('button', { name: digit, exact: true }).click();
  await keys.getByRole('button', { name: '确定' }).click();
}

export async function enterConsole(page: Page) {
  await holdHallName(page);
  await expect(page.getByRole('heading', { name: '请输入管理密码' })).toBeVisible();
  await typePin(page, PIN);
  await expect(page.getByRole('navigation', { name: '管理功能' })).toBeVisible();
}

/** Leaves the console: the page restarts at attract with what was saved. */
export async function leaveConsole(page: Page) {
  await console_(page).getByRole('button', { name: '退出管理台' }).click();
  await expect(console_(page)).toHaveCount(0);
  await expect(attractButton(page)).toBeVisible({ timeout: 15_000 });
  await page.waitForFunction(() => window.kioskSim !== undefined);
}

export const section = (page: Page, name: string) =>
  page.getByRole('navigation', { name: '管理功能' }).getByRole('button', { name }).click();

/** The audit log as stored, oldest first. */
export const auditLog = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ seq: number; action: string; subject: string; after: unknown }[]>(
        (resolve, reject) => {
          const open = indexedDB.open('budayang-admin');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction('audit').objectStore('audit').getAll();
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          };
        },
      ),
  );

import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/**
 * Where `npm run screenshots` puts its pictures (SHOTS_DIR); unset in `npm test`, where the
 * tests that only take pictures skip, and a test that also asserts takes none.
 */
export const SHOTS_DIR = process.env.SHOTS_DIR ?? '';

/** The tag of a test that only takes pictures: `npm run screenshots` runs `--grep @shots`. */
export const PICTURES = { tag: '@shots' } as const;

/** In a picture-only test or file: skip unless pictures are wanted. */
export const skipWithoutShots = () => test.skip(!SHOTS_DIR, 'pictures only: npm run screenshots');

/** A picture of the page (or of `options.clip`…) into SHOTS_DIR; nothing when it is unset. */
export async function shot(
  page: Page,
  name: string,
  options: Parameters<Page['screenshot']>[0] = {},
): Promise<void> {
  if (!SHOTS_DIR) return;
  mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ ...options, path: `${SHOTS_DIR}/${name}.png` });
}

/** The tester setting that puts the simulator's SIM button on screen (kiosk-ui/launchOptions.ts). */
export const SIMULATOR_SETTING_KEY = 'budayang.kiosk.simulator';

/**
 * Opens the kiosk with the mock devices and waits for attract. As a tester's browser: the SIM
 * button is on screen (the tester setting), unless `{ tester: false }` asks for a citizen's
 * screen; `?sim=1` in `params` opens the panel.
 */
export async function openKiosk(
  page: Page,
  params: Record<string, string> = {},
  { tester = true }: { tester?: boolean } = {},
) {
  const query = new URLSearchParams({ devices: 'mock', ...params });
  if (tester)
    await page.addInitScript((key) => localStorage.setItem(key, '1'), SIMULATOR_SETTING_KEY);
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

/**
 * Where a text is found on the page after a visit: the DOM, input values, local and session
 * storage, every IndexedDB database and every cache (the privacy wipe must leave it nowhere).
 */
export function placesHolding(page: Page, text: string): Promise<string[]> {
  return page.evaluate(async (planted) => {
    const places: string[] = [];
    if (document.documentElement.outerHTML.includes(planted)) places.push('DOM');
    if (
      [...document.querySelectorAll('input, textarea')].some((el) =>
        (el as HTMLInputElement).value.includes(planted),
      )
    )
      places.push('input values');
    if (JSON.stringify({ ...localStorage }).includes(planted)) places.push('localStorage');
    if (JSON.stringify({ ...sessionStorage }).includes(planted)) places.push('sessionStorage');
    // The kiosk keeps its own databases (the queue store); none may hold the planted string.
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of [...db.objectStoreNames]) {
        const values = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        if (JSON.stringify(values).includes(planted)) places.push(`IndexedDB ${name}/${store}`);
      }
      db.close();
      if (name === 'citizen-scratch') places.push('IndexedDB citizen-scratch (should be deleted)');
    }
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        if (response && (await response.text()).includes(planted)) places.push(`cache ${name}`);
      }
    }
    return places;
  }, text);
}

/** The documents the simulated document printer has printed since the page loaded. */
export const documents = (page: Page) =>
  page.evaluate(() => window.kioskSim?.printed().filter((p) => p.device === 'document') ?? []);

/** From home to the choice of licences, the 'adult' test card read. */
export async function startLicencePrint(page: Page) {
  await wake(page);
  await page.getByRole('button', { name: /^证照打印/ }).click();
  await expect(page.getByText('请将身份证放在读卡区')).toBeVisible();
  await page.evaluate(() => window.kioskSim?.idCard.insert('adult'));
  await expect(page.getByRole('heading', { name: '请选择要打印的证照' })).toBeVisible({
    timeout: 15_000,
  });
}

/** From the choice of licences to the preview of 北京云杉's 正本 and 副本. */
export async function previewLicence(page: Page) {
  await page.getByRole('button', { name: /北京云杉数字科技有限公司/ }).click();
  await expect(page.getByText('共 2 张')).toBeVisible();
}

/** At the preview: prints the two sheets slowly and jams the printer on the first; explained. */
export async function jamOnFirstSheet(page: Page) {
  await page.evaluate(() => window.kioskSim?.fault('document', { slow: 2_000 }));
  await page.getByRole('button', { name: '确认打印' }).click();
  await expect(page.getByText(/正在打印第 1／2 张/)).toBeVisible();
  await page.evaluate(() => window.kioskSim?.fault('document', 'jam'));
  await expect(page.locator('.print-outcome')).toBeVisible({ timeout: 15_000 });
}

/** 好差评 follows a finished item: one tap, 不评价, goes on (a skipped offer keeps no rating). */
export async function skipRating(page: Page) {
  await page.getByRole('button', { name: '不评价' }).click();
}

/** The WCAG 2.1 A/AA rules and axe's best practices: what every axe check here runs. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/**
 * axe's violations on the page (or inside `include`), one line each: rule and nodes. The kiosk
 * has no frames, so axe runs in the page itself (legacy mode: the default runs per frame and
 * then opens a second page to merge), and only violations are collected: the same rules on the
 * same nodes, at a fraction of the cost. The test's context needs `bypassCSP`.
 */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page })
    .withTags(AXE_TAGS)
    .options({ resultTypes: ['violations'] })
    .setLegacyMode();
  if (include) builder.include(include);
  const results = await builder.analyze();
  return results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

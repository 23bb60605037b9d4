import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  attractButton,
  documents,
  jamOnFirstSheet,
  openKiosk,
  previewLicence,
  startLicencePrint,
  wake,
} from './support';

// Issue 11, "Citizens lose things": nobody is in the hall at night to hand back a card, to tell
// a citizen what became of a sheet, or to load paper. Driven through window.kioskSim.

declare global {
  interface Window {
    spoken?: string[];
  }
}

/** Records what the kiosk says (speechSynthesis), whether or not the machine has a voice. */
async function listenToSpeech(page: Page) {
  await page.addInitScript(() => {
    window.spoken = [];
    if (!('speechSynthesis' in window)) return;
    window.speechSynthesis.speak = (utterance: SpeechSynthesisUtterance) => {
      window.spoken?.push(utterance.text);
    };
  });
}

const spoken = (page: Page) => page.evaluate(() => window.spoken ?? []);

const reminder = (page: Page) => page.locator('.card-reminder');

/** The font size of the reminder, and the largest of every other visible text in `scope`. */
async function fontSizes(scope: Locator) {
  return scope.evaluate((root) => {
    let others = 0;
    let card = 0;
    for (const element of root.querySelectorAll<HTMLElement>('*')) {
      const ownText = [...element.childNodes].some(
        (n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '',
      );
      if (!ownText || element.getClientRects().length === 0) continue;
      const size = parseFloat(getComputedStyle(element).fontSize);
      if (element.closest('.card-reminder')) card = Math.max(card, size);
      else others = Math.max(others, size);
    }
    return { card, others };
  });
}

const creditCodeOf = (page: Page) =>
  documents(page).then((printed) => printed[0]?.text.match(/统一社会信用代码 (\w{18})/)?.[1]);

test.describe('item 1: a card left on the reader', () => {
  test('after the idle timeout attract shows and speaks 请取走您的身份证, blinking, until the card is taken', async ({
    page,
  }) => {
    await listenToSpeech(page);
    await openKiosk(page, { idle: '6' });
    await page.evaluate(() => window.kioskSim?.idCard.insert('adult'));
    await expect(page.getByRole('heading', { name: /请选择要办理的业务/ })).toBeVisible();
    // Nobody touches anything: the visit ends with the card on the reader.
    await expect(attractButton(page)).toBeVisible({ timeout: 15_000 });
    await expect(reminder(page)).toBeVisible();
    await expect(reminder(page)).toHaveText(/请取走您的身份证/);
    await expect(reminder(page)).toHaveAttribute('role', 'alert');
    await expect
      .poll(() => reminder(page).evaluate((e) => getComputedStyle(e).animationName))
      .not.toBe('none');
    await expect.poll(() => spoken(page)).toContain('请取走您的身份证');
    const sizes = await fontSizes(page.locator('.attract'));
    expect(sizes.card).toBeGreaterThanOrEqual(sizes.others);

    // A citizen who asked for less motion gets a steady reminder, as large.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await expect
      .poll(() => reminder(page).evaluate((e) => getComputedStyle(e).animationName))
      .toBe('none');

    await page.evaluate(() => window.kioskSim?.idCard.remove());
    await expect(reminder(page)).toHaveCount(0);
    await expect(attractButton(page)).toBeVisible();
  });

  test('on the end screen the card reminder is the largest text, and 完成 keeps reminding until the card is taken', async ({
    page,
  }) => {
    await openKiosk(page, { idle: '120' });
    await startLicencePrint(page);
    await previewLicence(page);
    await page.getByRole('button', { name: '确认打印' }).click();
    await expect(page.getByText('请取走您的证照')).toBeVisible({ timeout: 20_000 });
    await expect(reminder(page)).toHaveText(/请取走您的身份证/);
    const end = await fontSizes(page.locator('main'));
    expect(end.card).toBeGreaterThan(end.others);

    await page.getByRole('button', { name: '完成' }).click();
    await expect(page.getByRole('heading', { name: '感谢使用' })).toBeVisible();
    await expect(reminder(page)).toBeVisible();
    const goodbye = await fontSizes(page.locator('main'));
    expect(goodbye.card).toBeGreaterThan(goodbye.others);

    await page.locator('main').getByRole('button', { name: '完成' }).click();
    await expect(attractButton(page)).toBeVisible();
    await expect(reminder(page)).toBeVisible();
    await page.evaluate(() => window.kioskSim?.idCard.remove());
    await expect(reminder(page)).toHaveCount(0);
  });

  test("a queue ticket's end screen: the card reminder is larger than the number itself", async ({
    page,
  }) => {
    await page.clock.install({ time: new Date('2026-11-23T10:00:00') });
    await openKiosk(page, { idle: '120' });
    await wake(page);
    await page.getByRole('button', { name: /^取号/ }).click();
    await page.getByRole('button', { name: /不动产登记/ }).click();
    await page.evaluate(() => window.kioskSim?.idCard.insert('elderly-70'));
    await expect(page.locator('.ticket-number')).toHaveText(/^D\d{3}$/, { timeout: 10_000 });
    await expect(reminder(page)).toHaveText(/请取走您的身份证/);
    const end = await fontSizes(page.locator('main'));
    expect(end.card).toBeGreaterThan(end.others);
    await page.evaluate(() => window.kioskSim?.idCard.remove());
    await expect(reminder(page)).toHaveCount(0);
  });

  test('no reminder when the card was taken before the visit ended', async ({ page }) => {
    await openKiosk(page, { idle: '120' });
    await startLicencePrint(page);
    await page.evaluate(() => window.kioskSim?.idCard.remove());
    await page.getByRole('button', { name: /返回首页/ }).click();
    await page.getByRole('button', { name: '结束办理' }).click();
    await expect(page.getByRole('heading', { name: '感谢使用' })).toBeVisible();
    await expect(reminder(page)).toHaveCount(0);
  });
});

test.describe('item 2: no timer and no button interrupts a printer at work', () => {
  test('the idle timeout waits while the licence prints; every sheet comes out', async ({
    page,
  }) => {
    await openKiosk(page, { idle: '8' });
    await startLicencePrint(page);
    await previewLicence(page);
    await page.evaluate(() => window.kioskSim?.fault('document', { slow: 6_000 }));
    await page.getByRole('button', { name: '确认打印' }).click();
    // Two sheets of 6 s each: longer than the whole idle timeout, and nobody touches the screen.
    await expect(page.getByText('请取走您的证照')).toBeVisible({ timeout: 30_000 });
    expect((await documents(page)).map((d) => d.title)).toEqual([
      '营业执照（正本）',
      '营业执照（副本）',
    ]);
    const code = await creditCodeOf(page);
    const history = await page.evaluate((c) => window.kioskSim?.journal.historyOf(c ?? ''), code);
    expect(history?.map((h) => h.state)).toEqual(['confirmed', 'confirmed']);
  });

  test('返回首页 while a sheet prints says it will go home once printed, and does', async ({
    page,
  }) => {
    await openKiosk(page, { idle: '120' });
    await startLicencePrint(page);
    await previewLicence(page);
    await page.evaluate(() => window.kioskSim?.fault('document', { slow: 3_000 }));
    await page.getByRole('button', { name: '确认打印' }).click();
    await expect(page.getByText(/正在打印第 1／2 张/)).toBeVisible();
    await page.getByRole('button', { name: /返回首页/ }).click();
    await expect(page.getByRole('status').filter({ hasText: '完成后返回首页' })).toBeVisible();
    // Nor may 上一步 stop the printer.
    await expect(page.getByRole('button', { name: /上一步/ })).toBeDisabled();
    await expect(page.getByRole('heading', { name: /请选择要办理的业务/ })).toBeVisible({
      timeout: 20_000,
    });
    expect(await documents(page)).toHaveLength(2);
    const code = await creditCodeOf(page);
    const history = await page.evaluate((c) => window.kioskSim?.journal.historyOf(c ?? ''), code);
    expect(history?.map((h) => h.state)).toEqual(['confirmed', 'confirmed']);
  });

  test('a sheet that may have printed (a jam) is explained: what printed, what not, and where to go', async ({
    page,
  }) => {
    await openKiosk(page, { idle: '120' });
    await startLicencePrint(page);
    await previewLicence(page);
    await jamOnFirstSheet(page);
    const explained = page.locator('.print-outcome');
    await expect(explained).toContainText('营业执照（正本）');
    await expect(explained).toContainText('营业执照（副本）');
    await expect(explained).toContainText('一楼综合受理窗口');
    await expect(explained).toContainText('周一至周五');
    await expect(explained).toContainText('0000-12345');
    await page.getByRole('button', { name: '结束打印' }).click();
    await expect(page.getByText('请取走您的证照')).toBeVisible();
    const finished = page.locator('.print-outcome');
    await expect(finished).toContainText('营业执照（正本）');
    await expect(finished).toContainText('一楼综合受理窗口');
    await expect(finished).toContainText('0000-12345');
  });
});

test('item 3: paper out mid-print says what printed, what did not, that it can be printed later, and the telephone', async ({
  page,
}) => {
  await openKiosk(page, { idle: '120' });
  await startLicencePrint(page);
  await previewLicence(page);
  await page.evaluate(() => window.kioskSim?.fault('document', { slow: 2_000 }));
  await page.getByRole('button', { name: '确认打印' }).click();
  await expect(page.getByText(/正在打印第 2／2 张/)).toBeVisible({ timeout: 15_000 });
  await page.evaluate(() => window.kioskSim?.fault('document', 'paper-out'));
  const explained = page.locator('.print-outcome');
  await expect(explained).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('main')).not.toContainText('装好纸');
  await expect(page.locator('main')).not.toContainText(/加纸|放入纸|load paper/i);
  await expect(explained).toContainText(/已打印[^。]*营业执照（正本）/);
  await expect(explained).toContainText(/未打印[^。]*营业执照（副本）/);
  await expect(explained).toContainText('下次');
  await expect(explained).toContainText('0000-12345');
  expect((await documents(page)).map((d) => d.title)).toEqual(['营业执照（正本）']);
});

test.describe('item 4: a card already on the reader is read', () => {
  test('a second flow in the same visit reads the card still on the reader', async ({ page }) => {
    await openKiosk(page, { idle: '120' });
    await startLicencePrint(page);
    await page.getByRole('button', { name: /返回首页/ }).click();
    await page.getByRole('button', { name: /^证照打印/ }).click();
    // The card never left the reader: nobody has to lift it and lay it down again.
    await expect(page.getByRole('heading', { name: '请选择要打印的证照' })).toBeVisible({
      timeout: 15_000,
    });
  });

  test('a card left by an earlier visit is not read for the next one without being laid down again', async ({
    page,
  }) => {
    await openKiosk(page, { idle: '120' });
    await startLicencePrint(page);
    await page.getByRole('button', { name: /返回首页/ }).click();
    await page.getByRole('button', { name: '结束办理' }).click();
    await page.locator('main').getByRole('button', { name: '完成' }).click();
    await expect(attractButton(page)).toBeVisible();
    // The card stays where it was: the reminder shows, and the next visit does not use the card.
    await expect(reminder(page)).toBeVisible();
    await wake(page);
    await page.getByRole('button', { name: /^证照打印/ }).click();
    await expect(page.getByText('请将身份证放在读卡区')).toBeVisible();
    await expect(
      page.getByText(/读卡区上已有一张身份证。如是您的，请拿起后重新放好/),
    ).toBeVisible();
    await page.waitForTimeout(2_000);
    await expect(page.getByRole('heading', { name: '请选择要打印的证照' })).toHaveCount(0);
    // Laid down again by its holder, it reads.
    await page.evaluate(() => {
      window.kioskSim?.idCard.remove();
      window.kioskSim?.idCard.insert('adult');
    });
    await expect(page.getByRole('heading', { name: '请选择要打印的证照' })).toBeVisible({
      timeout: 15_000,
    });
  });

  test('a card pulled out mid-read and put back is read', async ({ page }) => {
    await openKiosk(page, { idle: '120' });
    await wake(page);
    await page.getByRole('button', { name: /^证照打印/ }).click();
    await expect(page.getByText('请将身份证放在读卡区')).toBeVisible();
    await page.evaluate(() => {
      window.kioskSim?.fault('idCard', 'pull-mid-read');
      window.kioskSim?.idCard.insert('adult');
    });
    await expect(page.getByText(/身份证被移开/)).toBeVisible({ timeout: 10_000 });
    await page.evaluate(() => window.kioskSim?.idCard.insert('adult'));
    await expect(page.getByRole('heading', { name: '请选择要打印的证照' })).toBeVisible({
      timeout: 15_000,
    });
  });
});

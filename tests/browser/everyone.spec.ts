import { expect, test, type Page } from '@playwright/test';
import { openKiosk, wake } from './support';

// Issue 11, "Easier for everyone": elderly mode speaks every prompt, dates say their weekday and
// 今天/明天, device faults say what still works and where to go, and Chinese labels never break
// inside a word. Driven through window.kioskSim.

declare global {
  interface Window {
    spoken?: string[];
  }
}

const MONDAY_MORNING = new Date('2026-11-23T10:00:00+08:00');
const MONDAY_NIGHT = new Date('2026-11-23T02:00:00+08:00');

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

/** `words` said exactly once in what was said after the first `from` utterances. */
const saidOnce = async (page: Page, words: string, from = 0) =>
  expect
    .poll(
      async () => (await spoken(page)).slice(from).filter((text) => text.includes(words)).length,
      { message: `said once: ${words}` },
    )
    .toBe(1);

const elderlyOn = (page: Page) =>
  page
    .getByRole('button', { name: /长者模式/ })
    .first()
    .click();

/** Books 09:30 today (at 2 a.m. a Monday's slots are open) with 13812345678, for `person`. */
async function bookTodayAt0930(page: Page, person: string) {
  await page.getByRole('button', { name: /^预约/ }).click();
  await page.getByRole('button', { name: '不动产登记' }).click();
  await page
    .getByRole('button', { name: /^09:30–10:00/ })
    .first()
    .click();
  await page.evaluate((id) => window.kioskSim?.idCard.insert(id), person);
  for (const digit of '13812345678')
    await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: '下一步' }).click();
}

/** 完成 on a flow's last screen, the card taken, 完成 on goodbye: back at attract. */
async function endVisit(page: Page) {
  await page.getByRole('button', { name: '完成' }).click();
  await page.evaluate(() => window.kioskSim?.idCard.remove());
  await expect(page.getByRole('heading', { name: '感谢使用' })).toBeVisible();
  await page.getByRole('button', { name: '完成' }).click();
}

test.describe('item 11: elderly mode speaks every prompt', () => {
  test('取号 says the choice, the card prompt, a failure, the priority question and the number, each once', async ({
    page,
  }) => {
    await listenToSpeech(page);
    await page.clock.install({ time: MONDAY_MORNING });
    await openKiosk(page, { idle: '300' });
    await elderlyOn(page);
    await wake(page);
    // Home says 请选择要办理的业务 too (the app shell): count from the flow's start.
    await expect.poll(async () => (await spoken(page)).length).toBeGreaterThan(0);
    await page.waitForTimeout(500);
    const atStart = (await spoken(page)).length;
    await page.getByRole('button', { name: /^取号/ }).click();
    // The choice: the service list's heading.
    await expect(page.getByRole('heading', { name: '请选择要办理的业务' })).toBeVisible();
    await saidOnce(page, '请选择要办理的业务', atStart);
    await page.getByRole('button', { name: /商事登记/ }).click();
    // The card prompt.
    await saidOnce(page, '请将身份证放在读卡区');
    // A failure.
    await page.evaluate(() => window.kioskSim?.fault('idCard', 'read-error'));
    await page.evaluate(() => window.kioskSim?.idCard.insert('adult'));
    await expect(page.getByRole('alert')).toBeVisible({ timeout: 10_000 });
    const failure = (await page.getByRole('alert').first().textContent()) ?? '';
    expect(failure).not.toBe('');
    await expect.poll(async () => (await spoken(page)).join('\n')).toContain(failure.trim());
    await page.evaluate(() => {
      window.kioskSim?.idCard.remove();
      window.kioskSim?.clear('idCard');
    });
    await page.getByRole('button', { name: '重新读卡' }).click();
    await page.evaluate(() => window.kioskSim?.idCard.insert('adult'));
    // A choice prompt of the flow's own.
    await expect(page.getByText('是否需要绿色通道优先办理？')).toBeVisible({ timeout: 10_000 });
    await saidOnce(page, '是否需要绿色通道优先办理');
    await page.getByRole('button', { name: '不需要，直接取号' }).click();
    // The number, sign by sign, as a zh-CN voice reads it well.
    await expect(page.locator('.ticket-number')).toHaveText('A001', { timeout: 10_000 });
    await saidOnce(page, 'A 0 0 1');
    // Nothing is said again while the screen stays as it is.
    const before = (await spoken(page)).length;
    await page.evaluate(() => window.kioskSim?.receipt.takePaper());
    await page.waitForTimeout(1_000);
    expect((await spoken(page)).length).toBe(before);
  });

  test('人证核验 of a document flow is spoken too, and nothing is spoken in the standard mode', async ({
    page,
  }) => {
    await listenToSpeech(page);
    await openKiosk(page, { idle: '300' });
    await wake(page);
    await page.getByRole('button', { name: /^证照打印/ }).click();
    await expect(page.getByText('请将身份证放在读卡区').first()).toBeVisible();
    await page.waitForTimeout(800);
    expect(await spoken(page)).toEqual([]);
    // Switched on mid-step: the step on screen is read out at once.
    await elderlyOn(page);
    await expect.poll(async () => (await spoken(page)).join('\n')).toContain('请将身份证');
    await page.evaluate(() => window.kioskSim?.face.next('mismatch'));
    await page.evaluate(() => window.kioskSim?.idCard.insert('adult'));
    await expect.poll(async () => (await spoken(page)).join('\n')).toMatch(/摄像头/);
    await expect(page.getByRole('alert').first()).toBeVisible({ timeout: 15_000 });
    await expect
      .poll(async () => (await spoken(page)).join('\n'))
      .toContain('人脸与证件照片不一致');
  });
});

test.describe('item 12: dates, the phone number, a late check-in, an unknown code', () => {
  test('the slots and the confirmation say the weekday and 今天/明天, and the whole phone number', async ({
    page,
  }) => {
    await page.clock.install({ time: MONDAY_NIGHT });
    await openKiosk(page, { idle: '300' });
    await wake(page);
    await page.getByRole('button', { name: /^预约/ }).click();
    await page.getByRole('button', { name: '不动产登记' }).click();
    await expect(page.getByRole('heading', { name: '11月23日 周一（今天）' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '11月24日 周二（明天）' })).toBeVisible();
    await expect(page.getByText('2026-11-23')).toHaveCount(0);
    await page.getByRole('button', { name: '上一步' }).click();
    await page.getByRole('button', { name: '上一步' }).click();
    await bookTodayAt0930(page, 'adult');
    await expect(page.getByText('请核对预约信息')).toBeVisible();
    await expect(page.getByText('11月23日 周一（今天） 09:30–10:00')).toBeVisible();
    // In full, so a mistyped digit can be seen; the slip keeps it masked.
    await expect(page.getByText('138 1234 5678')).toBeVisible();
    await expect(page.getByText('138****5678')).toHaveCount(0);
    await page.getByRole('button', { name: '确认预约' }).click();
    await expect(page.getByText('预约成功')).toBeVisible({ timeout: 10_000 });
    await expect(page.getByText('11月23日 周一（今天） 09:30–10:00')).toBeVisible();
    const [slip] = (await page.evaluate(() => window.kioskSim?.printed())) ?? [];
    expect(slip?.text).toContain('138****5678');
    expect(slip?.text).not.toContain('13812345678');
    expect(slip?.text).toContain('2026年11月23日 周一');
  });

  test('取号 after hours names the day the windows open with its weekday', async ({ page }) => {
    await page.clock.install({ time: MONDAY_NIGHT });
    await openKiosk(page);
    await wake(page);
    await page.getByRole('button', { name: /^取号/ }).click();
    await expect(page.getByText('11月23日 周一（今天） 08:30 起可取号。')).toBeVisible();
  });

  test('a late check-in offers a normal queue number instead of a dead end', async ({ page }) => {
    await page.clock.install({ time: MONDAY_NIGHT });
    await openKiosk(page, { idle: '300' });
    await wake(page);
    await bookTodayAt0930(page, 'adult');
    await page.getByRole('button', { name: '确认预约' }).click();
    await expect(page.getByText('预约成功')).toBeVisible({ timeout: 10_000 });
    await endVisit(page);

    // 09:50: past the slot's 15 minutes.
    await page.clock.setSystemTime(new Date('2026-11-23T09:50:00+08:00'));
    await wake(page);
    await page.getByRole('button', { name: /^预约/ }).click();
    await page.getByRole('button', { name: /刷身份证签到/ }).click();
    await page.evaluate(() => window.kioskSim?.idCard.insert('adult'));
    await expect(page.getByRole('alert')).toContainText('已超过签到时间');
    await page.evaluate(() => window.kioskSim?.idCard.remove());
    await page.getByRole('button', { name: '取普通号' }).click();
    await expect(page.getByRole('heading', { name: '请选择要办理的业务' })).toBeVisible();
    await page.getByRole('button', { name: /不动产登记/ }).click();
    await page.evaluate(() => window.kioskSim?.idCard.insert('adult'));
    await page.getByRole('button', { name: '不需要，直接取号' }).click();
    await expect(page.locator('.ticket-number')).toHaveText('D001', { timeout: 10_000 });
  });

  test('an unknown code is answered with the codes the kiosk can read', async ({ page }) => {
    await openKiosk(page);
    await page.evaluate(() => window.kioskSim?.scanner.scan('https://example.com/pay?x=1'));
    const notice = page.getByRole('status').filter({ hasText: '无法识别该二维码' });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('本机只能识别预约凭条上的签到二维码');
  });
});

test.describe('item 13: device faults say what still works and where to go', () => {
  test('with the receipt printer out, home names what still works, the window, its hours and the telephone', async ({
    page,
  }) => {
    await openKiosk(page);
    await wake(page);
    await page.evaluate(() => window.kioskSim?.fault('receipt', 'paper-out'));
    const help = page.locator('.device-help');
    await expect(help).toContainText('凭条打印机缺纸，暂不能打印凭条');
    const works = help.locator('.device-help__works');
    for (const flow of ['证照打印', '不动产查询', '身份证复印'])
      await expect(works).toContainText(flow);
    await expect(works).not.toContainText('取号');
    await expect(works).not.toContainText('预约');
    await expect(help).toContainText('一楼综合受理窗口');
    await expect(help).toContainText('周一至周五 09:00–12:00, 13:30–17:00');
    await expect(help).toContainText('0000-12345');
    await page.evaluate(() => window.kioskSim?.clear('receipt'));
    await expect(help).toHaveCount(0);
  });

  test('不动产查询 shows results while the printer is out: viewing stays, printing is unavailable', async ({
    page,
  }) => {
    await openKiosk(page, { timing: 'instant' });
    await wake(page);
    await page.evaluate(() => window.kioskSim?.fault('document', 'jam'));
    const tile = page.getByRole('button', { name: /^不动产查询/ });
    await expect(tile).toBeEnabled();
    await expect(tile).toContainText('暂不能打印');
    await expect(page.locator('.device-help')).toContainText(/不动产查询[^；。]*（暂不能打印）/);
    await tile.click();
    for (const part of ['朝阳区', '建国路街道', '建国路88号院', '3号楼', '2单元501'])
      await page.getByRole('button', { name: part, exact: true }).click();
    await expect(page.getByRole('heading', { name: '查询结果' })).toBeVisible();
    await expect(page.getByText('住宅')).toBeVisible();
    await expect(
      page.getByText('文件打印机暂停使用：现在可以查看结果，但不能打印。'),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: '打印查询结果' })).toHaveCount(0);
    await page.getByRole('button', { name: '完成' }).click();
    expect(
      await page.evaluate(
        () => window.kioskSim?.printed().filter((p) => p.device === 'document').length,
      ),
    ).toBe(0);
  });
});

/**
 * The Chinese text in the kiosk that starts a new line inside a word (Intl.Segmenter's words):
 * for each text node, the line boxes of its characters; a character on a lower line than the
 * one before it starts a line, which must be at a word's start.
 */
async function midWordBreaks(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const words = new Intl.Segmenter('zh-CN', { granularity: 'word' });
    const found: string[] = [];
    const root = document.querySelector('.kiosk');
    if (!root) return ['no kiosk'];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      if (!/[\u4e00-\u9fff]/u.test(text)) continue;
      const starts = new Set([...words.segment(text)].map((s) => s.index));
      let top: number | null = null;
      for (let i = 0; i < text.length; i += 1) {
        if (/\s/u.test(text[i] ?? '')) continue;
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const box = range.getClientRects()[0];
        if (!box || box.width === 0) continue;
        if (top !== null && box.top > top + box.height / 2 && !starts.has(i))
          found.push(`${text.slice(0, i)}|${text.slice(i)}`);
        top = box.top;
      }
    }
    return found;
  });
}

/** The two layouts every screen is checked in: a narrow terminal, and a tester's screen. */
const layouts = [
  { name: '768 px', width: 768, height: 1024, sim: false },
  { name: 'beside the simulator panel', width: 1280, height: 900, sim: true },
] as const;

/** The viewport and the simulator panel of `layout`; back where it was once checked. */
async function useLayout(page: Page, layout: (typeof layouts)[number]) {
  await page.setViewportSize({ width: layout.width, height: layout.height });
  const panel = page.getByRole('region', { name: /设备模拟器/ });
  if (layout.sim && !(await panel.isVisible()))
    await page.getByRole('button', { name: /打开设备模拟器/ }).click();
  if (!layout.sim && (await panel.isVisible()))
    await panel.getByRole('button', { name: /收起/ }).click();
  await expect(panel).toBeVisible({ visible: layout.sim });
  // Laid out anew at the new size before anything is measured.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
}

test.describe('item 14: labels break between words, and the layout holds', () => {
  // One visit per theme; each screen is checked at 768 px and again beside the simulator panel
  // (the viewport resized, the panel opened or closed), rather than one visit per layout.
  for (const elderly of [false, true]) {
    const theme = elderly ? 'elderly' : 'standard';
    test(`no Chinese label breaks inside a word: ${layouts.map((l) => l.name).join(' and ')}, ${theme}`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: layouts[0].width, height: layouts[0].height });
      await page.clock.install({ time: MONDAY_NIGHT });
      await openKiosk(page, { idle: '600' });
      if (elderly) await elderlyOn(page);
      const breaks: string[] = [];
      const check = async (screen: string) => {
        for (const layout of layouts) {
          await useLayout(page, layout);
          const where = `${layout.name}, ${theme}, ${screen}`;
          for (const found of await midWordBreaks(page)) breaks.push(`${where}: ${found}`);
          // Nothing sticks out sideways: the kiosk never scrolls horizontally.
          const overflow = await page.evaluate(() =>
            [...document.querySelectorAll('.kiosk main, .top-bar')].some(
              (e) => e.scrollWidth > e.clientWidth + 1,
            ),
          );
          if (overflow) breaks.push(`${where}: overflows sideways`);
        }
      };
      await check('attract');
      await wake(page);
      await page.evaluate(() => {
        window.kioskSim?.fault('receipt', 'paper-out');
        window.kioskSim?.fault('document', 'jam');
      });
      await expect(page.getByRole('button', { name: /^取号/ })).toBeDisabled();
      await check('home with faults');
      await page.evaluate(() => window.kioskSim?.clear());
      await expect(page.getByRole('button', { name: /^取号/ })).toBeEnabled();
      await page.getByRole('button', { name: /^取号/ }).click();
      await expect(page.getByText('现在不是窗口办公时间，无法取号。')).toBeVisible();
      await check('queue after hours');
      await page.getByRole('button', { name: '预约下一个工作日' }).click();
      await check('appointment services');
      await page.getByRole('button', { name: '不动产登记' }).click();
      await check('appointment slots');
      await page
        .getByRole('button', { name: /^09:30–10:00/ })
        .first()
        .click();
      await page.evaluate(() => window.kioskSim?.idCard.insert('adult'));
      for (const digit of '13812345678')
        await page.getByRole('button', { name: digit, exact: true }).click();
      await check('phone');
      await page.getByRole('button', { name: '下一步' }).click();
      await check('confirmation');
      expect(breaks).toEqual([]);
    });
  }

  test('the elderly switch names the mode it switches to', async ({ page }) => {
    await openKiosk(page);
    await wake(page);
    const toggle = page.locator('.top-bar .setting-button--mode');
    await expect(toggle).toHaveAccessibleName(/^切换到长者模式/);
    await expect(toggle).toHaveText(/切换到\s*长者模式/);
    await expect(toggle).not.toHaveAttribute('aria-pressed');
    await toggle.click();
    await expect(page.locator('html')).toHaveClass(/elderly/);
    await expect(toggle).toHaveAccessibleName(/^切换到标准模式/);
    await expect(toggle).toHaveText(/切换到\s*标准模式/);
    await page.getByRole('button', { name: /切换语言/ }).click();
    await expect(toggle).toHaveAccessibleName(/^Switch to standard/);
    await expect(toggle).toHaveText(/Switch to\s*Standard/);
    await toggle.click();
    await expect(toggle).toHaveText(/Switch to\s*Large text/);
  });
});

import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import {
  attractButton,
  axeViolations,
  documents,
  jamOnFirstSheet,
  openKiosk,
  PICTURES,
  placesHolding,
  previewLicence,
  shot,
  skipWithoutShots,
  startLicencePrint,
  wake,
} from './support';
import {
  auditLog,
  console_,
  enterConsole,
  holdHallName,
  leaveConsole,
  PIN,
  section,
  typePin,
  CONSOLE_KIOSK,
} from './staffSupport';

// The staff console (issue 13): a five-second hold on the hall name, the PIN, the sections, and
// what staff change reaching citizens after the console closes (the page restarts).

const SOCIAL_CARD = '社会保障卡补领、换领';

test('staff mark an item 一证可办; after they leave, a citizen swipes a card and finds it', async ({
  page,
}) => {
  await openKiosk(page, CONSOLE_KIOSK);
  await wake(page);
  await page.getByRole('button', { name: /^一证通办/ }).click();
  await page.getByRole('button', { name: '个人：刷身份证办理' }).click();
  await page.evaluate(() => window.kioskSim?.idCard.insert('adult'));
  await expect(page.getByRole('heading', { level: 1, name: '您可以办理的事项' })).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByRole('button', { name: new RegExp(SOCIAL_CARD) })).toHaveCount(0);
  await page.evaluate(() => window.kioskSim?.idCard.remove());

  // From the top bar, in the middle of a visit: the citizen's screen is covered, then gone.
  await enterConsole(page);
  await shot(page, 'staff-items');
  await page.getByLabel('搜索事项（中文、拼音或首字母）').fill('shbzk');
  const row = page.locator('tr', { hasText: SOCIAL_CARD });
  await expect(row).toHaveCount(1);
  await row.getByRole('checkbox', { name: `一证可办：${SOCIAL_CARD}` }).check();
  await expect(page.getByText(`已保存：${SOCIAL_CARD}`)).toBeVisible();
  await row.getByRole('button', { name: `预览指南：${SOCIAL_CARD}` }).click();
  await expect(page.getByText('一证可办：凭居民身份证即可办理。')).toBeVisible();
  // A person-only item cannot be 一照可办: refused, with the reason, nothing saved.
  await row.getByRole('checkbox', { name: `一照可办：${SOCIAL_CARD}` }).click();
  await expect(page.getByRole('alert').filter({ hasText: '只面向个人' })).toBeVisible();
  await expect(row.getByRole('checkbox', { name: `一照可办：${SOCIAL_CARD}` })).not.toBeChecked();
  await leaveConsole(page);

  await wake(page);
  await page.getByRole('button', { name: /^一证通办/ }).click();
  await page.getByRole('button', { name: '个人：刷身份证办理' }).click();
  await page.evaluate(() => window.kioskSim?.idCard.insert('adult'));
  await expect(page.getByRole('button', { name: new RegExp(SOCIAL_CARD) })).toBeVisible({
    timeout: 20_000,
  });

  const log = await auditLog(page);
  expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
  expect(log.map((e) => e.action)).toEqual(['pin-set', 'entry', 'item-change', 'exit']);
  expect(log[2]).toMatchObject({ subject: 'SB-0006', after: { idCardOnly: true } });
  // Nothing of the console is left for the citizen: not its words, not a typed PIN.
  await expect(page.getByText('工作人员管理台')).toHaveCount(0);
  // (The app's own code, in the service worker's precache, holds the console's words.)
  const left = await placesHolding(page, '管理密码');
  expect(left.filter((place) => !place.startsWith('cache workbox-precache'))).toEqual([]);
});

test('five wrong PINs lock the console, also when it is opened again', async ({ page }) => {
  await openKiosk(page, CONSOLE_KIOSK);
  await holdHallName(page);
  for (let i = 1; i <= 4; i += 1) {
    await typePin(page, '111111');
    await expect(page.getByText(`密码错误，还可尝试 ${5 - i} 次。`)).toBeVisible();
  }
  await typePin(page, '111111');
  await expect(page.getByRole('heading', { name: '密码错误次数过多' })).toBeVisible();
  await expect(page.getByText(/管理台已锁定，请于 \d\d:\d\d 后再试。/)).toBeVisible();
  await shot(page, 'staff-locked');
  await expect(page.getByRole('group', { name: '密码键盘' })).toHaveCount(0);
  await leaveConsole(page);

  await holdHallName(page);
  await expect(page.getByRole('heading', { name: '密码错误次数过多' })).toBeVisible();
  const actions = (await auditLog(page)).map((e) => e.action);
  expect(actions.filter((a) => a === 'entry-refused')).toHaveLength(5);
  expect(actions.filter((a) => a === 'entry-locked')).toHaveLength(1);
  expect(actions).not.toContain('entry');
});

test('a card laid on the reader closes the console at once', async ({ page }) => {
  await openKiosk(page, CONSOLE_KIOSK);
  await enterConsole(page);
  await page.evaluate(() => window.kioskSim?.idCard.insert('adult'));
  await expect(console_(page)).toHaveCount(0);
  await expect(attractButton(page)).toBeVisible({ timeout: 15_000 });
  const log = await auditLog(page);
  expect(log.at(-1)).toMatchObject({ action: 'exit', after: 'card' });
});

const catalogFile = () =>
  JSON.parse(readFileSync('public/catalog.json', 'utf8')) as {
    version: number;
    items: Record<string, unknown>[];
  };

test('a bad import changes nothing and lists every error; a good one shows its changes first', async ({
  page,
}) => {
  await openKiosk(page, CONSOLE_KIOSK);
  await enterConsole(page);
  await section(page, '导入 / 导出');
  // The file field opens once the catalogue in force is read (it is compared with the new one).
  await expect(page.getByLabel('选择事项目录文件')).toBeEnabled();
  const bad = catalogFile();
  bad.items[1] = { ...bad.items[1], code: bad.items[0]?.code };
  delete bad.items[2]?.name;
  bad.items[3] = { ...bad.items[3], legalDays: 'ten' };
  await page.getByLabel('选择事项目录文件').setInputFiles({
    name: 'bad-catalog.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bad)),
  });
  const problems = page.getByRole('alert').filter({ hasText: '未导入，目录未改变' });
  await expect(problems).toContainText('“bad-catalog.json”有');
  await expect(problems.locator('tr', { hasText: 'SB-0003' })).toContainText('name');
  await expect(problems.locator('tr', { hasText: 'SB-0004' })).toContainText('legalDays');
  await expect(problems.locator('tr', { hasText: 'SB-0001' })).toContainText('code');
  await shot(page, 'staff-import-problems');

  await page.getByLabel('选择事项目录文件').setInputFiles({
    name: 'not-json.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{ items: ['),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'not a JSON file' })).toBeVisible();

  const good = catalogFile();
  good.items[0] = { ...good.items[0], name: '个人社会保险参保证明打印（新）' };
  const removed = good.items.splice(5, 1)[0];
  await page.getByLabel('选择事项目录文件').setInputFiles({
    name: 'catalog-2027.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(good)),
  });
  await expect(page.getByText('导入将作如下改动，请核对：')).toBeVisible();
  await expect(page.getByText('删除 1 项').first()).toBeVisible();
  await expect(page.getByText(`－ ${String(removed?.code)}`)).toBeVisible();
  const changedRow = page.locator('tr', { hasText: 'SB-0001' });
  await expect(changedRow).toContainText('name');
  await expect(changedRow).toContainText('个人社会保险参保证明打印（新）');
  await shot(page, 'staff-import-diff');
  // Nothing applied before confirming: the items section still has every item.
  let log = await auditLog(page);
  expect(log.map((e) => e.action)).not.toContain('catalog-import');
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByText(`已导入，共 ${good.items.length} 项`)).toBeVisible();
  log = await auditLog(page);
  expect(log.at(-1)).toMatchObject({ action: 'catalog-import', subject: 'catalog-2027.json' });
  await section(page, '事项目录');
  await expect(page.getByText(`共 ${good.items.length} 项`)).toBeVisible();
});

test('a holiday entered today closes 取号 on that day', async ({ page }) => {
  // Monday 7 December 2026, 10:00 in the hall: 取号 is open.
  await page.clock.install({ time: new Date('2026-12-07T10:00:00') });
  await openKiosk(page, CONSOLE_KIOSK);
  await wake(page);
  await page.getByRole('button', { name: /^取号/ }).click();
  await expect(page.getByRole('heading', { name: '请选择要办理的业务' })).toBeVisible();
  await page.getByRole('button', { name: /返回首页/ }).click();

  await enterConsole(page);
  await section(page, '办公时间与节假日');
  await expect(page.getByLabel('日期')).toHaveValue('2026-12-07');
  await page.getByRole('button', { name: '设为节假日' }).click();
  await expect(page.getByText('已保存，退出管理台后生效。')).toBeVisible();
  await expect(page.getByRole('list', { name: '节假日' })).toContainText('2026-12-07（今天）');
  await shot(page, 'staff-hours');
  await leaveConsole(page);

  await wake(page);
  await page.getByRole('button', { name: /^取号/ }).click();
  await expect(page.getByText('现在不是窗口办公时间，无法取号。')).toBeVisible();
  await expect(page.getByRole('button', { name: '预约下一个工作日' })).toBeVisible();
  const log = await auditLog(page);
  expect(log.find((e) => e.action === 'settings-change')).toMatchObject({
    subject: 'calendar',
    after: { holidays: ['2026-12-07'] },
  });
});

test('a sheet settled by staff as not printed is printed again for its citizen', async ({
  page,
}) => {
  await openKiosk(page, CONSOLE_KIOSK);
  await startLicencePrint(page);
  await previewLicence(page);
  await jamOnFirstSheet(page);
  await page.getByRole('button', { name: '结束打印' }).click();
  await page.evaluate(() => {
    window.kioskSim?.clear('document');
    window.kioskSim?.idCard.remove();
  });

  await enterConsole(page);
  await section(page, '打印记录');
  await expect(page.getByRole('heading', { name: '待核实（1）' })).toBeVisible();
  await page.getByLabel('备注：营业执照（正本）').fill('打印机内无纸张，确认未打出');
  await shot(page, 'staff-prints');
  await page.getByRole('button', { name: '未打印：营业执照（正本）' }).click();
  await expect(page.getByText('已核实：营业执照（正本）未打印，办事人可重新打印。')).toBeVisible();
  await expect(page.getByRole('heading', { name: '待核实（0）' })).toBeVisible();
  await leaveConsole(page);

  await startLicencePrint(page);
  await previewLicence(page);
  await page.getByRole('button', { name: '确认打印' }).click();
  await expect(page.getByText('请取走您的证照')).toBeVisible({ timeout: 20_000 });
  expect((await documents(page)).map((d) => d.title)).toContain('营业执照（正本）');
  const log = await auditLog(page);
  expect(log.find((e) => e.action === 'print-settled')).toMatchObject({
    after: { state: 'failed', note: '打印机内无纸张，确认未打出' },
  });
});

const SECTIONS = [
  ['事项目录', 'items'],
  ['导入 / 导出', 'import'],
  ['办公时间与节假日', 'hours'],
  ['终端设置', 'settings'],
  ['设备状态', 'devices'],
  ['打印记录', 'prints'],
  ['今日概况', 'today'],
  ['好差评', 'ratings'],
  ['审计日志', 'audit'],
] as const;

for (const elderly of [false, true]) {
  const theme = elderly ? 'elderly' : 'normal';
  test.describe(`${theme} theme`, () => {
    // axe injects its own script, which the kiosk's CSP would rightly refuse.
    test.use({ bypassCSP: true });

    test(`every console screen has no axe violations (${theme})`, PICTURES, async ({ page }) => {
      test.setTimeout(120_000);
      // The console keeps its own sizes in elderly mode: axe runs once, the pictures in both.
      if (elderly) skipWithoutShots();
      const axe = () => axeViolations(page, '.staff-console');
      await openKiosk(page, CONSOLE_KIOSK);
      if (elderly) await page.getByRole('button', { name: /长者模式/ }).click();
      await holdHallName(page);
      await expect(page.getByRole('heading', { name: '请输入管理密码' })).toBeVisible();
      await page
        .getByRole('group', { name: '密码键盘' })
        .getByRole('button', { name: '1' })
        .click();
      expect(await axe()).toEqual([]);
      await shot(page, `staff-pin-${theme}`);
      await page.getByRole('button', { name: '删除' }).click();
      await typePin(page, PIN);
      for (const [name, id] of SECTIONS) {
        await section(page, name);
        // The item list is long and axe is slow on it: the same rows, filtered to a few.
        if (id === 'items') await page.getByLabel('搜索事项（中文、拼音或首字母）').fill('sb');
        await expect(page.getByRole('region', { name })).toBeVisible();
        await expect(page.getByRole('region', { name })).not.toContainText('正在读取');
        expect(await axe(), name).toEqual([]);
        await shot(page, `staff-${id}-${theme}`, { fullPage: true });
      }
    });
  });
}

test('staff edit an item and add one; what the schema refuses is named and nothing is saved', async ({
  page,
}) => {
  await openKiosk(page, CONSOLE_KIOSK);
  await enterConsole(page);
  await page.getByRole('button', { name: `编辑：${SOCIAL_CARD}` }).click();
  const editor = page.getByRole('form', { name: `编辑事项：${SOCIAL_CARD}` });
  await editor.getByLabel('事项名称').fill('');
  await editor.getByLabel('承诺办结时限（工作日）').fill('400');
  await editor.getByRole('button', { name: '保存' }).click();
  const refused = editor.getByRole('alert');
  await expect(refused).toContainText('name');
  await expect(refused).toContainText('promisedDays');
  await editor.getByLabel('事项名称').fill('社会保障卡补领、换领（即时制卡）');
  await editor.getByLabel('承诺办结时限（工作日）').fill('1');
  await editor
    .getByLabel(/^申请材料/)
    .fill('申请人居民身份证｜原件｜1\n近期免冠彩色照片｜原件｜1｜白底');
  await shot(page, 'staff-item-edit', { fullPage: true });
  await editor.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存：社会保障卡补领、换领（即时制卡）')).toBeVisible();

  await page.getByRole('button', { name: '新增事项' }).click();
  const adding = page.getByRole('form', { name: '新增事项' });
  await adding.getByLabel(/^事项编码/).fill('SB-0006');
  await adding.getByRole('button', { name: '保存' }).click();
  await expect(adding.getByRole('alert')).toContainText('事项编码 SB-0006 已被使用');
  await adding.getByRole('button', { name: '取消' }).click();

  const log = await auditLog(page);
  expect(log.at(-1)).toMatchObject({
    action: 'item-change',
    subject: 'SB-0006',
    after: { name: '社会保障卡补领、换领（即时制卡）' },
  });
  expect(JSON.stringify(log.at(-1)?.after)).toContain('近期免冠彩色照片');
  await leaveConsole(page);
  await wake(page);
  await page.getByRole('button', { name: /^办事指南/ }).click();
  await expect(page.locator('.guide-list__name', { hasText: '（即时制卡）' })).toHaveCount(1);
});

test.describe('appointments', () => {
  // axe injects its own script, which the kiosk's CSP would rightly refuse.
  test.use({ bypassCSP: true });

  test('今日概况: staff move one appointment and cancel another, each with its reason', async ({
    page,
  }) => {
    // Monday 7 December 2026, 08:00 in the hall; appointments on Tuesday the 8th.
    await page.clock.install({ time: new Date('2026-12-07T08:00:00') });
    await openKiosk(page, CONSOLE_KIOSK);
    const booked = await page.evaluate(async () => [
      await window.kioskSim?.queue.book('real-estate', '2026-12-08', '09:30', '10:00'),
      await window.kioskSim?.queue.book('real-estate', '2026-12-08', '10:00', '10:30'),
    ]);
    expect(booked.every((id) => typeof id === 'string' && id.length > 12)).toBe(true);
    await enterConsole(page);
    await section(page, '今日概况');
    const tuesday = page.getByRole('table', { name: /12月8日/ });
    await expect(tuesday.getByRole('row')).toHaveCount(3);

    await tuesday.getByRole('button', { name: /^改期：.*09:30/ }).click();
    const move = page.getByRole('form', { name: /^预约改期：.*09:30/ });
    await move.getByRole('button', { name: '确认改期' }).click();
    await expect(move.getByRole('alert')).toHaveText('请填写原因。');
    await move.getByLabel('原因').fill('窗口人员调整');
    const slots = move.getByLabel('改到时段');
    const afternoon = await slots
      .locator('option', { hasText: /^14:00/ })
      .first()
      .getAttribute('value');
    await slots.selectOption(afternoon ?? '');
    await shot(page, 'staff-today-move');
    expect(await axeViolations(page, '.staff-console')).toEqual([]);
    await move.getByRole('button', { name: '确认改期' }).click();
    await expect(page.getByText(/已改期：.*09:30.*改到.*14:00/)).toBeVisible();
    await expect(tuesday).toContainText('已改期（原');

    await tuesday.getByRole('button', { name: /^取消：.*10:00/ }).click();
    const cancel = page.getByRole('form', { name: /^取消预约：.*10:00/ });
    await cancel.getByLabel('原因').fill('预约人来电取消');
    await cancel.getByRole('button', { name: '确认取消' }).click();
    await expect(tuesday).toContainText('已取消（预约人来电取消）');

    const log = (await auditLog(page)).filter((e) => e.action.startsWith('appointment-'));
    expect(log.map((e) => [e.action, e.subject])).toEqual([
      ['appointment-move', booked[0]],
      ['appointment-cancel', booked[1]],
    ]);
  });
});

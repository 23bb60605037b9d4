import { expect, test } from '@playwright/test';
import { openKiosk, PICTURES, shot, skipWithoutShots, SHOTS_DIR, wake } from './support';

// Pictures of each screen in both themes, for a person to look at (screenshots/, not committed).
// A portrait 1080×1920 terminal, the commonest shape in service halls, shot at half scale.
test.use({ viewport: { width: 1080, height: 1920 }, deviceScaleFactor: 0.5 });

skipWithoutShots();

for (const elderly of [false, true]) {
  const theme = elderly ? 'elderly' : 'normal';
  test(`screens in the ${theme} theme`, PICTURES, async ({ page }) => {
    // A short idle time: the warning, shot below, comes after 6 s rather than 25.
    await openKiosk(page, { idle: '12' });
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

for (const elderly of [false, true]) {
  const theme = elderly ? 'elderly' : 'normal';
  test(`身份证复印 and a paused tile in the ${theme} theme`, PICTURES, async ({ page }) => {
    await openKiosk(page, { idle: '120' });
    if (elderly) await page.getByRole('button', { name: /长者模式/ }).click();
    await wake(page);
    await page.evaluate(() => window.kioskSim?.fault('document', 'paper-out'));
    await shot(page, `home-paused-${theme}`);
    await page.evaluate(() => window.kioskSim?.clear('document'));
    await page.getByRole('button', { name: /^身份证复印/ }).click();
    await shot(page, `idcopy-place-${theme}`);
    await page.getByRole('button', { name: '拍摄' }).click();
    await page.getByRole('button', { name: '拍摄' }).click();
    await expect(page.getByText('请确认复印效果')).toBeVisible();
    await shot(page, `idcopy-preview-${theme}`);
    await page.evaluate(() => window.kioskSim?.fault('document', 'jam'));
    await page.getByRole('button', { name: '打印复印件' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await shot(page, `idcopy-failed-${theme}`);
    await page.evaluate(() => window.kioskSim?.clear('document'));
    await page.getByRole('button', { name: '重试打印' }).click();
    await expect(page.getByText('请取走您的复印件和身份证')).toBeVisible({ timeout: 15_000 });
    await shot(page, `idcopy-take-${theme}`);
  });
}

test('the simulator panel beside the kiosk', PICTURES, async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openKiosk(page, { sim: '1' });
  await page.evaluate(() => window.kioskSim?.idCard.insert('elderly-70'));
  await page.getByRole('button', { name: /^身份证复印/ }).click();
  await page.getByRole('button', { name: '拍摄' }).click();
  await page.getByRole('button', { name: '拍摄' }).click();
  await page.getByRole('button', { name: '打印复印件' }).click();
  await expect(page.getByTestId('printed')).toHaveCount(1, { timeout: 15_000 });
  await page.evaluate(() => window.kioskSim?.fault('receipt', 'paper-low'));
  await shot(page, 'simulator-panel');
});

for (const elderly of [false, true]) {
  const theme = elderly ? 'elderly' : 'normal';
  test(`取号 in the ${theme} theme`, PICTURES, async ({ page }) => {
    await page.clock.install({ time: new Date('2026-11-23T10:00:00') });
    await openKiosk(page, { idle: '120' });
    if (elderly) await page.getByRole('button', { name: /长者模式/ }).click();
    await wake(page);
    await page.getByRole('button', { name: /^取号/ }).click();
    await shot(page, `queue-services-${theme}`);
    await page.getByRole('button', { name: /税务办理/ }).click();
    await shot(page, `queue-card-optional-${theme}`);
    await page.evaluate(() => window.kioskSim?.idCard.insert('elderly-70'));
    await expect(page.getByText('您的号码')).toBeVisible({ timeout: 10_000 });
    await shot(page, `queue-number-${theme}`);
  });
}

for (const elderly of [false, true]) {
  const theme = elderly ? 'elderly' : 'normal';
  test(`预约 in the ${theme} theme`, PICTURES, async ({ page }) => {
    await page.clock.install({ time: new Date('2026-11-23T02:00:00') });
    await openKiosk(page, { idle: '300' });
    if (elderly) await page.getByRole('button', { name: /长者模式/ }).click();
    await wake(page);
    await page.getByRole('button', { name: /^取号/ }).click();
    await shot(page, `queue-after-hours-${theme}`);
    await page.getByRole('button', { name: '预约下一个工作日' }).click();
    await page.getByRole('button', { name: '税务办理' }).click();
    await shot(page, `appointment-slots-${theme}`);
    await page
      .getByRole('button', { name: /^10:00–10:30/ })
      .first()
      .click();
    await page.evaluate(() => window.kioskSim?.idCard.insert('adult'));
    for (const digit of '139') await page.getByRole('button', { name: digit, exact: true }).click();
    await shot(page, `appointment-keypad-${theme}`);
  });
}

for (const elderly of [false, true]) {
  const theme = elderly ? 'elderly' : 'normal';
  test(`证照打印 and 不动产查询 in the ${theme} theme`, PICTURES, async ({ page }) => {
    await openKiosk(page, { idle: '300' });
    if (elderly) await page.getByRole('button', { name: /长者模式/ }).click();
    await wake(page);
    await page.getByRole('button', { name: /^证照打印/ }).click();
    await shot(page, `licence-card-${theme}`);
    await page.evaluate(() => window.kioskSim?.idCard.insert('adult'));
    await expect(page.getByText('正在进行人脸核验，请保持不动…')).toBeVisible();
    await shot(page, `licence-face-${theme}`);
    await expect(page.getByRole('heading', { name: '请选择要打印的证照' })).toBeVisible({
      timeout: 15_000,
    });
    await shot(page, `licence-choose-${theme}`);
    await page.getByRole('button', { name: /北京青禾餐饮管理有限公司/ }).click();
    await expect(page.locator('.document-preview img').first()).toBeVisible();
    await shot(page, `licence-preview-${theme}`);
    await page.getByRole('button', { name: '确认打印' }).click();
    await expect(page.getByText('请取走您的证照')).toBeVisible({ timeout: 20_000 });
    await shot(page, `licence-take-${theme}`);
    await page.getByRole('button', { name: '完成' }).click();
    await wake(page); // a new visit starts in the standard theme
    if (elderly) await page.getByRole('button', { name: /长者模式/ }).click();
    await page.getByRole('button', { name: /^不动产查询/ }).click();
    await shot(page, `estate-district-${theme}`);
    for (const part of ['朝阳区', '建国路街道', '建国路88号院', '3号楼'])
      await page.getByRole('button', { name: part, exact: true }).click();
    await shot(page, `estate-room-${theme}`);
    await page.getByRole('button', { name: '2单元501', exact: true }).click();
    await expect(page.getByRole('heading', { name: '查询结果' })).toBeVisible();
    await shot(page, `estate-result-${theme}`);
  });
}

test('the printed licence, as the simulator tray shows the paper', PICTURES, async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openKiosk(page, { idle: '300', sim: '1' });
  await wake(page);
  await page.getByRole('button', { name: /^证照打印/ }).click();
  await page.evaluate(() => window.kioskSim?.idCard.insert('adult'));
  await page.getByRole('button', { name: /北京云杉数字科技有限公司/ }).click({ timeout: 15_000 });
  await page.getByRole('button', { name: '确认打印' }).click();
  await expect(page.getByText('请取走您的证照')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('printed')).toHaveCount(2);
  const paper = page.getByTestId('printed').first().locator('img').first();
  await expect(paper).toBeVisible();
  await paper.screenshot({ path: `${SHOTS_DIR}/licence-printed-original.png` });
  await shot(page, 'licence-printed-tray');
});

import { expect, test, type Page } from '@playwright/test';
import { attractButton, openKiosk, skipRating, wake } from './support';

const copyTile = (page: Page) => page.getByRole('button', { name: /^身份证复印/ });

test.describe('window.kioskSim', () => {
  test('a card placed on the reader wakes the kiosk', async ({ page }) => {
    await openKiosk(page);
    await page.evaluate(() => window.kioskSim?.idCard.insert('adult'));
    await expect(page.getByRole('heading', { name: '您好，请选择要办理的业务' })).toBeVisible();
    await page.evaluate(() => window.kioskSim?.idCard.remove());
  });

  test('a scanned code wakes the kiosk and a code nobody expects is explained', async ({
    page,
  }) => {
    await openKiosk(page);
    const delivered = await page.evaluate(() => window.kioskSim?.scanner.scan('HELLO-WORLD-1'));
    expect(delivered).toBe(true);
    await expect(page.getByRole('status').filter({ hasText: '无法识别该二维码' })).toBeVisible();
  });

  test('a jammed printer pauses its tile with the reason, and clearing it brings the tile back', async ({
    page,
  }) => {
    await openKiosk(page);
    await wake(page);
    await expect(copyTile(page)).toBeEnabled();
    await page.evaluate(() => window.kioskSim?.fault('document', 'jam'));
    await expect(copyTile(page)).toBeDisabled();
    await expect(page.getByText('文件打印机卡纸，身份证复印暂停服务')).toBeVisible();
    expect(await page.evaluate(() => window.kioskSim?.status().document)).toBe('jam');
    await page.evaluate(() => window.kioskSim?.clear('document'));
    await expect(copyTile(page)).toBeEnabled();
    await expect(page.getByText(/暂停服务/)).toHaveCount(0);
  });

  test('paper-low warns but the service goes on', async ({ page }) => {
    await openKiosk(page);
    await wake(page);
    await page.evaluate(() => window.kioskSim?.fault('document', 'paper-low'));
    await expect(copyTile(page)).toBeEnabled();
  });

  // One page per device: each fault in turn from attract, then cleared; a fresh page per fault
  // cost more than the checks themselves. Each fault is a step of its own in a failure's report.
  const pausingCopy = [
    ['document', 'paper-out', '文件打印机缺纸'],
    ['document', 'cover-open', '文件打印机机盖未关'],
    ['document', 'offline', '文件打印机未连接'],
    ['document', 'hardware-error', '文件打印机故障'],
    ['camera', 'offline', '高拍仪未连接'],
    ['camera', 'hardware-error', '高拍仪故障'],
  ] as const;
  for (const kind of ['document', 'camera'] as const) {
    const faults = pausingCopy.filter(([device]) => device === kind);
    test(`${kind} ${faults.map(([, fault]) => fault).join(', ')}: home says so and the rest of the kiosk stays usable`, async ({
      page,
    }) => {
      await openKiosk(page);
      for (const [device, fault, reason] of faults)
        await test.step(`${device} ${fault}`, async () => {
          await wake(page);
          await expect(page.getByText(/暂停服务/)).toHaveCount(0);
          await page.evaluate(([d, f]) => window.kioskSim?.fault(d, f), [device, fault] as const);
          await expect(page.getByText(`${reason}，身份证复印暂停服务`)).toBeVisible();
          await page.getByRole('button', { name: /切换语言/ }).click();
          await expect(
            page.getByRole('heading', { name: 'Hello, please choose a service' }),
          ).toBeVisible();
          await page.getByRole('button', { name: 'Finish' }).click();
          await page.getByRole('button', { name: 'Done' }).click();
          await expect(attractButton(page)).toBeVisible();
          await page.evaluate((d) => window.kioskSim?.clear(d), device);
        });
    });
  }

  const pausingOthers = [
    ['idCard', 'offline', '身份证阅读器未连接，预约暂停服务'],
    ['idCard', 'hardware-error', '身份证阅读器故障，预约暂停服务'],
    ['idCard', 'read-error', null],
    ['idCard', 'pull-mid-read', null],
    ['receipt', 'paper-out', '凭条打印机缺纸，取号暂停服务'],
    ['receipt', 'jam', '凭条打印机卡纸，取号暂停服务'],
    ['receipt', 'cover-open', '凭条打印机机盖未关，取号暂停服务'],
    ['receipt', 'offline', '凭条打印机未连接，取号暂停服务'],
    ['face', 'offline', '人脸识别设备未连接，证照打印暂停服务'],
    ['face', 'hardware-error', '人脸识别设备故障，证照打印暂停服务'],
    ['scanner', 'offline', null],
    ['scanner', 'hardware-error', null],
  ] as const;
  for (const kind of ['idCard', 'receipt', 'face', 'scanner'] as const) {
    const faults = pausingOthers.filter(([device]) => device === kind);
    test(`${kind} ${faults.map(([, fault]) => fault).join(', ')}: home says what pauses, if anything, and the rest stays usable`, async ({
      page,
    }) => {
      await openKiosk(page);
      for (const [device, fault, paused] of faults)
        await test.step(`${device} ${fault}`, async () => {
          await wake(page);
          await expect(page.getByText(/暂停服务/)).toHaveCount(0);
          await page.evaluate(([d, f]) => window.kioskSim?.fault(d, f), [device, fault] as const);
          if (paused) await expect(page.getByText(paused)).toBeVisible();
          else await expect(page.getByText(/暂停服务/)).toHaveCount(0);
          await expect(copyTile(page)).toBeEnabled();
          await page.getByRole('button', { name: '结束办理' }).click();
          await expect(page.getByRole('heading', { name: '感谢使用' })).toBeVisible();
          await page.locator('main').getByRole('button', { name: '完成' }).click();
          await expect(attractButton(page)).toBeVisible();
          await page.evaluate((d) => window.kioskSim?.clear(d), device);
        });
    });
  }
});

test.describe('身份证复印 through the simulator', () => {
  async function captureBoth(page: Page) {
    await copyTile(page).click();
    await expect(page.getByText('请将身份证正面朝上')).toBeVisible();
    await page.getByRole('button', { name: '拍摄' }).click();
    await expect(page.getByText('请将身份证翻面')).toBeVisible();
    await page.getByRole('button', { name: '拍摄' }).click();
    await expect(page.getByText('请确认复印效果')).toBeVisible();
    await expect(page.getByRole('img', { name: '正面' })).toBeVisible();
  }

  test('captures both sides and prints one A4 copy', async ({ page }) => {
    await openKiosk(page);
    await wake(page);
    await captureBoth(page);
    await page.getByRole('button', { name: '打印复印件' }).click();
    await expect(page.getByText('请取走您的复印件和身份证')).toBeVisible({ timeout: 15_000 });
    const printed = await page.evaluate(() => window.kioskSim?.printed());
    expect(printed).toHaveLength(1);
    expect(printed?.[0]).toMatchObject({ device: 'document', title: '身份证复印件' });
    expect(printed?.[0]?.text).toContain('仅供办理政务服务使用');
    await page.getByRole('button', { name: '完成' }).click();
    // A copy made is offered for rating (好差评).
    await expect(page.getByText('您对本次“身份证复印”服务满意吗？')).toBeVisible();
    await skipRating(page);
    await expect(page.getByRole('heading', { name: '感谢使用' })).toBeVisible();
  });

  test('out of paper mid-print: the kiosk says so, keeps the copy, and prints once after the fix', async ({
    page,
  }) => {
    await openKiosk(page);
    await wake(page);
    await captureBoth(page);
    await page.evaluate(() => window.kioskSim?.fault('document', { slow: 1500 }));
    await page.getByRole('button', { name: '打印复印件' }).click();
    await expect(page.getByText('正在打印')).toBeVisible();
    await page.evaluate(() => window.kioskSim?.fault('document', 'paper-out'));
    await expect(page.getByRole('alert')).toHaveText('打印机缺纸。');
    await expect(page.getByText('复印件未能打印')).toBeVisible();
    await page.evaluate(() => window.kioskSim?.clear('document'));
    await page.getByRole('button', { name: '重试打印' }).click();
    await expect(page.getByText('请取走您的复印件和身份证')).toBeVisible({ timeout: 15_000 });
    expect(await page.evaluate(() => window.kioskSim?.printed().length)).toBe(1);
  });

  test('a camera that fails says so, and Back and Home leave the flow', async ({ page }) => {
    await openKiosk(page);
    await wake(page);
    await copyTile(page).click();
    await page.evaluate(() => window.kioskSim?.fault('camera', 'read-error'));
    await page.getByRole('button', { name: '拍摄' }).click();
    await expect(page.getByRole('alert')).toHaveText('设备出现故障。');
    await page.evaluate(() => window.kioskSim?.clear('camera'));
    await page.getByRole('button', { name: '拍摄' }).click();
    await expect(page.getByText('请将身份证翻面')).toBeVisible();
    await page.getByRole('button', { name: '上一步' }).click();
    await expect(page.getByText('请将身份证正面朝上')).toBeVisible();
    await page.getByRole('button', { name: '返回首页' }).click();
    await expect(copyTile(page)).toBeVisible();
  });
});

test.describe('the simulator panel', () => {
  test('opens from ?sim=1 and drives the devices with its buttons', async ({ page }) => {
    await openKiosk(page, { sim: '1' });
    const panel = page.getByRole('region', { name: /设备模拟器/ });
    await expect(panel).toBeVisible();
    const documentCard = panel.locator('[data-device="document"]');
    await panel.getByRole('combobox', { name: /测试人员/ }).selectOption({ index: 2 });
    await panel.getByRole('button', { name: /放卡/ }).click();
    await expect(page.getByRole('heading', { name: '您好，请选择要办理的业务' })).toBeVisible();
    await expect(panel.getByText(/卡在读卡区/)).toBeVisible();
    await documentCard.getByRole('button', { name: 'jam' }).click();
    await expect(documentCard.getByTestId('status-document')).toHaveText('jam');
    await expect(copyTile(page)).toBeDisabled();
    await documentCard.getByRole('button', { name: /清除故障/ }).click();
    await expect(copyTile(page)).toBeEnabled();
    await panel.getByRole('textbox', { name: /码内容/ }).fill('CODE-123');
    await panel.getByRole('button', { name: /扫码/ }).click();
    await expect(page.getByText('无法识别该二维码')).toBeVisible();
  });

  test('opens and closes from its small button, and shows printed paper in its tray', async ({
    page,
  }) => {
    await openKiosk(page);
    await page.getByRole('button', { name: /打开设备模拟器/ }).click();
    const panel = page.getByRole('region', { name: /设备模拟器/ });
    await expect(panel).toBeVisible();
    await wake(page);
    await copyTile(page).click();
    await page.getByRole('button', { name: '拍摄' }).click();
    await page.getByRole('button', { name: '拍摄' }).click();
    await page.getByRole('button', { name: '打印复印件' }).click();
    await expect(panel.getByTestId('printed')).toHaveCount(1, { timeout: 15_000 });
    await expect(panel.getByRole('img', { name: /身份证复印件/ })).toBeVisible();
    await panel.getByRole('button', { name: /收起/ }).click();
    await expect(panel).toBeHidden();
  });
});

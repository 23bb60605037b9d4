import { expect, test, type Page } from '@playwright/test';
import { openKiosk, wake } from './support';

const documents = (page: Page) =>
  page.evaluate(() => window.kioskSim?.printed().filter((p) => p.device === 'document') ?? []);

async function startLicencePrint(page: Page, person = 'adult') {
  await wake(page);
  await page.getByRole('button', { name: /^证照打印/ }).click();
  await expect(page.getByText('请将身份证放在读卡区')).toBeVisible();
  await page.evaluate((p) => window.kioskSim?.idCard.insert(p), person);
  await expect(page.getByRole('heading', { name: '请选择要打印的证照' })).toBeVisible({
    timeout: 15_000,
  });
}

test('a legal representative prints 1 正本 + 1 副本; after a reload a second try prints nothing more', async ({
  page,
}) => {
  await openKiosk(page);
  await startLicencePrint(page);
  await page.getByRole('button', { name: /北京云杉数字科技有限公司/ }).click();
  await expect(page.getByText('共 2 张')).toBeVisible();
  await expect(page.locator('.document-preview img')).toHaveCount(2);
  // The preview shows bitmaps drawn while the list was shown (issue 16), not the SVG pages.
  const shown = await page
    .locator('.document-preview img')
    .evaluateAll((images) => images.map((i) => (i as HTMLImageElement).src));
  expect(shown.every((src) => src.startsWith('blob:'))).toBe(true);
  await page.getByRole('button', { name: '确认打印' }).click();
  await expect(page.getByText('请取走您的证照')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('已打印 2 张。')).toBeVisible();
  await page.getByRole('button', { name: '完成' }).click();
  // The flow is over: the bitmaps of the citizen's licence are gone with it (an image of a
  // revoked object URL no longer loads; fetch() could not tell: the CSP refuses it blob: URLs).
  await expect
    .poll(() =>
      page.evaluate(
        (urls) =>
          Promise.all(
            urls.map(
              (url) =>
                new Promise<string>((resolve) => {
                  const image = new Image();
                  image.onload = () => resolve('kept');
                  image.onerror = () => resolve('revoked');
                  image.src = url;
                }),
            ),
          ),
        shown,
      ),
    )
    .toEqual(['revoked', 'revoked']);

  const printed = await documents(page);
  expect(printed.map((d) => d.title)).toEqual(['营业执照（正本）', '营业执照（副本）']);
  const code = printed[0]?.text.match(/统一社会信用代码 (\w{18})/)?.[1] ?? '';
  expect(code).toMatch(/^91110105/);
  for (const d of printed) {
    expect(d.text).toContain('北京云杉数字科技有限公司');
    expect(d.text).toContain(code);
    expect(d.qr).toEqual([`https://registry.example/verify/${code}`]);
  }
  const history = await page.evaluate((c) => window.kioskSim?.journal.historyOf(c), code);
  expect(history?.map((h) => h.state)).toEqual(['confirmed', 'confirmed']);

  // A reload (the journal is the kiosk's own and survives it), and the same person tries again.
  await page.reload();
  await expect(page.getByRole('button', { name: /轻触屏幕开始办理/ })).toBeVisible();
  await startLicencePrint(page);
  await expect(
    page.getByRole('button', { name: /北京云杉数字科技有限公司/ }).getByText('已打印'),
  ).toBeVisible();
  await page.getByRole('button', { name: /北京云杉数字科技有限公司/ }).click();
  await expect(page.getByText(/已打印，如需补打请到窗口申请/)).toBeVisible();
  expect(await documents(page)).toEqual([]);
});

test('three failed face checks end politely, pointing to a window in office hours', async ({
  page,
}) => {
  await openKiosk(page);
  await wake(page);
  await page.getByRole('button', { name: /^证照打印/ }).click();
  await page.evaluate(() => {
    window.kioskSim?.face.next('mismatch');
    window.kioskSim?.idCard.insert('adult');
  });
  for (const left of [2, 1]) {
    await expect(page.getByText(`人脸核验未通过，还可以再试 ${left} 次。`)).toBeVisible({
      timeout: 10_000,
    });
    await page.evaluate(() => window.kioskSim?.face.next('mismatch'));
    await page.getByRole('button', { name: '再试一次' }).click();
  }
  await expect(page.getByRole('heading', { name: '未能核验您的身份' })).toBeVisible({
    timeout: 10_000,
  });
  await expect(page.getByText(/在办公时间到窗口办理/)).toBeVisible();
  await page.getByRole('button', { name: '我知道了' }).click();
  await expect(page.getByRole('heading', { name: '感谢使用' })).toBeVisible();
  expect(await documents(page)).toEqual([]);
});

test('anyone looks up an address: the seizure shows, the owner does not; the result prints with a QR', async ({
  page,
}) => {
  await openKiosk(page);
  await wake(page);
  await page.getByRole('button', { name: /^不动产查询/ }).click();
  for (const part of ['朝阳区', '建国路街道', '建国路88号院', '3号楼', '2单元502'])
    await page.getByRole('button', { name: part, exact: true }).click();
  await expect(page.getByRole('heading', { name: '查询结果' })).toBeVisible();
  await expect(page.getByText(/已查封（北京市朝阳区人民法院/)).toBeVisible();
  await expect(page.getByText('权利人信息，仅向权利人本人提供。')).toBeVisible();
  await expect(page.getByText('李明')).toHaveCount(0);
  await page.getByRole('button', { name: '打印查询结果' }).click();
  await expect(page.getByText('请取走您的查询结果')).toBeVisible({ timeout: 15_000 });
  const [result] = await documents(page);
  expect(result?.title).toBe('不动产登记信息查询结果');
  expect(result?.text).toContain('已查封');
  expect(result?.text).not.toContain('李明');
  expect(result?.qr[0]).toContain('110105003001GB00012F00030502');
});

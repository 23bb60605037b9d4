import { describe, expect, it } from 'vitest';
import { guideDocument, guideSections, guideUrl } from '../../../domain';
import { catalogItem } from '../../support/catalogItems';

const options = {
  hallName: '示范县政务服务中心',
  url: 'https://hall.example/guide/SB-0001',
  printedAt: '2026-12-02 10:00',
  kioskId: 'K-01',
};

describe('the service guide', () => {
  it('tells every field of the item, on screen and on paper alike', () => {
    const item = catalogItem({
      fees: [{ name: '工本费', yuan: 20, basis: '发改价格〔2003〕2322号' }],
      materials: [
        { name: '居民身份证', form: 'original', copies: 0 },
        { name: '户口簿', form: 'copy', copies: 1, notes: '首页和本人页' },
      ],
      legalDays: 5,
      promisedDays: 0,
    });
    const shown = guideSections(item).flatMap((s) => s.lines);
    expect(shown).toEqual(
      expect.arrayContaining([
        '自然人',
        '一证可办：凭居民身份证即可办理。',
        '可在本自助终端办理，当场打印社会保险个人参保证明。',
        '在本县参加社会保险的人员',
        '1. 居民身份证（原件）',
        '2. 户口簿（复印件 1 份）：首页和本人页',
        '1. 刷身份证',
        '法定办结时限：5 个工作日',
        '承诺办结时限：当场办结',
        '工本费 20 元（依据：发改价格〔2003〕2322号）',
        '3号窗口（社保）',
        '县政务服务中心一楼',
        '工作日 9:00–17:00',
        '咨询电话：0000-6601234',
        '投诉电话：12345',
        '《中华人民共和国社会保险法》第七十四条',
      ]),
    );
    const printed = guideDocument(item, options);
    for (const line of shown) expect(printed.text).toContain(line);
    expect(printed.qr).toEqual([options.url]);
    expect(printed.paper).toBe('A4');
  });

  it('goes on to more pages when long, numbering them', () => {
    const item = catalogItem({
      conditions: Array.from(
        { length: 30 },
        (_, i) => `条件${i + 1}：${'很长的条件说明'.repeat(12)}`,
      ),
    });
    const printed = guideDocument(item, options);
    expect(printed.pages.length).toBeGreaterThan(1);
    expect(printed.pages.at(-1)).toContain(
      `第 ${printed.pages.length} 页 共 ${printed.pages.length} 页`,
    );
    for (let i = 1; i <= 30; i += 1) expect(printed.text).toContain(`条件${i}：`);
  });

  it('draws markup in a name as text', () => {
    const printed = guideDocument(catalogItem({ name: '<script>alert(1)</script>' }), options);
    expect(printed.pages[0]).toContain('&lt;script&gt;');
    expect(printed.pages[0]).not.toContain('<script>');
  });

  it('opens the same guide on a phone', () => {
    expect(guideUrl('https://hall.example/', catalogItem({ code: 'BDC-0001' }))).toBe(
      'https://hall.example/guide/BDC-0001',
    );
  });
});

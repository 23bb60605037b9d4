import { describe, expect, it } from 'vitest';
import { must } from '../../support/must';
import { encode } from 'uqr';
import {
  businessLicencePage,
  copyLabel,
  isValidCreditCode,
  isValidIdNumber,
  qrSvg,
  realEstatePage,
  realEstateViewFor,
  sheetKey,
  sheetsOf,
  wrapText,
  type LicenceIssuance,
} from '../../../domain';
import { SEED_ENTERPRISES, SEED_REAL_ESTATE, creditCodeFor } from '../../../stores/registry';
import { pageOrientation } from '../../../device-adapters/document/pageOrientation';

const issuance: LicenceIssuance = {
  id: 'ISS-1',
  creditCode: '91350100M000100Y43',
  reason: 'new',
  issuedOn: '2026-11-20',
  originals: 1,
  duplicates: 2,
  verifyUrl: 'https://registry.example/verify/ISS-1',
  reprints: [
    {
      id: 'R1',
      copy: 'duplicate',
      index: 2,
      authorisedBy: '王敏',
      authorisedAt: '2026-11-22T09:00:00Z',
    },
  ],
};

describe('licence sheets and their journal keys', () => {
  it('lists 正本 then 副本 then the authorised reprints, each with its own key', () => {
    const sheets = sheetsOf(issuance);
    expect(sheets.map(sheetKey)).toEqual([
      'licence:ISS-1:original-1',
      'licence:ISS-1:duplicate-1',
      'licence:ISS-1:duplicate-2',
      'licence:ISS-1:duplicate-2:reprint-R1',
    ]);
    expect(copyLabel('original', 1, 1)).toBe('正本');
    expect(copyLabel('duplicate', 2, 2)).toBe('副本（2）');
  });
});

describe('the seed registry', () => {
  it('has valid unified social credit codes (GB 32100) and valid ID numbers (GB 11643)', () => {
    for (const seed of SEED_ENTERPRISES) {
      expect(isValidCreditCode(seed.enterprise.creditCode), seed.enterprise.name).toBe(true);
      for (const person of seed.people) expect(isValidIdNumber(person.idNumber)).toBe(true);
    }
    for (const record of SEED_REAL_ESTATE) {
      expect(record.unitNumber).toHaveLength(28);
      for (const owner of record.owners) expect(isValidIdNumber(owner.idNumber)).toBe(true);
    }
    // The organisation code inside carries its own GB 11714 check character.
    expect(creditCodeFor('110105', 'MA01YT7K')).toMatch(/^91110105MA01YT7K[0-9X][0-9A-Y]$/);
  });

  it('has an address with a seizure and one with a mortgage', () => {
    expect(SEED_REAL_ESTATE.some((r) => r.seizures.length > 0)).toBe(true);
    expect(SEED_REAL_ESTATE.some((r) => r.mortgages.length > 0)).toBe(true);
  });
});

describe('realEstateViewFor', () => {
  const mortgaged = must(SEED_REAL_ESTATE.find((r) => r.mortgages.length > 0));
  const owner = must(mortgaged.owners[0]).idNumber;

  it('shows the public part to anyone and the owners to an owner only', () => {
    const anyone = realEstateViewFor(mortgaged, null);
    expect(anyone).toMatchObject({ owners: null, certificateNumber: null, viewerIsOwner: false });
    expect(anyone.mortgages[0]?.amount).toBeNull();
    expect(JSON.stringify(anyone)).not.toContain(owner);
    const stranger = realEstateViewFor(mortgaged, '11010519491231002X');
    expect(stranger.owners).toBeNull();
    const theOwner = realEstateViewFor(mortgaged, owner);
    expect(theOwner.viewerIsOwner).toBe(true);
    expect(theOwner.owners?.[0]?.maskedId).not.toBe(owner);
    expect(JSON.stringify(theOwner)).not.toContain(owner);
    expect(theOwner.certificateNumber).toBe(mortgaged.certificateNumber);
  });

  it('prints owners only on the owner’s page', () => {
    const page = realEstatePage(
      realEstateViewFor(mortgaged, null),
      'CX1',
      '2026/11/23 10:00',
      'k1',
    );
    expect(page.text).not.toContain(must(mortgaged.owners[0]).name);
    expect(page.text).toContain('已抵押');
    expect(page.qr).toEqual([mortgaged.verifyUrl]);
  });
});

describe('wrapText', () => {
  it('counts CJK as one and Latin as half, and never starts a line with closing punctuation', () => {
    expect(wrapText('一二三四五六', 4)).toEqual(['一二三四', '五六']);
    expect(wrapText('abcdefgh一', 2)).toEqual(['abcd', 'efgh', '一']);
    expect(wrapText('一二三四）五', 4)).toEqual(['一二三四）', '五']);
  });
});

describe('qrSvg', () => {
  it('draws exactly the dark modules of the QR code of its data', () => {
    const svg = qrSvg('https://registry.example/verify/X', 0, 0, 30);
    const { data } = encode('https://registry.example/verify/X', { ecc: 'M', border: 2 });
    const dark = data.flat().filter(Boolean).length;
    expect(svg.match(/h1v1h-1z/g)).toHaveLength(dark);
  });

  it('draws each code as itself however many others were drawn in between (the encoding is cached)', () => {
    const darkOf = (text: string) =>
      encode(text, { ecc: 'M', border: 2 }).data.flat().filter(Boolean).length;
    const texts = Array.from({ length: 12 }, (_, i) => `https://registry.example/verify/${i}`);
    for (const round of [0, 1])
      for (const text of texts) {
        const svg = qrSvg(text, round, 0, 30);
        expect(svg).toContain(`translate(${round} 0)`);
        expect(svg.match(/h1v1h-1z/g)).toHaveLength(darkOf(text));
      }
    expect(qrSvg(must(texts[3]), 0, 0, 30)).toBe(qrSvg(must(texts[3]), 0, 0, 30));
    expect(qrSvg(must(texts[3]), 0, 0, 30)).not.toBe(qrSvg(must(texts[4]), 0, 0, 30));
  });
});

describe('businessLicencePage', () => {
  const seed = must(SEED_ENTERPRISES[0]);
  const [original, duplicate] = sheetsOf({ ...must(seed.issuances[0]), reprints: [] });

  it('lays the 正本 on landscape A3 licence paper and the 副本 on landscape A4', () => {
    const page = businessLicencePage(
      seed.enterprise,
      { ...must(seed.issuances[0]), reprints: [] },
      must(original),
      {
        stationery: true,
      },
    );
    expect(page.paper).toBe('licence');
    expect(pageOrientation(must(page.pages[0]))).toBe('landscape');
    expect(page.pages[0]).toContain('width="420mm"');
    const copy = businessLicencePage(
      seed.enterprise,
      { ...must(seed.issuances[0]), reprints: [] },
      must(duplicate),
      {
        stationery: true,
      },
    );
    expect(copy.paper).toBe('A4');
    expect(copy.pages[0]).toContain('width="297mm"');
    expect(copy.title).toBe('营业执照（副本）');
  });

  it('carries the name, the credit code, the QR and the facts; escapes what it prints', () => {
    const page = businessLicencePage(
      { ...seed.enterprise, name: 'A&B <商贸> 有限公司' },
      { ...must(seed.issuances[0]), reprints: [] },
      must(original),
      { stationery: false },
    );
    expect(page.pages[0]).toContain('A&amp;B &lt;商贸&gt; 有限公司');
    expect(page.pages[0]).toContain(seed.enterprise.creditCode);
    expect(page.pages[0]).not.toContain('class="stationery"');
    expect(page.qr).toEqual([must(seed.issuances[0]).verifyUrl]);
    for (const label of [
      '名称',
      '类型',
      '法定代表人',
      '经营范围',
      '注册资本',
      '成立日期',
      '住所',
      '登记机关',
    ])
      expect(page.pages[0]).toContain(label);
  });
});

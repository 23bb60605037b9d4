import { describe, expect, it } from 'vitest';
import { ageOn, checkIdCard } from '../../../domain/idCardCheck';
import type { IdCardRecord } from '../../../domain/idCardRecord';
import { idCheckCharacter } from '../../../domain/idNumber';

const TODAY = '2025-06-01';

function numberFor(first17: string): string {
  return first17 + idCheckCharacter(first17);
}

const RESIDENT: IdCardRecord = {
  cardType: 'resident',
  name: '王芳',
  sex: 'F',
  nation: '汉',
  birthDate: '1949-12-31',
  idNumber: '11010519491231002X',
  issuer: '北京市公安局朝阳分局',
  validFrom: '2010-03-01',
  validTo: '长期',
};

const FOREIGN: IdCardRecord = {
  cardType: 'foreign-permanent',
  name: 'ALEXANDRA PAPADOPOULOU',
  nameEn: 'ALEXANDRA PAPADOPOULOU',
  sex: 'F',
  birthDate: '1985-06-12',
  idNumber: numberFor('93130019850612002'),
  issuer: '国家移民管理局',
  validFrom: '2024-01-10',
  validTo: '2034-01-10',
};

const PERMIT: IdCardRecord = {
  cardType: 'hmt-residence-permit',
  name: '陈家明',
  sex: 'M',
  birthDate: '1986-02-14',
  idNumber: numberFor('81000019860214071'),
  issuer: '深圳市公安局',
  validFrom: '2023-05-20',
  validTo: '2028-05-20',
};

describe('checkIdCard', () => {
  it('accepts valid cards of all three types', () => {
    expect(checkIdCard(RESIDENT, TODAY)).toEqual({ ok: true });
    expect(checkIdCard(FOREIGN, TODAY)).toEqual({ ok: true });
    expect(checkIdCard(PERMIT, TODAY)).toEqual({ ok: true });
  });

  it("reports 'bad-number' for a wrong check character", () => {
    expect(checkIdCard({ ...RESIDENT, idNumber: '110105194912310021' }, TODAY)).toEqual({
      ok: false,
      problem: 'bad-number',
    });
  });

  it("reports 'bad-number' for a number whose birth date is impossible", () => {
    const record = {
      ...RESIDENT,
      idNumber: numberFor('11010119900230001'),
      birthDate: '1990-02-30',
    };
    expect(checkIdCard(record, TODAY)).toEqual({ ok: false, problem: 'bad-number' });
  });

  it("reports 'number-type-mismatch' when the number belongs to another card type", () => {
    expect(checkIdCard({ ...RESIDENT, cardType: 'foreign-permanent' }, TODAY)).toEqual({
      ok: false,
      problem: 'number-type-mismatch',
    });
    expect(checkIdCard({ ...FOREIGN, cardType: 'resident' }, TODAY)).toEqual({
      ok: false,
      problem: 'number-type-mismatch',
    });
    expect(checkIdCard({ ...PERMIT, cardType: 'resident' }, TODAY)).toEqual({
      ok: false,
      problem: 'number-type-mismatch',
    });
  });

  it("reports 'bad-birth-date' when the printed birth date differs from the number's", () => {
    expect(checkIdCard({ ...RESIDENT, birthDate: '1949-12-30' }, TODAY)).toEqual({
      ok: false,
      problem: 'bad-birth-date',
    });
    expect(checkIdCard({ ...PERMIT, birthDate: '1986-02-15' }, TODAY)).toEqual({
      ok: false,
      problem: 'bad-birth-date',
    });
  });

  it("reports 'bad-birth-date' for a birth date that is no date", () => {
    expect(checkIdCard({ ...RESIDENT, birthDate: '1949-13-31' }, TODAY)).toEqual({
      ok: false,
      problem: 'bad-birth-date',
    });
    expect(checkIdCard({ ...RESIDENT, birthDate: '19491231' }, TODAY)).toEqual({
      ok: false,
      problem: 'bad-birth-date',
    });
  });

  it("reports 'bad-dates' for validity dates that are no dates or out of order", () => {
    const cases: Partial<IdCardRecord>[] = [
      { validFrom: '2010-02-30' },
      { validTo: 'forever' },
      { validFrom: '2020-01-01', validTo: '2019-12-31' },
      { validFrom: '1940-01-01', validTo: '2030-01-01' },
    ];
    for (const change of cases) {
      expect(checkIdCard({ ...RESIDENT, ...change }, TODAY), JSON.stringify(change)).toEqual({
        ok: false,
        problem: 'bad-dates',
      });
    }
  });

  it("reports 'not-yet-valid' before validFrom, and accepts from that day", () => {
    const record = { ...PERMIT, validFrom: '2025-06-02', validTo: '2030-06-02' };
    expect(checkIdCard(record, TODAY)).toEqual({ ok: false, problem: 'not-yet-valid' });
    expect(checkIdCard(record, '2025-06-02')).toEqual({ ok: true });
  });

  it("reports 'expired' after validTo, and accepts on validTo itself", () => {
    const record = { ...PERMIT, validFrom: '2020-06-01', validTo: '2025-05-31' };
    expect(checkIdCard(record, TODAY)).toEqual({ ok: false, problem: 'expired' });
    expect(checkIdCard(record, '2025-05-31')).toEqual({ ok: true });
  });

  it('never expires a 长期 card', () => {
    expect(checkIdCard(RESIDENT, '2099-12-31')).toEqual({ ok: true });
  });
});

describe('ageOn', () => {
  it('counts whole years, going up on the birthday itself', () => {
    expect(ageOn('1955-06-01', '2025-05-31')).toBe(69);
    expect(ageOn('1955-06-01', '2025-06-01')).toBe(70);
    expect(ageOn('1955-06-01', '2025-06-02')).toBe(70);
    expect(ageOn('2025-06-01', '2025-06-01')).toBe(0);
  });

  it('makes someone born on 29 February a year older on 1 March in common years', () => {
    expect(ageOn('2008-02-29', '2025-02-28')).toBe(16);
    expect(ageOn('2008-02-29', '2025-03-01')).toBe(17);
    expect(ageOn('2008-02-29', '2024-02-29')).toBe(16);
    expect(ageOn('2008-02-29', '2024-02-28')).toBe(15);
  });

  it('refuses dates that are not real dates', () => {
    expect(() => ageOn('1990-02-30', TODAY)).toThrow(/two real YYYY-MM-DD dates/);
  });
});

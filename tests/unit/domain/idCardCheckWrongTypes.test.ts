import { describe, expect, it } from 'vitest';
import { checkIdCard } from '../../../domain/idCardCheck';
import type { IdCardRecord } from '../../../domain/idCardRecord';
import { calendarParts } from '../../../domain/calendarDate';
import { birthDateOf, idNumberCardType, isValidIdNumber } from '../../../domain/idNumber';

// Found by the fuzz tests (tests/fuzz/idCardCheck.fuzz.test.ts): RegExp.test and RegExp.exec
// read a number or an array as its text, so a record of the wrong types passed the shape checks.
const CARD: IdCardRecord = {
  cardType: 'resident',
  name: '王芳',
  sex: 'F',
  birthDate: '1949-12-31',
  idNumber: '11010519491231002X',
  issuer: '北京市公安局朝阳分局',
  validFrom: '2010-03-01',
  validTo: '2030-03-01',
};
const TODAY = '2025-06-01';
const retyped = (field: keyof IdCardRecord, value: unknown) =>
  ({ ...CARD, [field]: value }) as unknown as IdCardRecord;

describe('checkIdCard with values of the wrong type', () => {
  it('refuses a number read as a number or wrapped in an array, without throwing', () => {
    expect(checkIdCard(CARD, TODAY)).toEqual({ ok: true });
    // seed -230053036: TypeError: idNumber.startsWith is not a function
    expect(checkIdCard(retyped('idNumber', ['110105198806150131']), TODAY)).toEqual({
      ok: false,
      problem: 'bad-number',
    });
    expect(checkIdCard(retyped('idNumber', Number('110105198806150131')), TODAY)).toEqual({
      ok: false,
      problem: 'bad-number',
    });
  });

  it('refuses validity dates wrapped in an array instead of accepting them', () => {
    // seed 1021487252: validTo ["2026-11-23"] was accepted as a date
    expect(checkIdCard(retyped('validTo', ['2030-03-01']), TODAY)).toEqual({
      ok: false,
      problem: 'bad-dates',
    });
    expect(checkIdCard(retyped('validFrom', ['2010-03-01']), TODAY)).toEqual({
      ok: false,
      problem: 'bad-dates',
    });
  });

  it('the number and date helpers take only text', () => {
    const wrapped = ['11010519491231002X'] as unknown as string;
    expect(idNumberCardType(wrapped)).toBeUndefined();
    expect(isValidIdNumber(wrapped, TODAY)).toBe(false);
    expect(() => birthDateOf(wrapped)).toThrow(/takes an 18-character ID number/);
    expect(calendarParts(['2010-03-01'] as unknown as string)).toBeUndefined();
  });
});

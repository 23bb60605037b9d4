import { describe, expect, it } from 'vitest';
import {
  ageOn,
  calendarDateOf,
  checkIdCard,
  idNumberCardType,
  isValidIdNumber,
  sexOf,
} from '../../../domain';
import { TEST_PERSONS, findTestPerson } from '../../../device-adapters/mock';

const today = calendarDateOf(new Date());
const INVALID = ['invalid-check', 'invalid-date'];

describe('test persons', () => {
  it('are at least 12, with unique slugs and Chinese labels', () => {
    expect(TEST_PERSONS.length).toBeGreaterThanOrEqual(12);
    const ids = TEST_PERSONS.map((person) => person.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const person of TEST_PERSONS) {
      expect(person.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(person.label).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('all pass the card check today, except the expired and the deliberately invalid ones', () => {
    for (const person of TEST_PERSONS) {
      if (person.id === 'expired' || INVALID.includes(person.id)) continue;
      expect(checkIdCard(person.record, today), person.id).toEqual({ ok: true });
      expect(sexOf(person.record.idNumber), person.id).toBe(person.record.sex);
    }
  });

  it('label the invalid cards as such, and they fail the check for their number', () => {
    for (const id of INVALID) {
      const person = findTestPerson(id);
      expect(person.label).toContain('无效');
      expect(isValidIdNumber(person.record.idNumber, today)).toBe(false);
      expect(checkIdCard(person.record, today)).toEqual({ ok: false, problem: 'bad-number' });
    }
    expect(findTestPerson('invalid-date').record.birthDate).toBe('1990-02-30');
    expect(findTestPerson('invalid-date').record.idNumber.slice(6, 14)).toBe('19900230');
  });

  it('include an expired card', () => {
    expect(checkIdCard(findTestPerson('expired').record, today)).toEqual({
      ok: false,
      problem: 'expired',
    });
  });

  it('have the ages their slugs promise, whatever day it is', () => {
    expect(ageOn(findTestPerson('minor-15').record.birthDate, today)).toBe(15);
    expect(ageOn(findTestPerson('senior-60').record.birthDate, today)).toBe(60);
    expect(ageOn(findTestPerson('elderly-70').record.birthDate, today)).toBe(70);
  });

  it('cover the names and cards the screens must cope with', () => {
    expect(findTestPerson('dot-name').record.name).toContain('·');
    expect(findTestPerson('rare-char').record.name).toBe('王䶮');
    expect(findTestPerson('x-check').record.idNumber).toMatch(/X$/);
    expect(findTestPerson('long-term').record.validTo).toBe('长期');
    expect(findTestPerson('elderly-70').record.validTo).toBe('长期');

    const foreign = findTestPerson('foreign-long-name').record;
    expect(foreign.cardType).toBe('foreign-permanent');
    expect(foreign.idNumber).toMatch(/^9/);
    expect(idNumberCardType(foreign.idNumber)).toBe('foreign-permanent');
    expect(foreign.nameEn?.length).toBeGreaterThan(30);

    expect(findTestPerson('hk-permit').record.idNumber).toMatch(/^810000/);
    expect(findTestPerson('tw-permit').record.idNumber).toMatch(/^830000/);
  });

  it('carry a generated SVG photo each, and no external file', () => {
    for (const person of TEST_PERSONS) {
      expect(person.record.photo).toMatch(/^data:image\/svg\+xml;charset=utf-8,/);
      expect(decodeURIComponent(person.record.photo ?? '')).toContain('<svg');
    }
  });

  it('tell the slugs there are when one is mistyped', () => {
    expect(() => findTestPerson('elderly-07')).toThrow(
      /No test person 'elderly-07'; there are: adult/,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPhone } from '../../../domain/masking';

describe('maskIdNumber', () => {
  it('keeps the first 4 and the last 4 characters of an 18-character number', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  });

  it('masks a short string whole', () => {
    expect(maskIdNumber('12345678')).toBe('********');
    expect(maskIdNumber('')).toBe('');
  });
});

describe('maskName', () => {
  it('keeps the first character of a two-character name', () => {
    expect(maskName('张三')).toBe('张*');
  });

  it('keeps the first and last characters of longer names', () => {
    expect(maskName('张小明')).toBe('张*明');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
  });

  it('keeps the middle dot of transcribed names', () => {
    expect(maskName('买买提·艾力')).toBe('买**·*力');
  });

  it('counts a character outside the BMP as one', () => {
    // 𠮷 (U+20BB7) is two UTF-16 code units.
    expect(maskName('𠮷田')).toBe('𠮷*');
    expect(maskName('王𠮷明')).toBe('王*明');
    expect(maskName('王䶮')).toBe('王*');
  });

  it('keeps a one-character name', () => {
    expect(maskName('林')).toBe('林');
  });

  it('keeps the first letter of each word of a Latin-letter name', () => {
    expect(maskName('John Smith')).toBe('J*** S****');
    expect(maskName('ALEXANDRA PAPADOPOULOU-WESTERBERG')).toBe('A******** P***********-W*********');
  });
});

describe('maskPhone', () => {
  it('keeps the first 3 and last 4 digits of a mobile number', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone(' 13812341234 ')).toBe('138****1234');
  });

  it('keeps only the last 4 characters of other numbers', () => {
    expect(maskPhone('010-65661234')).toBe('********1234');
    expect(maskPhone('1234')).toBe('****');
  });
});

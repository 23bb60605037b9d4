import { describe, expect, it } from 'vitest';
import { creditCheckCharacter, isValidCreditCode } from '../../../domain/creditCode';

// Character values: 0–9 as themselves, A=10 B=11 C=12 D=13 E=14 F=15 G=16 H=17 J=18 K=19 L=20
// M=21 N=22 P=23 Q=24 R=25 T=26 U=27 W=28 X=29 Y=30.
// Weights: 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28.

describe('creditCheckCharacter', () => {
  it('gives 3 for 91350100M000100Y43', () => {
    // 9×1 + 1×3 + 3×9 + 5×27 + 0×19 + 1×26 + 0×16 + 0×17 + M(21)×20 + 0×29 + 0×25 + 0×13
    // + 1×8 + 0×24 + 0×10 + Y(30)×30 + 4×28 = 1640; 1640 mod 31 = 28; 31 − 28 = 3
    expect(creditCheckCharacter('91350100M000100Y4')).toBe('3');
  });

  it('gives B (11) for 91110000100005220B', () => {
    // 9×1 + 1×3 + 1×9 + 1×27 + 1×20 + 5×24 + 2×10 + 2×30 = 268; 268 mod 31 = 20; 31 − 20 = 11 = B
    expect(creditCheckCharacter('91110000100005220')).toBe('B');
  });

  it('gives 5 for 911100001000128855', () => {
    // 9×1 + 1×3 + 1×9 + 1×27 + 1×20 + 1×8 + 2×24 + 8×10 + 8×30 + 5×28 = 584;
    // 584 mod 31 = 26; 31 − 26 = 5
    expect(creditCheckCharacter('91110000100012885')).toBe('5');
  });

  it('gives 0, not 31, when the sum is a multiple of 31', () => {
    // 6×1 + 1×3 + 1×9 + 1×27 + 0×19 + 0×26 + 0×16 + 0×17 + 1×20 + 0×29 + … + 0×30 + 1×28 = 93;
    // 93 mod 31 = 0; 31 − 0 = 31 → 0
    expect(creditCheckCharacter('61110000100000001')).toBe('0');
  });

  it('refuses a wrong shape, saying what it takes', () => {
    expect(() => creditCheckCharacter('91350100M000100Y')).toThrow(/first 17 characters/);
    expect(() => creditCheckCharacter('91350100I000100Y4')).toThrow(/without I O Z S V/);
    expect(() => creditCheckCharacter('913501A0M000100Y4')).toThrow(/characters 3–8 digits/);
  });
});

describe('isValidCreditCode', () => {
  it('accepts the codes above', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('91110000100005220B')).toBe(true);
    expect(isValidCreditCode('911100001000128855')).toBe(true);
    expect(isValidCreditCode('611100001000000010')).toBe(true);
  });

  it('rejects a wrong check character, lowercase, excluded letters and wrong lengths', () => {
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(isValidCreditCode('91350100m000100y43')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y4O')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y433')).toBe(false);
    expect(isValidCreditCode('')).toBe(false);
  });

  it('rejects every excluded letter I O Z S V anywhere in the code', () => {
    for (const letter of ['I', 'O', 'Z', 'S', 'V']) {
      expect(isValidCreditCode(`91350100M000100${letter}43`)).toBe(false);
    }
  });
});

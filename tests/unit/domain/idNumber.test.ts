import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  birthDateOf,
  idCheckCharacter,
  idNumberCardType,
  isValidIdNumber,
  sexOf,
} from '../../../domain/idNumber';

const TODAY = '2025-06-01';

describe('idCheckCharacter', () => {
  it('gives X for the GB 11643 standard example 11010519491231002X', () => {
    // 1×7 + 1×9 + 0×10 + 1×5 + 0×8 + 5×4 + 1×2 + 9×1 + 4×6 + 9×3 + 1×7 + 2×9 + 3×10 + 1×5
    // + 0×8 + 0×4 + 2×2 = 167; 167 mod 11 = 2 → '10X98765432'[2] = X
    expect(idCheckCharacter('11010519491231002')).toBe('X');
  });

  it('gives 4 for the example 440524188001010014', () => {
    // 4×7 + 4×9 + 0×10 + 5×5 + 2×8 + 4×4 + 1×2 + 8×1 + 8×6 + 0×3 + 0×7 + 1×9 + 0×10 + 1×5
    // + 0×8 + 0×4 + 1×2 = 195; 195 mod 11 = 8 → '10X98765432'[8] = 4
    expect(idCheckCharacter('44052418800101001')).toBe('4');
  });

  it('weighs the sequence digits 4 and 2', () => {
    // 1×7 + 1×9 + 0×10 + 1×5 + 0×8 + 1×4 + 1×2 + 9×1 + 9×6 + 0×3 + 0×7 + 3×9 + 0×10 + 7×5
    // + 0×8 + 1×4 + 0×2 = 7+9+5+4+2+9+54+27+35+4 = 156; 156 mod 11 = 2 → X
    expect(idCheckCharacter('11010119900307010')).toBe('X');
    // 110101199003070 + 2 + 0: the last two weights are 4 and 2, so sequence digits "20" add 8
    // instead of 4: 160 mod 11 = 6 → '10X98765432'[6] = 6
    expect(idCheckCharacter('11010119900307020')).toBe('6');
  });

  it('refuses anything but 17 digits, saying what it takes', () => {
    expect(() => idCheckCharacter('1101051949123100')).toThrow(/exactly 17 digits/);
    expect(() => idCheckCharacter('11010519491231002X')).toThrow(/strip the check character/);
    expect(() => idCheckCharacter('1101051949123100A')).toThrow(/exactly 17 digits/);
  });

  it('catches every single-digit change (MOD 11-2 property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{17}$/),
        fc.nat(16),
        fc.integer({ min: 1, max: 9 }),
        (first17, position, shift) => {
          const changed =
            first17.slice(0, position) +
            String((Number(first17[position]) + shift) % 10) +
            first17.slice(position + 1);
          return idCheckCharacter(changed) !== idCheckCharacter(first17);
        },
      ),
    );
  });
});

describe('isValidIdNumber', () => {
  it('accepts the published examples', () => {
    expect(isValidIdNumber('11010519491231002X', TODAY)).toBe(true);
    expect(isValidIdNumber('440524188001010014', TODAY)).toBe(true);
  });

  it('rejects a wrong check character, a lowercase x, and wrong lengths', () => {
    expect(isValidIdNumber('110105194912310021', TODAY)).toBe(false);
    expect(isValidIdNumber('11010519491231002x', TODAY)).toBe(false);
    expect(isValidIdNumber('11010519491231002', TODAY)).toBe(false);
    expect(isValidIdNumber('11010519491231002X0', TODAY)).toBe(false);
    expect(isValidIdNumber('', TODAY)).toBe(false);
  });

  it('rejects an unknown province code', () => {
    // 00, 19 and 99 head no province; check characters computed so only the region is wrong.
    for (const region of ['000000', '190101', '710101']) {
      const first17 = `${region}19900307001`;
      expect(isValidIdNumber(first17 + idCheckCharacter(first17), TODAY)).toBe(false);
    }
  });

  it('rejects impossible birth dates even with a right check character', () => {
    for (const birth of ['19900230', '19900431', '19001329', '19000229', '17991231']) {
      const first17 = `110101${birth}001`;
      expect(isValidIdNumber(first17 + idCheckCharacter(first17), TODAY)).toBe(false);
    }
    const leapDay = '11010120000229001';
    expect(isValidIdNumber(leapDay + idCheckCharacter(leapDay), TODAY)).toBe(true);
  });

  it('rejects a birth date after today, and accepts one born today', () => {
    const tomorrow = '11010120250602001';
    const today = '11010120250601001';
    expect(isValidIdNumber(tomorrow + idCheckCharacter(tomorrow), TODAY)).toBe(false);
    expect(isValidIdNumber(today + idCheckCharacter(today), TODAY)).toBe(true);
  });

  it('accepts the 2023 foreign permanent-resident number and the residence permits', () => {
    for (const first17 of [
      '93130019850612002',
      '81000019860214071',
      '82000019770101012',
      '83000019910730024',
    ]) {
      expect(isValidIdNumber(first17 + idCheckCharacter(first17), TODAY)).toBe(true);
    }
  });

  it('uses the current date when no today is given', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    const farFuture = '11010129990101001';
    expect(isValidIdNumber(farFuture + idCheckCharacter(farFuture))).toBe(false);
  });
});

describe('idNumberCardType', () => {
  it('tells the three cards apart by shape', () => {
    expect(idNumberCardType('11010519491231002X')).toBe('resident');
    expect(idNumberCardType('931300198506120020')).toBe('foreign-permanent');
    expect(idNumberCardType('810000198602140710')).toBe('hmt-residence-permit');
    expect(idNumberCardType('820000198602140710')).toBe('hmt-residence-permit');
    expect(idNumberCardType('830000198602140710')).toBe('hmt-residence-permit');
  });

  it('knows no card for other shapes', () => {
    expect(idNumberCardType('810101198602140710')).toBeUndefined();
    expect(idNumberCardType('900000198506120020')).toBeUndefined();
    expect(idNumberCardType('E12345678')).toBeUndefined();
  });
});

describe('birthDateOf and sexOf', () => {
  it('read the birth date and the sex from the number', () => {
    expect(birthDateOf('11010519491231002X')).toBe('1949-12-31');
    expect(sexOf('11010519491231002X')).toBe('F');
    expect(birthDateOf('440524188001010014')).toBe('1880-01-01');
    expect(sexOf('440524188001010014')).toBe('M');
  });

  it('refuse a string that is no ID number', () => {
    expect(() => birthDateOf('12345')).toThrow(/check it with isValidIdNumber first/);
    expect(() => sexOf('12345')).toThrow(/check it with isValidIdNumber first/);
  });
});

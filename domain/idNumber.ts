import { calendarDateOf, calendarParts, type CalendarDate } from './calendarDate';
import type { IdCardType } from './idCardRecord';

/**
 * 公民身份号码 (GB 11643-1999): six-digit region code, eight-digit birth date, three-digit sequence
 * (odd 17th digit: male), and a check character computed with ISO 7064 MOD 11-2.
 * The 2023 外国人永久居留身份证 number (9, two-digit province of issue, three-digit nationality, birth
 * date, sequence, check) and the 港澳台居民居住证 number (810000 / 820000 / 830000, then as a
 * resident's) use the same layout from the 7th character on and the same check.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';

/** Province-level codes of GB/T 2260 that head a mainland resident's number. */
const RESIDENT_PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
  53, 54, 61, 62, 63, 64, 65,
]);

/** Region codes of the residence permits: Hong Kong, Macao, Taiwan. */
const PERMIT_REGIONS = new Set(['810000', '820000', '830000']);

/** The earliest birth year a number is taken to carry (the standard's own examples reach 1880). */
const EARLIEST_BIRTH_YEAR = 1800;

const SEVENTEEN_DIGITS = /^\d{17}$/;
const ID_NUMBER_SHAPE = /^\d{17}[\dX]$/;

/** 18 characters of the right kinds. RegExp.test turns a number or an array into text first: not here. */
const hasIdNumberShape = (idNumber: unknown): idNumber is string =>
  typeof idNumber === 'string' && ID_NUMBER_SHAPE.test(idNumber);

/** The check character for the first 17 digits; throws on anything else, since that is a caller's bug. */
export function idCheckCharacter(first17: string): string {
  if (typeof first17 !== 'string' || !SEVENTEEN_DIGITS.test(first17)) {
    throw new Error(
      `idCheckCharacter takes exactly 17 digits, got ${JSON.stringify(first17)}; strip the check character first`,
    );
  }
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARACTERS.charAt(sum % 11);
}

/**
 * Which card a number's shape belongs to (9… foreign permanent resident, 810000/820000/830000
 * residence permit, a mainland province code resident), ignoring the date and the check character.
 */
export function idNumberCardType(idNumber: string): IdCardType | undefined {
  if (!hasIdNumberShape(idNumber)) return undefined;
  if (idNumber.startsWith('9')) {
    return RESIDENT_PROVINCES.has(Number(idNumber.slice(1, 3))) ? 'foreign-permanent' : undefined;
  }
  if (PERMIT_REGIONS.has(idNumber.slice(0, 6))) return 'hmt-residence-permit';
  return RESIDENT_PROVINCES.has(Number(idNumber.slice(0, 2))) ? 'resident' : undefined;
}

/** The birth date a number carries (characters 7–14), as YYYY-MM-DD, whether or not it is a real date. */
export function birthDateOf(idNumber: string): CalendarDate {
  if (!hasIdNumberShape(idNumber)) {
    throw new Error(
      `birthDateOf takes an 18-character ID number, got ${JSON.stringify(idNumber)}; check it with isValidIdNumber first`,
    );
  }
  return `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
}

/** Sex from the 17th digit: odd is male. */
export function sexOf(idNumber: string): 'M' | 'F' {
  if (!hasIdNumberShape(idNumber)) {
    throw new Error(
      `sexOf takes an 18-character ID number, got ${JSON.stringify(idNumber)}; check it with isValidIdNumber first`,
    );
  }
  return Number(idNumber.charAt(16)) % 2 === 1 ? 'M' : 'F';
}

/**
 * Whether this is the number of one of the three cards: 18 characters, a known region shape, a real
 * birth date not after `today`, and the right check character (capital X only, as cards print it).
 */
export function isValidIdNumber(
  idNumber: string,
  today: CalendarDate = calendarDateOf(new Date()),
): boolean {
  if (idNumberCardType(idNumber) === undefined) return false;
  const birthDate = birthDateOf(idNumber);
  const birth = calendarParts(birthDate);
  if (!birth || birth.year < EARLIEST_BIRTH_YEAR || birthDate > today) return false;
  return idCheckCharacter(idNumber.slice(0, 17)) === idNumber.charAt(17);
}

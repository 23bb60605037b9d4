import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEST_PERSONS } from '../../device-adapters/mock';
import { checkIdCard, NO_END, type IdCardProblem } from '../../domain/idCardCheck';
import type { IdCardRecord } from '../../domain/idCardRecord';
import { calendarDateOf } from '../../domain/calendarDate';
import { birthDateOf, isValidIdNumber } from '../../domain/idNumber';
import { fuzzRuns } from './fuzzRuns';
import { hostileText } from './hostileText';
import { birthDate, TODAY, validIdNumber } from './idNumbers';

const PROBLEMS: readonly IdCardProblem[] = [
  'bad-number',
  'number-type-mismatch',
  'bad-birth-date',
  'expired',
  'not-yet-valid',
  'bad-dates',
];

const FIELDS = [
  'cardType',
  'name',
  'nameEn',
  'sex',
  'nation',
  'birthDate',
  'address',
  'idNumber',
  'issuer',
  'validFrom',
  'validTo',
  'photo',
] as const satisfies readonly (keyof IdCardRecord)[];

/** The same day `years` later; 29 February rolls on to 1 March, as the mock reader's cards do. */
function yearsAfter(date: string, years: number): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const later = new Date(2000, month - 1, day);
  later.setFullYear(year + years);
  return calendarDateOf(later);
}

/** A card as a reader could deliver it whole: a valid number, its birth date, dates in order. */
const validRecord: fc.Arbitrary<IdCardRecord> = validIdNumber()
  .chain((id) =>
    fc.record({
      id: fc.constant(id),
      validFrom: birthDate().filter((from) => from >= id.birthDate),
      years: fc.constantFrom(5, 10, 20, null),
      name: hostileText(12),
      sex: fc.constantFrom<'M' | 'F'>('M', 'F'),
    }),
  )
  .map(({ id, validFrom, years, name, sex }) => ({
    cardType: id.cardType,
    name,
    sex,
    birthDate: id.birthDate,
    idNumber: id.number,
    issuer: '公安局',
    validFrom,
    validTo: years === null ? NO_END : yearsAfter(validFrom, years),
  }));

/** Dates no calendar has, dates in the wrong shape, and the 长期 marker nearly right. */
const impossibleDate = fc.constantFrom(
  '1990-02-30',
  '2023-02-29',
  '2024-13-01',
  '0000-00-00',
  '9999-99-99',
  '1990-2-3',
  '19900203',
  '1990-02-03T00:00',
  ' 1990-02-03',
  '长 期',
  '长期 ',
  '',
);

/** Values of the wrong type for any field. */
const wrongType = fc.oneof(
  fc.constantFrom<unknown>(null, undefined, true, 0, -1, NaN, Infinity, [], {}),
  fc.integer(),
  fc.double(),
  fc.array(fc.string(), { maxLength: 2 }),
  fc.object({ maxDepth: 1 }),
);

type Spoil =
  | { kind: 'missing'; field: (typeof FIELDS)[number] }
  | { kind: 'set'; field: (typeof FIELDS)[number]; value: unknown };

const spoil: fc.Arbitrary<Spoil> = fc.oneof(
  fc.record({ kind: fc.constant('missing' as const), field: fc.constantFrom(...FIELDS) }),
  fc.record({
    kind: fc.constant('set' as const),
    field: fc.constantFrom(...FIELDS),
    value: fc.oneof(wrongType, impossibleDate, hostileText(20)),
  }),
  fc.record({
    kind: fc.constant('set' as const),
    field: fc.constantFrom('birthDate', 'validFrom', 'validTo'),
    value: impossibleDate,
  }),
  fc.record({
    kind: fc.constant('set' as const),
    field: fc.constantFrom('birthDate', 'validFrom', 'validTo'),
    // A real date in a wrapper: an array's text is its one element's.
    value: birthDate('2099-12-31').map((date) => [date]),
  }),
  fc.record({
    kind: fc.constant('set' as const),
    field: fc.constant('idNumber'),
    // The number read as a number (precision lost), or a valid number in a wrapper.
    value: validIdNumber().chain(({ number }) =>
      fc.constantFrom<unknown>(
        Number(number.slice(0, 17)),
        [number],
        { number },
        number.toLowerCase(),
      ),
    ),
  }),
);

function spoilt(record: IdCardRecord, spoils: readonly Spoil[]): IdCardRecord {
  const copy: Record<string, unknown> = { ...record };
  for (const s of spoils) {
    if (s.kind === 'missing') Reflect.deleteProperty(copy, s.field);
    else copy[s.field] = s.value;
  }
  return copy as unknown as IdCardRecord;
}

/** Any record: a test person's or a generated one, spoilt in up to three fields. */
const anyRecord = fc
  .tuple(
    fc.oneof(fc.constantFrom(...TEST_PERSONS.map((p) => p.record)), validRecord),
    fc.array(spoil, { maxLength: 3 }),
  )
  .map(([record, spoils]) => spoilt(record, spoils));

describe('checkIdCard', () => {
  it('answers any record, of any shape, with ok or one of its problems, never a throw', () => {
    fc.assert(
      fc.property(anyRecord, fc.oneof(fc.constant(TODAY), birthDate()), (record, today) => {
        const result = checkIdCard(record, today);
        if (!result.ok) expect(PROBLEMS).toContain(result.problem);
      }),
      { numRuns: fuzzRuns() },
    );
  });

  it('accepts only a card whose number, birth date and dates are real text and in date', () => {
    fc.assert(
      fc.property(anyRecord, (record) => {
        if (!checkIdCard(record, TODAY).ok) return;
        for (const field of ['idNumber', 'birthDate', 'validFrom', 'validTo'] as const)
          expect(typeof record[field], field).toBe('string');
        expect(isValidIdNumber(record.idNumber, TODAY)).toBe(true);
        expect(record.birthDate).toBe(birthDateOf(record.idNumber));
        expect(record.validFrom <= TODAY).toBe(true);
        expect(record.validTo === NO_END || record.validTo >= TODAY).toBe(true);
      }),
      { numRuns: fuzzRuns() },
    );
  });

  it('accepts every well-formed card on any day of its validity', () => {
    fc.assert(
      fc.property(validRecord, fc.integer({ min: 0, max: 30 * 366 }), (record, daysLater) => {
        const [year = 0, month = 1, day = 1] = record.validFrom.split('-').map(Number);
        const later = calendarDateOf(new Date(year, month - 1, day + daysLater));
        const today = record.validTo !== NO_END && later > record.validTo ? record.validTo : later;
        expect(checkIdCard(record, today)).toEqual({ ok: true });
      }),
      { numRuns: fuzzRuns() },
    );
  });

  it('refuses a card with an impossible birth date or validity date', () => {
    fc.assert(
      fc.property(
        validRecord,
        fc.constantFrom('birthDate', 'validFrom', 'validTo'),
        impossibleDate,
        (record, field, value) => {
          expect(checkIdCard({ ...record, [field]: value }, TODAY).ok).toBe(false);
        },
      ),
      { numRuns: fuzzRuns() },
    );
  });
});

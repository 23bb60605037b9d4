import fc from 'fast-check';
import { calendarDateOf, idCheckCharacter, type IdCardType } from '../../domain';

/** The day the fuzz run takes as today: birth dates and validity are drawn around it. */
export const TODAY = calendarDateOf(new Date());

/** The province-level codes of GB/T 2260 that head a mainland number (test data, not the rule). */
const PROVINCES = [
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
  53, 54, 61, 62, 63, 64, 65,
].map(String);

const digits = (n: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });

/** A real calendar date from 1800 up to `until`, as YYYY-MM-DD. */
export const birthDate = (until = TODAY): fc.Arbitrary<string> =>
  fc
    .date({ min: new Date(1800, 0, 1), max: new Date(`${until}T12:00:00`), noInvalidDate: true })
    .map(calendarDateOf);

/** What the first six characters say: a resident's region, 9 + province + nationality, or a permit. */
const headFor: Record<IdCardType, fc.Arbitrary<string>> = {
  resident: fc.tuple(fc.constantFrom(...PROVINCES), digits(4)).map(([p, rest]) => p + rest),
  'foreign-permanent': fc
    .tuple(fc.constantFrom(...PROVINCES), digits(3))
    .map(([p, n]) => `9${p}${n}`),
  'hmt-residence-permit': fc.constantFrom('810000', '820000', '830000'),
};

export interface IdNumberParts {
  cardType: IdCardType;
  birthDate: string;
  first17: string;
  number: string;
}

/** A valid number of one of the three cards: 17 characters and the check character computed for them. */
export const validIdNumber = (until = TODAY): fc.Arbitrary<IdNumberParts> =>
  fc
    .constantFrom<IdCardType>('resident', 'foreign-permanent', 'hmt-residence-permit')
    .chain((cardType) =>
      fc.record({
        cardType: fc.constant(cardType),
        head: headFor[cardType],
        birthDate: birthDate(until),
        sequence: digits(3),
      }),
    )
    .map(({ cardType, head, birthDate, sequence }) => {
      const first17 = head + birthDate.replaceAll('-', '') + sequence;
      return { cardType, birthDate, first17, number: first17 + idCheckCharacter(first17) };
    });

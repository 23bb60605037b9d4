import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditCheckCharacter, isValidCreditCode } from '../../domain/creditCode';
import { fuzzRuns } from './fuzzRuns';
import { anyText, hostileChar } from './hostileText';

/** GB 32100's alphabet: digits and capitals without I, O, Z, S and V (test data, not the rule). */
const ALPHABET = [...'0123456789ABCDEFGHJKLMNPQRTUWXY'];
const code = (n: number) =>
  fc.string({ unit: fc.constantFrom(...ALPHABET), minLength: n, maxLength: n });
const digits = (n: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });

/** Authority and type, a six-digit region, a nine-character organisation code; then the check. */
const validCreditCode = fc
  .tuple(code(2), digits(6), code(9))
  .map((parts) => parts.join(''))
  .map((first17) => first17 + creditCheckCharacter(first17));

/** Text near a credit code: 17 to 19 characters of the alphabet, its left-outs, lower case, anything. */
const nearCreditCode = fc.string({
  unit: fc.oneof(
    { arbitrary: fc.constantFrom(...ALPHABET), weight: 20 },
    fc.constantFrom(...'IOZSVabcxyz '),
    hostileChar,
  ),
  minLength: 17,
  maxLength: 19,
});

describe('统一社会信用代码 (GB 32100)', () => {
  it('isValidCreditCode answers any text, never throws', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, nearCreditCode), (text) => {
        expect(typeof isValidCreditCode(text)).toBe('boolean');
      }),
      { numRuns: fuzzRuns() },
    );
  });

  it('creditCheckCharacter refuses anything but 17 well-formed characters, saying what it takes', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, nearCreditCode), (text) => {
        try {
          expect(ALPHABET).toContain(creditCheckCharacter(text));
        } catch (error) {
          expect((error as Error).message).toMatch(
            /takes the first 17 characters of a credit code/,
          );
        }
      }),
      { numRuns: fuzzRuns() },
    );
  });

  it('a code with its computed check character is valid', () => {
    fc.assert(
      fc.property(validCreditCode, (valid) => {
        expect(isValidCreditCode(valid)).toBe(true);
      }),
      { numRuns: fuzzRuns() },
    );
  });

  it('detects any one character changed (MOD 31 with weights 3^i catches every substitution)', () => {
    const changed = fc.record({
      valid: validCreditCode,
      at: fc.integer({ min: 0, max: 17 }),
      to: fc.oneof(fc.constantFrom(...ALPHABET, ...'IOZSVaby'), hostileChar),
    });
    fc.assert(
      fc.property(changed, ({ valid, at, to }) => {
        fc.pre(to !== valid.charAt(at));
        expect(isValidCreditCode(valid.slice(0, at) + to + valid.slice(at + 1))).toBe(false);
      }),
      { numRuns: fuzzRuns() },
    );
  });

  it('detects two different adjacent characters swapped, the check character too', () => {
    const swapped = fc.record({ valid: validCreditCode, at: fc.integer({ min: 0, max: 16 }) });
    fc.assert(
      fc.property(swapped, ({ valid, at }) => {
        const [a, b] = [valid.charAt(at), valid.charAt(at + 1)];
        fc.pre(a !== b);
        expect(isValidCreditCode(valid.slice(0, at) + b + a + valid.slice(at + 2))).toBe(false);
      }),
      { numRuns: fuzzRuns() },
    );
  });
});

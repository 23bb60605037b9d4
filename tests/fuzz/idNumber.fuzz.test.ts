import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  birthDateOf,
  idCheckCharacter,
  idNumberCardType,
  isValidIdNumber,
  sexOf,
} from '../../domain/idNumber';
import { fuzzRuns } from './fuzzRuns';
import { anyText, hostileChar } from './hostileText';
import { TODAY, validIdNumber } from './idNumbers';

/** Runs `f`; a throw must be an Error with the documented message, naming what to fix. */
function resultOrExplained<T>(f: () => T, message: RegExp): T | 'refused' {
  try {
    return f();
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(message);
    return 'refused';
  }
}

/** Text near an ID number: 17 or 18 characters, mostly digits, now and then X, x or anything. */
const nearIdNumber = fc.string({
  unit: fc.oneof(
    { arbitrary: fc.constantFrom(...'0123456789'), weight: 20 },
    fc.constantFrom('X', 'x', ' '),
    hostileChar,
  ),
  minLength: 16,
  maxLength: 19,
});

describe('公民身份号码 (GB 11643)', () => {
  it('isValidIdNumber and idNumberCardType answer any text, never throw', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, nearIdNumber), (text) => {
        const valid = isValidIdNumber(text, TODAY);
        const type = idNumberCardType(text);
        if (valid) expect(type).toBeDefined();
      }),
      { numRuns: fuzzRuns() },
    );
  });

  it('the helpers that take a number refuse anything else with a message saying what they take', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, nearIdNumber), (text) => {
        const check = resultOrExplained(() => idCheckCharacter(text), /takes exactly 17 digits/);
        if (check !== 'refused') expect(check).toMatch(/^[0-9X]$/);
        resultOrExplained(() => birthDateOf(text), /takes an 18-character ID number/);
        resultOrExplained(() => sexOf(text), /takes an 18-character ID number/);
      }),
      { numRuns: fuzzRuns() },
    );
  });

  it('a number with its computed check character is valid, of its card type, with its birth date', () => {
    fc.assert(
      fc.property(validIdNumber(), ({ cardType, birthDate, first17, number }) => {
        expect(isValidIdNumber(number, TODAY)).toBe(true);
        expect(idNumberCardType(number)).toBe(cardType);
        expect(birthDateOf(number)).toBe(birthDate);
        expect(sexOf(number)).toBe(Number(first17.charAt(16)) % 2 === 1 ? 'M' : 'F');
      }),
      { numRuns: fuzzRuns() },
    );
  });

  it('detects any one character changed (MOD 11-2 catches every single substitution)', () => {
    const changed = fc.record({
      id: validIdNumber(),
      at: fc.integer({ min: 0, max: 17 }),
      to: fc.oneof(fc.constantFrom(...'0123456789Xx'), hostileChar),
    });
    fc.assert(
      fc.property(changed, ({ id, at, to }) => {
        fc.pre(to !== id.number.charAt(at));
        const wrong = id.number.slice(0, at) + to + id.number.slice(at + 1);
        expect(isValidIdNumber(wrong, TODAY)).toBe(false);
      }),
      { numRuns: fuzzRuns() },
    );
  });

  it('detects two different adjacent characters swapped (MOD 11-2 catches every such swap)', () => {
    const swapped = fc.record({ id: validIdNumber(), at: fc.integer({ min: 0, max: 16 }) });
    fc.assert(
      fc.property(swapped, ({ id, at }) => {
        const [a, b] = [id.number.charAt(at), id.number.charAt(at + 1)];
        fc.pre(a !== b);
        const wrong = id.number.slice(0, at) + b + a + id.number.slice(at + 2);
        expect(isValidIdNumber(wrong, TODAY)).toBe(false);
      }),
      { numRuns: fuzzRuns() },
    );
  });
});

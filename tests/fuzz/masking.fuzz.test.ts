import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPhone } from '../../domain/masking';
import { fuzzRuns } from './fuzzRuns';
import { anyText, hostileChar, hostileText } from './hostileText';
import { validIdNumber } from './idNumbers';

const MASK = '*';
const codePoints = (text: string) => Array.from(text);

/** The code points of `masked` that still show a character of `original` (not a mask, not a separator). */
function shown(original: string, masked: string, separators: RegExp): string[] {
  const before = codePoints(original);
  return codePoints(masked).filter((c, i) => c !== MASK && c === before[i] && !separators.test(c));
}

describe('masking (脱敏)', () => {
  it('an ID number keeps only its first and last four characters: never the birth date', () => {
    fc.assert(
      fc.property(validIdNumber(), ({ number, birthDate }) => {
        const masked = maskIdNumber(number);
        expect(masked).toBe(number.slice(0, 4) + MASK.repeat(10) + number.slice(14));
        expect(masked).not.toContain(birthDate.replaceAll('-', ''));
      }),
      { numRuns: fuzzRuns() },
    );
  });

  it('any text masked as an ID number shows at most its first and last four code points', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const before = codePoints(text);
        const after = codePoints(maskIdNumber(text));
        expect(after.length).toBe(before.length);
        const keep = before.length <= 8 ? 0 : 4;
        const middle = after.slice(keep, after.length - keep);
        expect(middle.filter((c) => c !== MASK)).toEqual([]);
      }),
      { numRuns: fuzzRuns() },
    );
  });

  it('a mobile number keeps its first three and last four digits, never the middle four', () => {
    const mobile = fc
      .tuple(
        fc.constantFrom(...'3456789'),
        fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 9, maxLength: 9 }),
      )
      .map(([second, rest]) => `1${second}${rest}`);
    fc.assert(
      fc.property(mobile, fc.constantFrom('', ' ', '\t', '\u3000'), (phone, pad) => {
        expect(maskPhone(pad + phone + pad)).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`);
      }),
      { numRuns: fuzzRuns() },
    );
  });

  it('any other phone text shows at most its last four code points', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const masked = maskPhone(text);
        if (/^1\d{10}$/.test(text.trim())) return;
        const after = codePoints(masked);
        const head = after.slice(0, Math.max(0, after.length - 4));
        expect(head.filter((c) => c !== MASK)).toEqual([]);
      }),
      { numRuns: fuzzRuns() },
    );
  });

  it('a name shows at most two of its characters, or the initials of a Latin-letter name', () => {
    const cjk = fc.constantFrom(...'张王李赵欧阳买提艾力孙桂兰', '䶮', '𠮷', '𠀀');
    const name = fc.oneof(
      fc.string({
        unit: fc.oneof({ arbitrary: cjk, weight: 8 }, fc.constantFrom('·', ' ')),
        maxLength: 12,
      }),
      fc.string({ unit: fc.constantFrom(..."ABCJSmarywxz .-'"), maxLength: 40 }),
      hostileText(20),
      fc.tuple(hostileText(4), cjk, hostileChar).map((parts) => parts.join('')),
    );
    const separators = /^[·•・. ,'-]$/;
    fc.assert(
      fc.property(name, (text) => {
        const trimmed = text.trim();
        const masked = maskName(text);
        expect(codePoints(masked).length).toBe(codePoints(trimmed).length);
        const visible = shown(trimmed, masked, separators).length;
        const words = /^[A-Za-z][A-Za-z .,'-]*$/.test(trimmed)
          ? (trimmed.match(/[A-Za-z]+/g) ?? []).length
          : 0;
        expect(visible).toBeLessThanOrEqual(Math.max(2, words));
      }),
      { numRuns: fuzzRuns() },
    );
  });
});

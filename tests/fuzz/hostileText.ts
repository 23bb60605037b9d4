import fc from 'fast-check';

/**
 * Characters a scanner, a card reader or a hand-edited file may deliver: ASCII, control
 * characters, Unicode spaces the kiosk's trim() removes and those it does not, full-width
 * look-alikes of BDY1, CJK, emoji and invalid UTF-16 (lone surrogate halves).
 */
export const hostileChar: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 1 }), weight: 4 },
  fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
  fc.constantFrom('\u007f', '\u0085', '\u00a0', '\u200b', '\u200e', '\u2028', '\u3000', '\ufeff'),
  fc.constantFrom('Ｂ', 'Ｄ', 'Ｙ', '１', '：', 'Ａ', 'Ｔ', '一', '号', '䶮', '𠀀'),
  fc.constantFrom('😀', '👨‍👩‍👧', '🇨🇳', 'e\u0301'),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  // Any code point beyond ASCII; fc.string({ unit: 'binary' }) would build a map of all 1.1 million.
  fc.integer({ min: 0x80, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
);

/** Any text made of hostile characters, short or long. */
export const hostileText = (maxLength = 64): fc.Arbitrary<string> =>
  fc.string({ unit: hostileChar, maxLength });

/** Huge text without making the generator slow: a hostile piece repeated up to 20,000 times. */
export const hugeText: fc.Arbitrary<string> = fc
  .tuple(hostileText(8), fc.integer({ min: 1_000, max: 20_000 }))
  .map(([piece, times]) => (piece === '' ? 'x' : piece).repeat(times));

/** Hostile text, now and then huge. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: hostileText(), weight: 9 },
  { arbitrary: hugeText, weight: 1 },
);

import { describe, expect, it } from 'vitest';
import { encodeGb18030 } from '../../../device-adapters/receipt/gb18030';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('encodeGb18030', () => {
  it('encodes ASCII as itself and common hanzi as their GB2312 two-byte codes', () => {
    expect(hex(encodeGb18030('A1 中文'))).toBe('413120d6d0cec4');
    expect(hex(encodeGb18030('不打烊'))).toBe('b2bbb4f2ecc8');
  });

  it('encodes characters outside GBK with four-byte codes', () => {
    // U+0080 is the first four-byte code; U+3400 (㐀) is in the BMP four-byte range.
    expect(hex(encodeGb18030('\u0080'))).toBe('81308130');
    expect(hex(encodeGb18030('𠀀'))).toBe('95328236');
  });

  // Private-use code points are left out: GB18030-2022 moved some of them, and platforms differ.
  it('round-trips every BMP character outside the private-use area through the platform decoder', () => {
    const decoder = new TextDecoder('gb18030');
    const wrong: string[] = [];
    for (let codePoint = 0x80; codePoint <= 0xffff; codePoint++) {
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
      if (codePoint >= 0xe000 && codePoint <= 0xf8ff) continue;
      const character = String.fromCodePoint(codePoint);
      if (decoder.decode(encodeGb18030(character)) !== character)
        wrong.push(codePoint.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it("prints '?' for a character GB18030 has no code for (U+E5E5, a lone surrogate)", () => {
    expect(hex(encodeGb18030('a\ue5e5b'))).toBe('613f62');
    expect(hex(encodeGb18030('\ud800取'))).toBe('3fc8a1');
  });
});

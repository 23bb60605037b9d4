/**
 * Chinese text for ESC/POS printers with a GB18030 font. Browsers can decode GB18030 but not
 * encode it, so the two-byte table (GBK: every character of the common and the traditional
 * sets) is built once, lazily, by decoding every two-byte sequence. A character outside it
 * (a four-byte GB18030 character, such as those of CJK Extension B) prints as '?': say so to the citizen's record, do
 * not guess. Printers without Chinese fonts need raster text, which this encoder does not do.
 */
let table: Map<string, [number, number]> | null = null;

function twoByteTable(): Map<string, [number, number]> {
  if (table) return table;
  const decoder = new TextDecoder('gb18030', { fatal: true });
  const map = new Map<string, [number, number]>();
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail === 0x7f) continue;
      try {
        const char = decoder.decode(new Uint8Array([lead, trail]));
        if (char.length === 1 && !map.has(char)) map.set(char, [lead, trail]);
      } catch {
        // Not a character in this code page: nothing to map.
      }
    }
  }
  table = map;
  return map;
}

export const UNPRINTABLE = 0x3f; // '?'

/** GB18030 bytes of a text: ASCII as one byte, Chinese as two, anything else as '?'. */
export function encodeGb18030(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? UNPRINTABLE;
    if (code < 0x80) {
      bytes.push(code);
      continue;
    }
    const pair = twoByteTable().get(char);
    if (pair) bytes.push(pair[0], pair[1]);
    else bytes.push(UNPRINTABLE);
  }
  return Uint8Array.from(bytes);
}

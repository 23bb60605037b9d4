/**
 * GB18030 encoding for printers with a Chinese font. Browsers can decode GB18030 but only encode
 * UTF-8, and the receipt encoder has no Chinese code page, so the encoding is derived from the
 * platform's own decoder (WHATWG "gb18030"): two-byte codes from a reverse table built once, BMP
 * four-byte codes by binary search over the (monotonic) four-byte pointer range, and the
 * supplementary planes by the standard's arithmetic.
 */

let decoder: TextDecoder | undefined;
let twoByte: Map<number, number> | undefined;

function gbDecoder(): TextDecoder {
  if (!decoder) {
    try {
      decoder = new TextDecoder('gb18030', { fatal: true });
    } catch (error) {
      throw new Error(
        'This browser has no GB18030 decoder (TextDecoder("gb18030")), which the receipt encoder needs for Chinese text',
        { cause: error },
      );
    }
  }
  return decoder;
}

function decodeOne(bytes: number[]): number | undefined {
  try {
    const text = gbDecoder().decode(Uint8Array.from(bytes));
    const codePoint = text.codePointAt(0);
    // One character exactly: an unassigned code would decode to two (or to U+FFFD with fatal off).
    return codePoint !== undefined && String.fromCodePoint(codePoint) === text
      ? codePoint
      : undefined;
  } catch {
    // fatal: true throws for codes that are not assigned, which simply are not in the table.
    return undefined;
  }
}

function twoByteTable(): Map<number, number> {
  if (twoByte) return twoByte;
  const table = new Map<number, number>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const codePoint = decodeOne([lead, trail]);
      // The first code wins, as in the WHATWG encoder's "index pointer".
      if (codePoint !== undefined && codePoint >= 0x80 && !table.has(codePoint)) {
        table.set(codePoint, (lead << 8) | trail);
      }
    }
  }
  twoByte = table;
  return table;
}

function fourBytes(pointer: number): number[] {
  const b1 = Math.floor(pointer / (10 * 126 * 10));
  const b2 = Math.floor(pointer / (10 * 126)) % 10;
  const b3 = Math.floor(pointer / 10) % 126;
  const b4 = pointer % 10;
  return [b1 + 0x81, b2 + 0x30, b3 + 0x81, b4 + 0x30];
}

/** The last pointer of the BMP's four-byte range (WHATWG: pointers above 39419 up to 189000 are unused). */
const LAST_BMP_POINTER = 39419;
/** WHATWG's one exception to the ranges, which would break the search's order. */
const U_E7C7_POINTER = 7457;

function bmpFourBytes(codePoint: number): number[] | undefined {
  if (codePoint === 0xe7c7) return fourBytes(U_E7C7_POINTER);
  let low = 0;
  let high = LAST_BMP_POINTER;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const pointer = middle === U_E7C7_POINTER ? middle + 1 : middle;
    const found = decodeOne(fourBytes(pointer));
    if (found === undefined) return undefined;
    if (found === codePoint) return fourBytes(pointer);
    if (found < codePoint) low = pointer + 1;
    else high = middle - 1;
  }
  return undefined;
}

function encodeCodePoint(codePoint: number): number[] | undefined {
  if (codePoint < 0x80) return [codePoint];
  if (codePoint === 0xe5e5) return undefined;
  if (codePoint > 0xffff) return fourBytes(codePoint - 0x10000 + 189000);
  const pair = twoByteTable().get(codePoint);
  if (pair !== undefined) return [pair >> 8, pair & 0xff];
  return bmpFourBytes(codePoint);
}

/** What a printer is sent for a character GB18030 has no code for: it prints '?', as encoders do. */
export const UNENCODABLE = 0x3f;

/**
 * Encodes text as GB18030 bytes. A character with no GB18030 code (a lone surrogate, U+E5E5)
 * becomes '?': a ticket with one odd character in a name is still worth printing.
 */
export function encodeGb18030(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const character of text) {
    bytes.push(...(encodeCodePoint(character.codePointAt(0) ?? 0) ?? [UNENCODABLE]));
  }
  return Uint8Array.from(bytes);
}

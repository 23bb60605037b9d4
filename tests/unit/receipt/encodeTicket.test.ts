import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import { describe, expect, it } from 'vitest';
import type { ReceiptTicket } from '../../../device-adapters/receiptPrinter';
import { encodeTicket, wrapText } from '../../../device-adapters/receipt/encodeTicket';
import { encodeGb18030 } from '../../../device-adapters/receipt/gb18030';
import { PRINTER_MODELS, printerModel } from '../../../device-adapters/receipt/printerModels';

const EIGHTY = PRINTER_MODELS['generic-80-gb18030'];
const FIFTY_EIGHT = PRINTER_MODELS['generic-58-gb18030'];
const EPSON = PRINTER_MODELS['epson-tm-t88vi'];

const bytesOf = (...parts: Array<number[] | string>) =>
  parts.flatMap((part) =>
    typeof part === 'string' ? [...part].map((c) => c.charCodeAt(0)) : part,
  );

function indexOf(haystack: Uint8Array, needle: number[], from = 0): number {
  for (let i = from; i <= haystack.length - needle.length; i++) {
    if (needle.every((byte, j) => haystack[i + j] === byte)) return i;
  }
  return -1;
}

const ticket = (...blocks: ReceiptTicket['blocks']): ReceiptTicket => ({ title: 'test', blocks });

describe('encodeTicket(ticket, generic-80-gb18030)', () => {
  it('starts with initialise (ESC @), then the library resets character mode, then Chinese mode (FS &)', () => {
    const bytes = encodeTicket(ticket(), EIGHTY);
    // ESC @ | FS . (the library's single-byte mode) | ESC M 0 (font A) | FS & (Chinese mode)
    expect([...bytes.slice(0, 9)]).toEqual([0x1b, 0x40, 0x1c, 0x2e, 0x1b, 0x4d, 0x00, 0x1c, 0x26]);
  });

  it('text("取号"): Chinese mode (FS &) is on, and the characters go as GB18030 C8A1 BAC5', () => {
    const bytes = encodeTicket(ticket({ kind: 'text', text: '取号' }), EIGHTY);
    const chineseMode = indexOf(bytes, [0x1c, 0x26]);
    expect(chineseMode).toBeGreaterThan(0);
    expect(indexOf(bytes, [0xc8, 0xa1, 0xba, 0xc5, 0x0a], chineseMode)).toBeGreaterThan(
      chineseMode,
    );
  });

  it("text(with a character GB18030 cannot encode) prints '?' in its place", () => {
    const bytes = encodeTicket(ticket({ kind: 'text', text: '号\ue5e5' }), EIGHTY);
    expect(indexOf(bytes, [0xba, 0xc5, 0x3f, 0x0a])).toBeGreaterThan(0);
  });

  it('text("不打烊", center, bold): ESC a 1, ESC E 1, GS ! 0, GB18030 bytes, LF, then resets', () => {
    const bytes = encodeTicket(
      ticket({ kind: 'text', text: '不打烊', align: 'center', bold: true }),
      EIGHTY,
    );
    const expected = [
      0x1b, 0x61, 0x01, 0x1b, 0x45, 0x01, 0x1d, 0x21, 0x00, 0xb2, 0xbb, 0xb4, 0xf2, 0xec, 0xc8,
      0x0a, 0x1d, 0x21, 0x00, 0x1b, 0x45, 0x00, 0x1b, 0x61, 0x00,
    ];
    expect(indexOf(bytes, expected)).toBeGreaterThan(0);
  });

  it('text(size large) doubles width and height (GS ! 0x11)', () => {
    const bytes = encodeTicket(ticket({ kind: 'text', text: 'A', size: 'large' }), EIGHTY);
    expect(indexOf(bytes, [0x1d, 0x21, 0x11, 0x41, 0x0a])).toBeGreaterThan(0);
  });

  it('bigNumber("A001") prints at the largest size that fits, centred and bold (GS ! 0x77)', () => {
    const bytes = encodeTicket(ticket({ kind: 'bigNumber', text: 'A001' }), EIGHTY);
    expect(
      indexOf(bytes, [
        0x1b,
        0x61,
        0x01,
        0x1b,
        0x45,
        0x01,
        0x1d,
        0x21,
        0x77,
        ...bytesOf('A001'),
        0x0a,
      ]),
    ).toBeGreaterThan(0);
  });

  it('bigNumber("A0001") on 32 columns shrinks to 6× so that it stays on one line (GS ! 0x55)', () => {
    const bytes = encodeTicket(ticket({ kind: 'bigNumber', text: 'A0001' }), FIFTY_EIGHT);
    expect(indexOf(bytes, [0x1d, 0x21, 0x55, ...bytesOf('A0001'), 0x0a])).toBeGreaterThan(0);
  });

  it("qr(data) is the printer's own QR: model 2, module size, error level M, store with the payload, print", () => {
    const data = 'https://example.gov.cn/q?t=A001';
    const bytes = encodeTicket(ticket({ kind: 'qr', data }), EIGHTY);
    const length = data.length + 3;
    const expected = [
      ...[0x1b, 0x61, 0x01],
      ...[0x1d, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00],
      // Version 3 (29 modules) at 8 dots is 232 dots: the library's largest module fits 576 dots.
      ...[0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, 0x08],
      ...[0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, 0x31],
      ...[0x1d, 0x28, 0x6b, length & 0xff, length >> 8, 0x31, 0x50, 0x30, ...bytesOf(data)],
      ...[0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30],
    ];
    expect(indexOf(bytes, expected)).toBeGreaterThan(0);
  });

  it('qr(long data) takes a smaller module so that the symbol fits the paper', () => {
    const data = 'x'.repeat(1000); // version 27 at level M: 125 modules, 4 dots each on 576 dots
    const bytes = encodeTicket(ticket({ kind: 'qr', data }), EIGHTY);
    expect(indexOf(bytes, [0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, 0x04])).toBeGreaterThan(0);
  });

  it('qr(data too long for any QR code) fails loudly, saying what to do', () => {
    expect(() => encodeTicket(ticket({ kind: 'qr', data: 'x'.repeat(2400) }), EIGHTY)).toThrow(
      'QR data of 2400 characters is too long for a QR code at error level M (at most 2331 bytes): shorten it, e.g. to a short URL',
    );
  });

  it('qr(non-ASCII data) fails loudly rather than printing a wrong code', () => {
    expect(() => encodeTicket(ticket({ kind: 'qr', data: '不打烊' }), EIGHTY)).toThrow(
      'QR data must be ASCII',
    );
  });

  it('qr(data, caption) prints the caption centred under the code', () => {
    const bytes = encodeTicket(ticket({ kind: 'qr', data: 'A', caption: '扫码' }), EIGHTY);
    const print = indexOf(bytes, [0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30]);
    expect(
      indexOf(
        bytes,
        [0x1b, 0x61, 0x01, 0x1b, 0x45, 0x00, 0x1d, 0x21, 0x00, 0xc9, 0xa8, 0xc2, 0xeb],
        print,
      ),
    ).toBeGreaterThan(print);
  });

  it('rule() is a line of hyphens as wide as the paper', () => {
    const bytes = encodeTicket(ticket({ kind: 'rule' }), EIGHTY);
    expect(indexOf(bytes, [...bytesOf('-'.repeat(48)), 0x0a])).toBeGreaterThan(0);
    expect(indexOf(bytes, bytesOf('-'.repeat(49)))).toBe(-1);
  });

  it('ends with a feed and a partial cut (GS V 1) when the model has a cutter', () => {
    const bytes = encodeTicket(ticket({ kind: 'text', text: 'A' }), EIGHTY);
    const cut = indexOf(bytes, [0x1d, 0x56, 0x01]);
    expect(cut).toBeGreaterThan(0);
    // The library feeds the xprinter definition's 4 lines (LF CR) before the cut.
    expect([...bytes.slice(cut - 8, cut)]).toEqual([
      0x0a, 0x0d, 0x0a, 0x0d, 0x0a, 0x0d, 0x0a, 0x0d,
    ]);
  });

  it("is the library's own encoding for the parts it builds (initialize().qrcode().cut())", () => {
    const library = new ReceiptPrinterEncoder({ printerModel: 'xprinter-xp-n160ii', columns: 48 })
      .initialize()
      .align('center')
      .qrcode('A', { model: 2, size: 8, errorlevel: 'm' })
      .align('left')
      .cut('partial')
      .encode();
    const ours = encodeTicket(ticket({ kind: 'qr', data: 'A' }), EIGHTY);
    const withoutChineseMode = [...ours.slice(0, 7), ...ours.slice(9)];
    expect(withoutChineseMode).toEqual([...library]);
  });
});

describe('encodeTicket(ticket, generic-58-gb18030)', () => {
  it('feeds instead of cutting, having no cutter', () => {
    const bytes = encodeTicket(ticket({ kind: 'text', text: 'A' }), FIFTY_EIGHT);
    expect(indexOf(bytes, [0x1d, 0x56])).toBe(-1);
    expect([...bytes.slice(-8)]).toEqual([0x0a, 0x0d, 0x0a, 0x0d, 0x0a, 0x0d, 0x0a, 0x0d]);
  });

  it('wraps Chinese text at 16 characters a line (32 columns, two each)', () => {
    const text = '一二三四五六七八九十一二三四五六七';
    const bytes = encodeTicket(ticket({ kind: 'text', text }), FIFTY_EIGHT);
    const first = [...encodeGb18030('一二三四五六七八九十一二三四五六')];
    expect(indexOf(bytes, [...first, 0x0a, ...encodeGb18030('七'), 0x0a])).toBeGreaterThan(0);
    expect(wrapText(text, 32)).toEqual(['一二三四五六七八九十一二三四五六', '七']);
  });

  it('prints a QR code as a raster image (GS v 0) when the model cannot draw one', () => {
    const bytes = encodeTicket(ticket({ kind: 'qr', data: 'https://e.cn' }), {
      ...FIFTY_EIGHT,
      qr: 'raster',
    });
    expect(indexOf(bytes, [0x1d, 0x28, 0x6b])).toBe(-1);
    expect(indexOf(bytes, [0x1d, 0x76, 0x30, 0x00])).toBeGreaterThan(0);
  });
});

describe('encodeTicket(ticket, epson-tm-t88vi without a Chinese font)', () => {
  it('prints ASCII text without Chinese mode', () => {
    const bytes = encodeTicket(ticket({ kind: 'text', text: 'A001' }), EPSON);
    expect(indexOf(bytes, [0x1c, 0x26])).toBe(-1);
    expect(indexOf(bytes, [...bytesOf('A001'), 0x0a])).toBeGreaterThan(0);
  });

  it('refuses Chinese text loudly, naming the fix', () => {
    expect(() => encodeTicket(ticket({ kind: 'text', text: '取号' }), EPSON)).toThrow(
      "Epson TM-T88VI (no Chinese font) has no Chinese font and cannot print '取号': configure a printer model with chinese: 'gb18030'",
    );
  });
});

describe('wrapText', () => {
  it('keeps Latin words whole and breaks Chinese anywhere', () => {
    expect(wrapText('hello world again', 11)).toEqual(['hello world', 'again']);
    expect(wrapText('请到A窗口办理', 8)).toEqual(['请到A窗', '口办理']);
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });
});

describe('printerModel', () => {
  it('finds a model by id and names the choices for an unknown one', () => {
    expect(printerModel('generic-58-gb18030').columns).toBe(32);
    expect(() => printerModel('tm-x')).toThrow(
      "Unknown receipt printer model 'tm-x': use one of generic-80-gb18030, generic-58-gb18030, kiosk-80-presenter, epson-tm-t88vi",
    );
  });
});

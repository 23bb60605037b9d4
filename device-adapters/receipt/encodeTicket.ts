import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import { encode as encodeQr } from 'uqr';
import type { ReceiptBlock, ReceiptTicket } from '../receiptPrinter';
import { encodeGb18030 } from './gb18030';
import type { PrinterModel } from './printerModels';

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const LF = 0x0a;

/** FS &: Chinese character mode, in which bytes from 0x81 up are GB18030 codes. */
export const CHINESE_MODE = [FS, 0x26] as const;

/** Lines fed after the last block on printers without a cutter, so the ticket clears the tear bar. */
const TEAR_OFF_FEED = 4;

/** The library's own limit on a QR module, and the quiet zone every QR code needs around it. */
const QR_MAX_MODULE_DOTS = 8;
const QR_QUIET_MODULES = 4;

type Align = 'left' | 'center' | 'right';
const ALIGN: Record<Align, number> = { left: 0, center: 1, right: 2 };

function isAscii(text: string): boolean {
  return [...text].every((character) => character.charCodeAt(0) < 0x80);
}

/** Columns a character takes: a Chinese (double-byte) character takes two. */
function widthOf(character: string): number {
  return character.charCodeAt(0) < 0x80 ? 1 : 2;
}

/**
 * Breaks text into lines of at most `columns`: between any two Chinese characters, and between
 * words of Latin text, unless a word is longer than a line.
 */
export function wrapText(text: string, columns: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    const tokens = paragraph.match(/[\x21-\x7e]+\s*|\s+|[^\s\x21-\x7e]/gu) ?? [];
    let line = '';
    let used = 0;
    for (const token of tokens) {
      const width = [...token].reduce((sum, character) => sum + widthOf(character), 0);
      const printed = token.trimEnd();
      const printedWidth = [...printed].reduce((sum, character) => sum + widthOf(character), 0);
      if (used + printedWidth <= columns) {
        line += token;
        used += width;
        continue;
      }
      if (line.trim()) lines.push(line.trimEnd());
      line = '';
      used = 0;
      for (const character of token.trimStart()) {
        if (used + widthOf(character) > columns) {
          lines.push(line.trimEnd());
          line = '';
          used = 0;
        }
        line += character;
        used += widthOf(character);
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

/** What the model's font can print; a model without Chinese fonts refuses Chinese text here. */
function textBytes(text: string, model: PrinterModel): Uint8Array {
  if (model.chinese === 'gb18030') return encodeGb18030(text);
  if (!isAscii(text)) {
    throw new Error(
      `${model.name} has no Chinese font and cannot print '${text}': configure a printer model with chinese: 'gb18030' (device-adapters/receipt/printerModels.ts)`,
    );
  }
  return Uint8Array.from([...text].map((character) => character.charCodeAt(0)));
}

/**
 * Text in the printer's own alignment (ESC a), emphasis (ESC E) and size (GS !), sent as raw bytes:
 * the encoder pads alignment with spaces it measures one column per character, which is wrong for
 * Chinese, and it has no GB18030 code page.
 */
function styledText(
  text: string,
  model: PrinterModel,
  style: { align: Align; bold: boolean; magnify: number },
): number[] {
  const columns = Math.floor(model.columns / style.magnify);
  const size = ((style.magnify - 1) << 4) | (style.magnify - 1);
  const bytes = [ESC, 0x61, ALIGN[style.align], ESC, 0x45, style.bold ? 1 : 0, GS, 0x21, size];
  for (const line of wrapText(text, columns)) bytes.push(...textBytes(line, model), LF);
  bytes.push(GS, 0x21, 0x00, ESC, 0x45, 0x00, ESC, 0x61, 0x00);
  return bytes;
}

/** The largest magnification (1–8) at which the whole number still fits on one line. */
function bigNumberMagnify(text: string, model: PrinterModel): number {
  const width = [...text].reduce((sum, character) => sum + widthOf(character), 0);
  return Math.max(1, Math.min(8, Math.floor(model.columns / Math.max(width, 1))));
}

/** The QR symbol the data needs at error level M, failing loudly when no QR code can hold it. */
function qrSymbol(data: string): ReturnType<typeof encodeQr> {
  if (!isAscii(data)) {
    throw new Error(
      `QR data must be ASCII (percent-encode the non-ASCII parts of a URL): '${data.slice(0, 40)}'`,
    );
  }
  try {
    return encodeQr(data, { ecc: 'M', border: 0 });
  } catch (error) {
    throw new Error(
      `QR data of ${data.length} characters is too long for a QR code at error level M (at most 2331 bytes): shorten it, e.g. to a short URL`,
      { cause: error },
    );
  }
}

/** The largest module size (dots) at which the symbol and its quiet zone fit the printable width. */
export function qrModuleDots(modules: number, model: PrinterModel): number {
  const dots = Math.floor(model.printableDots / (modules + 2 * QR_QUIET_MODULES));
  if (dots < 1) {
    throw new Error(`A QR code of ${modules} modules does not fit ${model.name}'s paper`);
  }
  return Math.min(QR_MAX_MODULE_DOTS, dots);
}

/** A QR symbol as a black-and-white image, for printers that cannot draw QR codes themselves. */
function qrImage(symbol: ReturnType<typeof encodeQr>, moduleDots: number) {
  const side = Math.ceil((symbol.size * moduleDots) / 8) * 8;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let y = 0; y < symbol.size * moduleDots; y++) {
    for (let x = 0; x < symbol.size * moduleDots; x++) {
      if (symbol.data[Math.floor(y / moduleDots)]?.[Math.floor(x / moduleDots)]) {
        const at = (y * side + x) * 4;
        data[at] = data[at + 1] = data[at + 2] = 0;
      }
    }
  }
  return { image: { data, width: side, height: side }, side };
}

function addBlock(encoder: ReceiptPrinterEncoder, block: ReceiptBlock, model: PrinterModel): void {
  switch (block.kind) {
    case 'text':
      encoder.raw(
        styledText(block.text, model, {
          align: block.align ?? 'left',
          bold: block.bold ?? false,
          magnify: block.size === 'large' ? 2 : 1,
        }),
      );
      return;
    case 'bigNumber':
      encoder.raw(
        styledText(block.text, model, {
          align: 'center',
          bold: true,
          magnify: bigNumberMagnify(block.text, model),
        }),
      );
      return;
    case 'qr': {
      const symbol = qrSymbol(block.data);
      const moduleDots = qrModuleDots(symbol.size, model);
      encoder.align('center');
      if (model.qr === 'native') {
        encoder.qrcode(block.data, { model: 2, size: moduleDots, errorlevel: 'm' });
      } else {
        const { image, side } = qrImage(symbol, moduleDots);
        encoder.image(image, side, side, 'threshold');
      }
      encoder.align('left');
      if (block.caption) {
        encoder.raw(styledText(block.caption, model, { align: 'center', bold: false, magnify: 1 }));
      }
      return;
    }
    case 'rule':
      encoder.raw([...textBytes('-'.repeat(model.columns), model), LF]);
      return;
    case 'feed':
      if (block.lines > 0) encoder.newline(block.lines);
      return;
  }
}

/**
 * The ESC/POS bytes of one ticket for one printer model: initialise (ESC @), Chinese character mode
 * on GB18030 printers (FS &), the blocks, and a feed and cut (GS V) when the model has a cutter.
 * Pure: the transport sends the bytes. Throws, naming the fix, for what the model cannot print.
 */
export function encodeTicket(ticket: ReceiptTicket, model: PrinterModel): Uint8Array {
  const encoder = new ReceiptPrinterEncoder({
    printerModel: model.encoderModel,
    columns: model.columns,
    language: model.language,
    errors: 'strict',
  });
  encoder.initialize();
  if (model.chinese === 'gb18030') encoder.raw([...CHINESE_MODE]);
  for (const block of ticket.blocks) addBlock(encoder, block, model);
  if (model.cutter) encoder.cut('partial');
  else encoder.newline(TEAR_OFF_FEED);
  return encoder.encode();
}

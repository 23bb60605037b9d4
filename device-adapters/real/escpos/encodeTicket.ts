import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { ReceiptBlock, ReceiptTicket } from '../../receiptPrinter';
import { encodeGb18030 } from './gb18030';
import type { ReceiptPrinterModel } from './printerModels';

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const ALIGN = { left: 0, center: 1, right: 2 } as const;
/** QR codes hold at most this many bytes at error level M (version 40). */
export const MAX_QR_BYTES = 2331;

/** Chinese mode on (FS &), the text, Chinese mode off (FS .), then a line feed. */
function textLine(text: string): number[] {
  return [FS, 0x26, ...encodeGb18030(text), FS, 0x2e, 0x0a];
}

function blockBytes(block: ReceiptBlock, model: ReceiptPrinterModel): number[] {
  switch (block.kind) {
    case 'text':
      return [
        ESC,
        0x61,
        ALIGN[block.align ?? 'left'],
        ESC,
        0x45,
        block.bold ? 1 : 0,
        GS,
        0x21,
        block.size === 'large' ? 0x11 : 0x00,
        ...textLine(block.text),
        GS,
        0x21,
        0x00,
        ESC,
        0x45,
        0,
        ESC,
        0x61,
        0,
      ];
    case 'bigNumber':
      return [
        ESC,
        0x61,
        1,
        ESC,
        0x45,
        1,
        GS,
        0x21,
        0x33,
        ...textLine(block.text),
        GS,
        0x21,
        0x00,
        ESC,
        0x45,
        0,
        ESC,
        0x61,
        0,
      ];
    case 'rule':
      return [...'-'.repeat(model.columns)].map((c) => c.charCodeAt(0)).concat(0x0a);
    case 'feed':
      return [ESC, 0x64, Math.max(0, Math.min(255, block.lines))];
    case 'qr':
      throw new Error('QR blocks are encoded by the library, not here');
  }
}

/**
 * A ticket as ESC/POS bytes for a model: a pure function, separate from moving the bytes.
 * Text goes in the printer's GB18030 font; QR codes use the printer's own command; the paper
 * is cut when the model has a cutter.
 */
export function encodeTicket(ticket: ReceiptTicket, model: ReceiptPrinterModel): Uint8Array {
  const encoder = new ReceiptPrinterEncoder({ language: 'esc-pos', columns: model.columns });
  encoder.initialize();
  for (const block of ticket.blocks) {
    if (block.kind === 'qr') {
      const size = new TextEncoder().encode(block.data).length;
      if (size > MAX_QR_BYTES) {
        throw new Error(
          `A QR code holds at most ${MAX_QR_BYTES} bytes; this one has ${size}. Put an id in it, not the data.`,
        );
      }
      encoder.qrcode(block.data, 2, model.qrModule, 'm');
      if (block.caption) encoder.raw([ESC, 0x61, 1, ...textLine(block.caption), ESC, 0x61, 0]);
    } else {
      encoder.raw(blockBytes(block, model));
    }
  }
  encoder.raw([ESC, 0x64, 4]);
  if (model.cutter) encoder.cut('partial');
  return encoder.encode();
}

/** The library's own printer definitions, used for its fonts, code pages and QR capability. */
export type EncoderPrinterModel = 'xprinter-xp-n160ii' | 'pos-5890' | 'epson-tm-t88vi';

/** A receipt printer model as data: what the encoder and the driver need to know of it. */
export interface PrinterModel {
  id: string;
  name: string;
  /** Characters of font A per line at normal size; a Chinese character takes two. */
  columns: 32 | 42 | 48;
  paperWidthMm: 58 | 80;
  /** Printable width in dots, for fitting the QR code. */
  printableDots: number;
  language: 'esc-pos';
  /** 'gb18030': the printer has a GB18030 font and a Chinese character mode (FS &); 'none': it has neither. */
  chinese: 'gb18030' | 'none';
  /** 'native': the printer draws QR codes itself (GS ( k). */
  qr: 'native' | 'raster';
  cutter: boolean;
  /**
   * The printer has a presenter with a sensor that sees a ticket in the exit (Custom's full status,
   * DLE EOT 20). Without one the driver knows a ticket was presented when it finished printing,
   * but can never know when it was taken.
   */
  presenter: boolean;
  /**
   * USB ids where they are known for the model; clones vary, so a terminal's configuration may
   * give its own (check with `lsusb`).
   */
  usb?: { vendorId: number; productId: number };
  encoderModel: EncoderPrinterModel;
}

/**
 * The models a terminal may be configured with. Every one must answer ESC/POS real-time status
 * (DLE EOT) and the process ID response (GS ( H fn 48), which is how the driver learns a ticket is
 * finished: printers that lack GS ( H time out on every print, loudly.
 */
export const PRINTER_MODELS = {
  /** A generic 80 mm ESC/POS printer with a GB18030 font, as most printers sold in China are. */
  'generic-80-gb18030': {
    id: 'generic-80-gb18030',
    name: 'Generic 80 mm ESC/POS printer (GB18030)',
    columns: 48,
    paperWidthMm: 80,
    printableDots: 576,
    language: 'esc-pos',
    chinese: 'gb18030',
    qr: 'native',
    cutter: true,
    presenter: false,
    encoderModel: 'xprinter-xp-n160ii',
  },
  /** A generic 58 mm ESC/POS printer with a GB18030 font and no cutter. */
  'generic-58-gb18030': {
    id: 'generic-58-gb18030',
    name: 'Generic 58 mm ESC/POS printer (GB18030)',
    columns: 32,
    paperWidthMm: 58,
    printableDots: 384,
    language: 'esc-pos',
    chinese: 'gb18030',
    qr: 'native',
    cutter: false,
    presenter: false,
    usb: { vendorId: 0x0416, productId: 0x5011 },
    encoderModel: 'pos-5890',
  },
  /** An 80 mm kiosk printer with a presenter that reports a ticket left in its exit (Custom VKP80III-like). */
  'kiosk-80-presenter': {
    id: 'kiosk-80-presenter',
    name: '80 mm kiosk printer with presenter (GB18030)',
    columns: 48,
    paperWidthMm: 80,
    printableDots: 576,
    language: 'esc-pos',
    chinese: 'gb18030',
    qr: 'native',
    cutter: true,
    presenter: true,
    encoderModel: 'xprinter-xp-n160ii',
  },
  /**
   * An Epson TM-T88VI as sold outside China, without a Chinese font. The kiosk's tickets are in
   * Chinese, so encoding one for it fails: order the Simplified Chinese version, which is a
   * 'gb18030' model.
   */
  'epson-tm-t88vi': {
    id: 'epson-tm-t88vi',
    name: 'Epson TM-T88VI (no Chinese font)',
    columns: 42,
    paperWidthMm: 80,
    printableDots: 512,
    language: 'esc-pos',
    chinese: 'none',
    qr: 'native',
    cutter: true,
    presenter: false,
    usb: { vendorId: 0x04b8, productId: 0x0202 },
    encoderModel: 'epson-tm-t88vi',
  },
} as const satisfies Record<string, PrinterModel>;

export type PrinterModelId = keyof typeof PRINTER_MODELS;

/** The model with this id, for configuration read from kiosk.config.json. */
export function printerModel(id: string): PrinterModel {
  const model = (PRINTER_MODELS as Record<string, PrinterModel>)[id];
  if (!model) {
    throw new Error(
      `Unknown receipt printer model '${id}': use one of ${Object.keys(PRINTER_MODELS).join(', ')} (device-adapters/receipt/printerModels.ts)`,
    );
  }
  return model;
}

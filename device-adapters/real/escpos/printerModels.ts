/** A receipt printer model, as data: what the encoder and the driver need to know of it. */
export interface ReceiptPrinterModel {
  id: string;
  name: string;
  columns: number;
  paperWidthMm: number;
  /** Chinese text in the printer's own GB18030 font. */
  chinese: 'gb18030';
  /** QR codes with the printer's own GS ( k command (a raster image over serial is slow). */
  qr: 'native';
  /** QR module size in dots (1–16). */
  qrModule: number;
  cutter: boolean;
  /** Whether a paper sensor at the exit reports paper left behind (a presenter). */
  presenter: boolean;
  usb?: { vendorId: number; productId: number };
}

export const PRINTER_MODELS: readonly ReceiptPrinterModel[] = [
  {
    id: 'generic-80',
    name: 'Generic 80 mm ESC/POS thermal printer with GB18030 font',
    columns: 48,
    paperWidthMm: 80,
    chinese: 'gb18030',
    qr: 'native',
    qrModule: 6,
    cutter: true,
    presenter: false,
  },
  {
    id: 'generic-58',
    name: 'Generic 58 mm ESC/POS thermal printer with GB18030 font',
    columns: 32,
    paperWidthMm: 58,
    chinese: 'gb18030',
    qr: 'native',
    qrModule: 4,
    cutter: false,
    presenter: false,
  },
];

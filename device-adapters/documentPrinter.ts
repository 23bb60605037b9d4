import type { Device, WaitOptions } from './device';

export type PaperSize = 'A4' | 'licence';

export interface PrintDocument {
  title: string;
  paper: PaperSize;
  /** Each page as a standalone SVG document sized in millimetres for its paper. */
  pages: string[];
  /** The printed words in reading order, for records and the tester's tray. */
  text: string;
}

/** An A4 or licence-paper document printer. */
export interface DocumentPrinter extends Device {
  readonly kind: 'document';
  /**
   * Resolves when the printer reports the document done. Rejects with a DeviceError:
   * `paper-out`, `jam`, `cover-open`, `offline`, `timeout`, `hardware-error`.
   */
  print(document: PrintDocument, options?: WaitOptions): Promise<void>;
}

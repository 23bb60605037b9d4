import type { Device, WaitOptions } from './device';

export type PaperSize = 'A4' | 'licence';

export interface PrintDocument {
  title: string;
  paper: PaperSize;
  /** Each page as a standalone SVG document sized in millimetres for its paper. */
  pages: string[];
  /** The printed words in reading order, for records and the tester's tray. */
  text: string;
  /** What the QR codes on the pages hold, for records and the tester's tray. */
  qr?: string[];
  /** The print journal's key of this job, for a printer that can later say whether it completed. */
  jobKey?: string;
}

/** An A4 or licence-paper document printer. */
export interface DocumentPrinter extends Device {
  readonly kind: 'document';
  /**
   * Resolves when the printer reports the document done. Rejects with a DeviceError:
   * `paper-out`, `jam`, `cover-open`, `offline`, `timeout`, `hardware-error`.
   */
  print(document: PrintDocument, options?: WaitOptions): Promise<void>;
  /**
   * Whether the job with this journal key completed, for printers that keep a job history (an
   * IPP printer, the simulator). Without it, a job cut off by a crash is left for staff to check.
   */
  jobStatus?(jobKey: string): Promise<'completed' | 'not-found' | 'unknown'>;
}

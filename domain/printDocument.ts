/** The paper a document printer holds: plain A4, or the A3 licence paper of a business licence's 正本. */
export type PaperSize = 'A4' | 'licence';

/** A document to print: standalone SVG pages sized in millimetres, and its words for records. */
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

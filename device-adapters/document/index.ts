export {
  BrowserDocumentPrinter,
  type BrowserDocumentPrinterOptions,
} from './browserDocumentPrinter';
export { PAPER_SHEETS, type PaperSheet, type PageOrientation } from './paperSizes';
export { pageOrientation } from './pageOrientation';
export type { PrinterStatusSource } from './printerStatusSource';

import { DEFAULT_DEVICE_TIMEOUTS, type PrintDocument } from '../../domain';
import type { WaitOptions } from '../device';
import type { DocumentPrinter } from '../documentPrinter';
import { MockPrinter, type MockPrinterOptions } from './mockPrinter';

export interface MockDocumentPrinterOptions extends MockPrinterOptions {
  /** How long a document takes to print; the printer is 'busy' meanwhile. Default 1500 ms. */
  printMs?: number;
  /** Bound when the caller gives no timeoutMs. Default 120 s. */
  defaultTimeoutMs?: number;
}

/** A simulated A4 / licence-paper printer, with the receipt printer's fault and status model. */
export class MockDocumentPrinter extends MockPrinter<'document'> implements DocumentPrinter {
  constructor(options: MockDocumentPrinterOptions = {}) {
    super('document', options, {
      printMs: 1500,
      defaultTimeoutMs: DEFAULT_DEVICE_TIMEOUTS.documentPrintMs,
    });
  }

  print(document: PrintDocument, options: WaitOptions = {}): Promise<void> {
    const job = () => ({
      title: document.title,
      text: document.text,
      document: structuredClone(document),
    });
    return this.printJob(options, job);
  }

  /** The simulated printer keeps its job history: a job is completed when its paper is in the tray. */
  async jobStatus(jobKey: string): Promise<'completed' | 'not-found'> {
    return this.tray.list().some((item) => item.document?.jobKey === jobKey)
      ? 'completed'
      : 'not-found';
  }
}

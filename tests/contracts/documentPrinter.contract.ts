import { afterEach, beforeEach, describe } from 'vitest';
import type { DocumentPrinter } from '../../device-adapters/documentPrinter';
import type { PrintDocument } from '../../domain';
import { printerContractTests, type PrinterWorld } from './printerContract';

type Awaitable<T> = T | Promise<T>;

/**
 * The world around a document printer under test, as a fake printer can stage it
 * (see PrinterWorld for the shared conditions and timing).
 */
export interface DocumentPrinterHarness extends PrinterWorld {
  /** The adapter under test: connected, status 'online', paper loaded. */
  printer: DocumentPrinter;
}

const PAGE =
  '<svg xmlns="http://www.w3.org/2000/svg" width="210mm" height="297mm" viewBox="0 0 210 297">' +
  '<text x="20" y="30" font-size="8">营业执照（副本）</text></svg>';

const LICENCE_COPY: PrintDocument = {
  title: '营业执照副本',
  paper: 'A4',
  pages: [PAGE],
  text: '营业执照（副本）',
};

export function describeDocumentPrinterContract(
  name: string,
  makeHarness: () => Awaitable<DocumentPrinterHarness>,
): void {
  describe(`DocumentPrinter contract: ${name}`, () => {
    let world: DocumentPrinterHarness;
    let printer: DocumentPrinter;

    beforeEach(async () => {
      world = await makeHarness();
      printer = world.printer;
    });
    afterEach(async () => {
      await world.dispose();
    });

    printerContractTests('document', () => ({
      device: printer,
      world,
      print: (options) => printer.print(LICENCE_COPY, options),
    }));
  });
}

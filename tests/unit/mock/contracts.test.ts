import { describeCodeScannerContract } from '../../contracts/codeScanner.contract';
import { describeDocumentCameraContract } from '../../contracts/documentCamera.contract';
import { describeDocumentPrinterContract } from '../../contracts/documentPrinter.contract';
import { describeFaceVerifierContract } from '../../contracts/faceVerifier.contract';
import { describeIdCardReaderContract } from '../../contracts/idCardReader.contract';
import { describeReceiptPrinterContract } from '../../contracts/receiptPrinter.contract';
import {
  MockCodeScanner,
  MockDocumentCamera,
  MockDocumentPrinter,
  MockFaceVerifier,
  MockIdCardReader,
  MockReceiptPrinter,
} from '../../../device-adapters/mock';

/** Long enough to outlast any timeoutMs the contracts use; the mocks clear it on timeout. */
const STALL = { slow: 60_000 };

/** Quick, but long enough for a contract to act while a print runs (PrinterWorld asks 30–150 ms). */
const PRINT_MS = 100;

describeIdCardReaderContract('mock', () => {
  const reader = new MockIdCardReader({ readMs: 10 });
  return {
    reader,
    placeCard: (record) => reader.insert(record),
    pullCard: () => reader.remove(),
    failNextRead: () => reader.failNextRead(),
    pullCardDuringNextRead: () => reader.inject('pull-mid-read'),
    goOffline: () => reader.inject('offline'),
    dispose: () => reader.clear(),
  };
});

describeFaceVerifierContract('mock', () => {
  const verifier = new MockFaceVerifier({ verifyMs: 10 });
  return {
    verifier,
    presentFace: (face) => verifier.next(face),
    stall: () => verifier.inject(STALL),
    goOffline: () => verifier.inject('offline'),
    dispose: () => verifier.clear(),
  };
});

describeCodeScannerContract('mock', () => {
  const scanner = new MockCodeScanner({ switchMs: 5 });
  return {
    scanner,
    scan: (text) => {
      scanner.scan(text);
    },
    goOffline: () => scanner.inject('offline'),
    dispose: () => scanner.clear(),
  };
});

describeReceiptPrinterContract('mock', () => {
  const printer = new MockReceiptPrinter({ printMs: PRINT_MS });
  return {
    printer,
    paperLow: () => printer.inject('paper-low'),
    paperOut: () => printer.inject('paper-out'),
    jam: () => printer.inject('jam'),
    coverOpen: () => printer.inject('cover-open'),
    goOffline: () => printer.inject('offline'),
    recover: () => printer.clear(),
    stall: () => printer.inject(STALL),
    takePaper: () => printer.takePaper(),
    printedCount: () => printer.printedCount,
    dispose: () => printer.clear(),
  };
});

describeDocumentPrinterContract('mock', () => {
  const printer = new MockDocumentPrinter({ printMs: PRINT_MS });
  return {
    printer,
    paperLow: () => printer.inject('paper-low'),
    paperOut: () => printer.inject('paper-out'),
    jam: () => printer.inject('jam'),
    coverOpen: () => printer.inject('cover-open'),
    goOffline: () => printer.inject('offline'),
    recover: () => printer.clear(),
    stall: () => printer.inject(STALL),
    printedCount: () => printer.printedCount,
    dispose: () => printer.clear(),
  };
});

describeDocumentCameraContract('mock', () => {
  const camera = new MockDocumentCamera({ captureMs: 10 });
  return {
    camera,
    failNextCapture: () => camera.failNextCapture(),
    stall: () => camera.inject(STALL),
    goOffline: () => camera.inject('offline'),
    dispose: () => camera.clear(),
  };
});

import type { CodeScanner } from './codeScanner';
import type { DocumentCamera } from './documentCamera';
import type { DocumentPrinter } from './documentPrinter';
import type { FaceVerifier } from './faceVerifier';
import type { IdCardReader } from './idCardReader';
import type { ReceiptPrinter } from './receiptPrinter';

/** The set of devices the composition root builds, one per kind, real or mock. */
export interface KioskDevices {
  idCard: IdCardReader;
  face: FaceVerifier;
  scanner: CodeScanner;
  receipt: ReceiptPrinter;
  document: DocumentPrinter;
  camera: DocumentCamera;
}

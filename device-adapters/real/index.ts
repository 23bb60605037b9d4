export * from './escpos';
export { BridgeConnection, type BridgeSocket, type SocketFactory } from './bridgeConnection';
export { BridgeIdCardReader } from './bridgeIdCardReader';
export { BridgeFaceVerifier } from './bridgeFaceVerifier';
export { WedgeScanner, type WedgeScannerOptions } from './wedgeScanner';
export {
  BrowserDocumentPrinter,
  PAPER_MM,
  type PrinterStatusSource,
} from './browserDocumentPrinter';
export { MediaDocumentCamera, type CameraPlatform } from './mediaDocumentCamera';

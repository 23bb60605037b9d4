export { BridgeConnection, type BridgeSocket, type SocketFactory } from './bridgeConnection';
export { BridgeIdCardReader } from './bridgeIdCardReader';
export { BridgeFaceVerifier } from './bridgeFaceVerifier';
export { WedgeScanner, type WedgeScannerOptions } from './wedgeScanner';
export { MediaDocumentCamera, type CameraPlatform } from './mediaDocumentCamera';
// The camera scanner and its decoders are a chunk of their own, loaded by loadCameraScanner only
// on a terminal that scans with the camera: import them from their modules, never from here.
export type { CameraScannerOptions, CameraScannerPlatform } from './cameraScanner';
export { loadCameraScanner } from './loadCameraScanner';
export type { QrDecoder } from './qrDecoders';
export { UnconfiguredReceiptPrinter } from './unconfiguredReceiptPrinter';
export { CombinedScanner } from './combinedScanner';

export { BridgeConnection, type BridgeSocket, type SocketFactory } from './bridgeConnection';
export { BridgeIdCardReader } from './bridgeIdCardReader';
export { BridgeFaceVerifier } from './bridgeFaceVerifier';
export { WedgeScanner, type WedgeScannerOptions } from './wedgeScanner';
export { MediaDocumentCamera, type CameraPlatform } from './mediaDocumentCamera';
export {
  CameraScanner,
  type CameraScannerOptions,
  type CameraScannerPlatform,
} from './cameraScanner';
export { loadCameraScanner } from './loadCameraScanner';
export { zxingDecoder, nativeDecoder, type QrDecoder } from './qrDecoders';
export { UnconfiguredReceiptPrinter } from './unconfiguredReceiptPrinter';
export { CombinedScanner } from './combinedScanner';

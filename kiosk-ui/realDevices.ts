import type { KioskConfig } from '../domain';
import type { KioskDevices } from '../device-adapters';
import { BrowserDocumentPrinter } from '../device-adapters/document';
import {
  BridgeConnection,
  BridgeFaceVerifier,
  BridgeIdCardReader,
  MediaDocumentCamera,
  UnconfiguredReceiptPrinter,
  WedgeScanner,
} from '../device-adapters/real';
import { EscPosReceiptPrinter, WebSerialTransport, printerModel } from '../device-adapters/receipt';

/**
 * The drivers for a terminal's hardware: the ID reader and face verifier through the local device
 * bridge (docs/device-bridge.md), the handheld scanner as a keyboard wedge, the receipt printer
 * over WebSerial (reopened by its USB ids, with no picker; offline until it is found), the
 * document printer through the browser's silent print, the document camera as a UVC camera.
 */
export async function createRealDevices(config: KioskConfig): Promise<KioskDevices> {
  const { bridgeUrl, receiptPrinter } = config.hardware;
  const bridge = new BridgeConnection(bridgeUrl);
  const model = printerModel(receiptPrinter.model);
  const usb =
    receiptPrinter.vendorId !== undefined && receiptPrinter.productId !== undefined
      ? { vendorId: receiptPrinter.vendorId, productId: receiptPrinter.productId }
      : model.usb;
  const receipt = usb
    ? new EscPosReceiptPrinter({ transport: new WebSerialTransport({ usb }), model })
    : null;
  // A printer that is not there yet stays 'offline': home pauses the flows that need it.
  receipt?.start().catch((error: unknown) => console.error('Receipt printer not started', error));
  return {
    idCard: new BridgeIdCardReader(bridge),
    face: new BridgeFaceVerifier(bridge),
    scanner: new WedgeScanner(),
    receipt: receipt ?? new UnconfiguredReceiptPrinter(),
    document: new BrowserDocumentPrinter(),
    camera: new MediaDocumentCamera(),
  };
}
